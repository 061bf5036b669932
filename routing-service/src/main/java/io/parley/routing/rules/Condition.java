package io.parley.routing.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A rule's conditions: {"all": [...]} / {"any": [...]} nest; a leaf is {"field": ..., "op": ..., "value": ...}.
 * Fields: text, language, channel, inbox, public, sentiment, business_hours (open/closed), tag (the conversation has
 * it), tag_added (it was added in this pass), priority, team, status, and
 * contact.&lt;attribute&gt;. Ops: equals, not_equals, contains, not_contains, matches (regex), in (a list of values).
 * Text comparisons ignore case.
 */
public sealed interface Condition {
    Set<String> FIELDS = Set.of(
            "text",
            "language",
            "channel",
            "inbox",
            "public",
            "sentiment",
            "business_hours",
            "tag",
            "tag_added",
            "priority",
            "team",
            "status");
    /**
     * Rule regexes are admin-written and run on customer text, so they run on RE2/J, whose time is linear in the input
     * whatever the pattern (no catastrophic backtracking), and both sides are bounded.
     */
    int MAX_PATTERN_LENGTH = 1000;

    int MAX_MATCH_INPUT = 10_000;

    Set<String> OPS = Set.of("equals", "not_equals", "contains", "not_contains", "matches", "in");

    boolean test(RuleFacts facts);

    record All(List<Condition> conditions) implements Condition {
        public boolean test(RuleFacts facts) {
            return conditions.stream().allMatch(c -> c.test(facts));
        }
    }

    record Any(List<Condition> conditions) implements Condition {
        public boolean test(RuleFacts facts) {
            return conditions.stream().anyMatch(c -> c.test(facts));
        }
    }

    record Leaf(String field, String op, List<String> values, Pattern pattern) implements Condition {
        public boolean test(RuleFacts facts) {
            if (field.equals("tag") || field.equals("tag_added")) {
                Set<String> tags = field.equals("tag") ? facts.tags : facts.addedTags;
                boolean has = values.stream().anyMatch(tags::contains);
                return op.startsWith("not_") ? !has : has;
            }
            String actual = value(facts);
            String lower = actual == null ? null : actual.toLowerCase(Locale.ROOT);
            return switch (op) {
                case "equals" -> lower != null && lower.equals(values.get(0));
                case "not_equals" -> lower == null || !lower.equals(values.get(0));
                case "contains" -> lower != null && values.stream().anyMatch(lower::contains);
                case "not_contains" -> lower == null || values.stream().noneMatch(lower::contains);
                case "matches" ->
                    actual != null && pattern.matcher(bounded(actual)).find();
                case "in" -> lower != null && values.contains(lower);
                default -> false;
            };
        }

        /** A regex sees at most the first {@link #MAX_MATCH_INPUT} characters of a value. */
        private static String bounded(String actual) {
            return actual.length() > MAX_MATCH_INPUT ? actual.substring(0, MAX_MATCH_INPUT) : actual;
        }

        private String value(RuleFacts facts) {
            if (field.startsWith("contact.")) {
                return facts.contact.get(field.substring("contact.".length()));
            }
            return switch (field) {
                case "text" -> facts.text;
                case "language" -> facts.language;
                case "channel" -> facts.channel;
                case "inbox" -> facts.inboxId;
                case "public" -> Boolean.toString(facts.publicPost);
                case "sentiment" -> facts.sentiment;
                case "business_hours" -> facts.inBusinessHours ? "open" : "closed";
                case "priority" -> facts.priority;
                case "team" -> facts.team;
                case "status" -> facts.status;
                default -> null;
            };
        }
    }

    /** @throws IllegalArgumentException saying what is wrong, for a 422 */
    static Condition parse(JsonNode node) {
        if (node == null || node.isNull()) {
            return new All(List.of());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("a condition must be an object");
        }
        if (node.has("all") || node.has("any")) {
            JsonNode list = node.has("all") ? node.get("all") : node.get("any");
            if (!list.isArray()) {
                throw new IllegalArgumentException("all/any take a list of conditions");
            }
            List<Condition> children = new ArrayList<>();
            list.forEach(child -> children.add(parse(child)));
            return node.has("all") ? new All(children) : new Any(children);
        }
        String field = node.path("field").asText(null);
        String op = node.path("op").asText(null);
        if (field == null || !(FIELDS.contains(field) || field.startsWith("contact."))) {
            throw new IllegalArgumentException(
                    "unknown field " + field + "; fields are " + FIELDS + " and contact.<attribute>");
        }
        if (op == null || !OPS.contains(op)) {
            throw new IllegalArgumentException("unknown op " + op + "; ops are " + OPS);
        }
        JsonNode value = node.get("value");
        List<String> values = new ArrayList<>();
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("condition on " + field + " needs a value");
        } else if (value.isArray()) {
            value.forEach(v -> values.add(v.asText()));
        } else {
            values.add(value.asText());
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("condition on " + field + " needs a value");
        }
        if (!op.equals("matches")) {
            values.replaceAll(v -> v.toLowerCase(Locale.ROOT));
            if (!op.equals("in") && !op.contains("contains") && values.size() > 1) {
                throw new IllegalArgumentException(op + " takes one value; use in for a list");
            }
            return new Leaf(field, op, List.copyOf(values), null);
        }
        if (values.get(0).length() > MAX_PATTERN_LENGTH) {
            throw new IllegalArgumentException("value of matches is longer than " + MAX_PATTERN_LENGTH + " characters");
        }
        try {
            return new Leaf(field, op, List.copyOf(values), Pattern.compile(values.get(0), Pattern.CASE_INSENSITIVE));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "value of matches is not a valid regular expression (RE2 syntax: no backreferences or"
                            + " lookaround): " + e.getDescription());
        }
    }
}
