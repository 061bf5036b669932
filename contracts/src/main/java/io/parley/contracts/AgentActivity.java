package io.parley.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent viewing or typing in a conversation, on {@link Topics#AGENT_ACTIVITY} (type {@link EventTypes#AGENT_ACTIVITY},
 * key = conversation id): what other agents' screens show to avoid answering twice.
 *
 * @param kind viewing, typing or left
 * @param team the conversation's team and {@code assignee} its agent: who may see the activity
 */
public record AgentActivity(
        UUID conversationId, String agent, String name, String kind, String team, String assignee, Instant at) {
    public static final String VIEWING = "viewing";
    public static final String TYPING = "typing";
    public static final String LEFT = "left";
}
