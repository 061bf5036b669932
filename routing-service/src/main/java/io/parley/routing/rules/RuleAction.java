package io.parley.routing.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.routing.conversation.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One thing a matching rule does: {"type": "add_tag", "value": "incident"}. */
public record RuleAction(Type type, String value) {
    public enum Type {
        ADD_TAG,
        REMOVE_TAG,
        SET_PRIORITY,
        /** Sets the priority only if that raises it. */
        RAISE_PRIORITY,
        ASSIGN_TEAM,
        ASSIGN_AGENT,
        AUTO_REPLY,
        /** value: minutes */
        SNOOZE,
        RESOLVE,
        MARK_SPAM
    }

    /** @throws IllegalArgumentException saying what is wrong, for a 422 */
    static List<RuleAction> parse(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("actions must be a non-empty list");
        }
        List<RuleAction> actions = new ArrayList<>();
        for (JsonNode action : node) {
            String typeName = action.path("type").asText("");
            Type type;
            try {
                type = Type.valueOf(typeName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown action " + typeName + "; actions are "
                        + java.util.Arrays.stream(Type.values())
                                .map(t -> t.name().toLowerCase(Locale.ROOT))
                                .toList());
            }
            String value = action.hasNonNull("value") ? action.get("value").asText() : null;
            switch (type) {
                case RESOLVE, MARK_SPAM -> {}
                case SET_PRIORITY, RAISE_PRIORITY -> Priority.parse(require(type, value));
                case SNOOZE -> {
                    try {
                        if (Integer.parseInt(require(type, value)) < 1) throw new NumberFormatException();
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("snooze takes a number of minutes");
                    }
                }
                default -> require(type, value);
            }
            actions.add(new RuleAction(type, value));
        }
        return actions;
    }

    private static String require(Type type, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(type.name().toLowerCase(Locale.ROOT) + " needs a value");
        }
        return value;
    }
}
