package io.parley.routing.assignment;

import io.parley.routing.conversation.Conversation;
import io.parley.routing.conversation.ConversationStatus;

/**
 * When a conversation waits in its team's queue: open, nobody assigned, and queued (it has a waiting-since time). Both
 * forms live here: the condition the queue's queries select stored conversations by, and the test a batch's
 * conversations not yet written are held to.
 */
final class WaitingInQueue {
    /**
     * An HQL condition on an unaliased Conversation. The status is a literal, not a parameter: only then can
     * PostgreSQL's generic plan use the queue's partial index (conversation_queue, V4: waiting conversations only).
     * With the status bound, the queue pass's read took 8.9 ms a batch finding nothing (pg_stat_statements in
     * bench/routing, docs/benchmarks.md).
     */
    static final String CONDITION = "assignee is null"
            + " and status = io.parley.routing.conversation.ConversationStatus.OPEN"
            + " and waitingSince is not null";

    private WaitingInQueue() {}

    static boolean holdsFor(Conversation conversation) {
        return conversation.assignee == null
                && conversation.status == ConversationStatus.OPEN
                && conversation.waitingSince != null;
    }
}
