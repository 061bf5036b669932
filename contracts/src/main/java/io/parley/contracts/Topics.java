package io.parley.contracts;

/** Kafka topics between the services. Keys are always the aggregate id so one conversation stays ordered. */
public final class Topics {
    /**
     * ingest-service → routing-service: one normalised customer message per record, channel receipts, and the outcome
     * of every reply ingest delivered. Key = inboxId:threadKey.
     */
    public static final String INBOUND_MESSAGES = "parley.inbound-messages";

    /** agent-gateway → ingest-service: agents' replies to deliver through the channels' APIs. Key = conversation id. */
    public static final String OUTBOUND_MESSAGES = "parley.outbound-messages";

    /**
     * routing-service → metrics-service and agent-gateway (live updates): every conversation state change (key =
     * conversation id), and agents' availability (key = username, aggregate type agent).
     */
    public static final String CONVERSATION_EVENTS = "parley.conversation-events";

    /**
     * agent-gateway → agent-gateway (every replica): who is viewing or typing in which conversation, for collision
     * detection. Key = conversation id; short-lived, nothing is kept.
     */
    public static final String AGENT_ACTIVITY = "parley.agent-activity";

    private Topics() {}
}
