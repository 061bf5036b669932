package io.parley.routing.conversation;

public enum Priority {
    LOW,
    MEDIUM,
    HIGH,
    URGENT
}
