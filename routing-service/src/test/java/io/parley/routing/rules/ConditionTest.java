package io.parley.routing.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rule conditions, table-driven: one row per condition and the facts it is tested against. */
class ConditionTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static RuleFacts facts() {
        RuleFacts facts = new RuleFacts();
        facts.text = "My app shows ERROR 500 when I pay";
        facts.language = "en";
        facts.channel = "whatsapp";
        facts.inboxId = "wa-main";
        facts.publicPost = false;
        facts.sentiment = "negative";
        facts.contact = Map.of("plan", "Enterprise");
        facts.inBusinessHours = false;
        facts.tags = new java.util.HashSet<>(Set.of("technical-issue"));
        facts.addedTags = new java.util.HashSet<>(Set.of("technical-issue"));
        facts.priority = "medium";
        facts.team = "support";
        facts.status = "open";
        return facts;
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("{\"field\":\"text\",\"op\":\"contains\",\"value\":\"error\"}", true),
                Arguments.of("{\"field\":\"text\",\"op\":\"contains\",\"value\":[\"refund\",\"pay\"]}", true),
                Arguments.of("{\"field\":\"text\",\"op\":\"not_contains\",\"value\":\"error\"}", false),
                Arguments.of("{\"field\":\"text\",\"op\":\"matches\",\"value\":\"error\\\\s+5\\\\d\\\\d\"}", true),
                Arguments.of("{\"field\":\"text\",\"op\":\"matches\",\"value\":\"^error\"}", false),
                Arguments.of("{\"field\":\"language\",\"op\":\"equals\",\"value\":\"EN\"}", true),
                Arguments.of("{\"field\":\"channel\",\"op\":\"in\",\"value\":[\"whatsapp\",\"messenger\"]}", true),
                Arguments.of("{\"field\":\"channel\",\"op\":\"not_equals\",\"value\":\"whatsapp\"}", false),
                Arguments.of("{\"field\":\"public\",\"op\":\"equals\",\"value\":true}", false),
                Arguments.of("{\"field\":\"sentiment\",\"op\":\"equals\",\"value\":\"negative\"}", true),
                Arguments.of("{\"field\":\"business_hours\",\"op\":\"equals\",\"value\":\"closed\"}", true),
                Arguments.of("{\"field\":\"contact.plan\",\"op\":\"equals\",\"value\":\"enterprise\"}", true),
                Arguments.of("{\"field\":\"contact.city\",\"op\":\"equals\",\"value\":\"berlin\"}", false),
                Arguments.of("{\"field\":\"contact.city\",\"op\":\"not_equals\",\"value\":\"berlin\"}", true),
                Arguments.of("{\"field\":\"tag\",\"op\":\"contains\",\"value\":\"technical-issue\"}", true),
                Arguments.of("{\"field\":\"tag\",\"op\":\"not_contains\",\"value\":\"spam\"}", true),
                Arguments.of("{\"field\":\"tag_added\",\"op\":\"equals\",\"value\":\"sales-lead\"}", false),
                Arguments.of("{\"field\":\"priority\",\"op\":\"in\",\"value\":[\"low\",\"medium\"]}", true),
                Arguments.of("{\"all\":[]}", true),
                Arguments.of("{\"any\":[]}", false),
                Arguments.of(
                        "{\"all\":[{\"field\":\"channel\",\"op\":\"equals\",\"value\":\"whatsapp\"},"
                                + "{\"any\":[{\"field\":\"text\",\"op\":\"contains\",\"value\":\"refund\"},"
                                + "{\"field\":\"sentiment\",\"op\":\"equals\",\"value\":\"negative\"}]}]}",
                        true),
                Arguments.of(
                        "{\"all\":[{\"field\":\"channel\",\"op\":\"equals\",\"value\":\"whatsapp\"},"
                                + "{\"field\":\"public\",\"op\":\"equals\",\"value\":\"true\"}]}",
                        false));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("table")
    void evaluates(String condition, boolean expected) throws Exception {
        assertEquals(expected, Condition.parse(JSON.readTree(condition)).test(facts()));
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(
            strings = {
                "{\"field\":\"mood\",\"op\":\"equals\",\"value\":\"x\"}",
                "{\"field\":\"text\",\"op\":\"resembles\",\"value\":\"x\"}",
                "{\"field\":\"text\",\"op\":\"matches\",\"value\":\"(unclosed\"}",
                "{\"field\":\"text\",\"op\":\"matches\",\"value\":\"(a)\\\\1\"}",
                "{\"field\":\"text\",\"op\":\"matches\",\"value\":\"(?=lookahead)\"}",
                "{\"field\":\"text\",\"op\":\"equals\"}",
                "{\"field\":\"text\",\"op\":\"equals\",\"value\":[\"a\",\"b\"]}",
                "{\"all\":{\"field\":\"text\"}}",
                "[]"
            })
    void refusesWhatItCannotEvaluate(String condition) {
        assertThrows(IllegalArgumentException.class, () -> Condition.parse(JSON.readTree(condition)));
    }

    @ParameterizedTest(name = "actions {0} are refused")
    @ValueSource(
            strings = {
                "[]",
                "[{\"type\":\"explode\"}]",
                "[{\"type\":\"set_priority\",\"value\":\"sky-high\"}]",
                "[{\"type\":\"snooze\",\"value\":\"soon\"}]",
                "[{\"type\":\"add_tag\"}]"
            })
    void refusesActionsItCannotPerform(String actions) {
        assertThrows(IllegalArgumentException.class, () -> RuleAction.parse(JSON.readTree(actions)));
    }

    /** Catastrophic backtracking in java.util.regex; RE2/J matches it in linear time. */
    @Test
    void aNestedQuantifierOnALongInputFinishesWithinABound() throws Exception {
        Condition condition =
                Condition.parse(JSON.readTree("{\"field\":\"text\",\"op\":\"matches\",\"value\":\"(a+)+$\"}"));
        RuleFacts facts = facts();
        facts.text = "a".repeat(Condition.MAX_MATCH_INPUT - 1) + "!";
        boolean matched = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> condition.test(facts));
        assertFalse(matched);
    }

    @Test
    void aPatternOverTheLengthLimitIsRefused() {
        String value = "x".repeat(Condition.MAX_PATTERN_LENGTH + 1);
        assertThrows(
                IllegalArgumentException.class,
                () -> Condition.parse(
                        JSON.readTree("{\"field\":\"text\",\"op\":\"matches\",\"value\":\"" + value + "\"}")));
    }

    @Test
    void matchingIsCaseInsensitiveBeyondAscii() throws Exception {
        RuleFacts facts = facts();
        facts.text = "LA APP SE CAYÓ";
        assertTrue(Condition.parse(JSON.readTree("{\"field\":\"text\",\"op\":\"matches\",\"value\":\"se cayó\"}"))
                .test(facts));
    }
}
