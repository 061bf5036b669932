package io.parley.contracts;

/** Values of {@link EventEnvelope#type()}. */
public final class EventTypes {
    public static final String MESSAGE_INBOUND = "message.inbound";
    public static final String MESSAGE_STATUS = "message.status";
    public static final String MESSAGE_OUTBOUND = "message.outbound";
    public static final String MESSAGE_OUTBOUND_RESULT = "message.outbound_result";
    public static final String CONVERSATION_CREATED = "conversation.created";
    public static final String CONVERSATION_MESSAGE_CREATED = "conversation.message_created";
    public static final String CONVERSATION_ASSIGNED = "conversation.assigned";

    public static final String AGGREGATE_CONVERSATION = "conversation";

    private EventTypes() {}
}
