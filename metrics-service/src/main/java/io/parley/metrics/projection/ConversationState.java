package io.parley.metrics.projection;

import java.time.Instant;
import java.util.UUID;

/** A conversation as reports need it now (a row of report_conversation), changed by each event in order. */
public final class ConversationState {
    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";

    public UUID conversationId;
    public String inboxId;
    public String channel;
    public String team;
    public String assignee;
    public String priority;
    public UUID contactId;
    public String status;
    public Instant createdAt;
    public Instant firstReplyAt;
    /** Waiting in the team queue since; null once assigned or no longer open. */
    public Instant queuedSince;

    public int agentReplies;
    public boolean reopened;
    public Instant updatedAt;

    /**
     * A conversation first seen through a later event (its conversation.created was before this database's history):
     * what that event tells about it, open until told otherwise.
     */
    static ConversationState unseen(UUID conversationId, String inboxId, String channel, String team, Instant at) {
        ConversationState state = new ConversationState();
        state.conversationId = conversationId;
        state.inboxId = inboxId == null ? "unknown" : inboxId;
        state.channel = channel == null ? "unknown" : channel;
        state.team = team;
        state.status = OPEN;
        state.createdAt = at;
        state.updatedAt = at;
        return state;
    }
}
