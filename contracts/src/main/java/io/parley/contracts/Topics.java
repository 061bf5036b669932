package io.parley.contracts;

/** Kafka topics between the services. Keys are always the aggregate id so one conversation stays ordered. */
public final class Topics {
    /** ingest-service → routing-service: one normalised customer message per record. */
    public static final String INBOUND_MESSAGES = "parley.inbound-messages";

    /** routing-service → metrics-service, agent-gateway: every conversation state change. */
    public static final String CONVERSATION_EVENTS = "parley.conversation-events";

    private Topics() {}
}
