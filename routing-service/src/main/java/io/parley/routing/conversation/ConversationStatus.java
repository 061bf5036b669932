package io.parley.routing.conversation;

public enum ConversationStatus {
    OPEN,
    PENDING,
    SNOOZED,
    RESOLVED
}
