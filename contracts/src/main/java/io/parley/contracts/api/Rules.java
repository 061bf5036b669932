package io.parley.contracts.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** routing-service's automation rules ({@code /rules}), as routing answers and the gateway calls it. */
public final class Rules {
    private Rules() {}

    /**
     * A rule runs, in position order, on its triggers (conversation_created, message_created, tag_added) and does its
     * actions when its conditions hold.
     */
    public record Rule(
            UUID id,
            @NotBlank @Size(max = 200) String name,
            Integer position,
            @NotEmpty List<@Pattern(regexp = "conversation_created|message_created|tag_added") String> triggers,
            @Valid Condition conditions,
            @NotEmpty List<@Valid Action> actions,
            Boolean enabled) {}

    /**
     * Either a group ({@code all} or {@code any} of nested conditions) or a leaf comparing a field (text, language,
     * channel, inbox, public, sentiment, business_hours, tag, tag_added, priority, team, status, contact.&lt;attribute&gt;)
     * by an op (equals, not_equals, contains, not_contains, matches, in) with one value or several.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(
            List<@Valid Condition> all,
            List<@Valid Condition> any,
            String field,
            String op,

            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            List<String> value) {}

    /**
     * @param type add_tag, remove_tag, set_priority, raise_priority, assign_team, assign_agent, auto_reply, snooze
     *     (value: minutes), resolve, mark_spam
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(
            @NotBlank String type, @Size(max = 4096) String value) {}

    /** One change to a rule, with the rule before and after it. */
    public record Change(
            Long id, UUID ruleId, String change, String actor, Rule before, Rule after, Instant changedAt) {}
}
