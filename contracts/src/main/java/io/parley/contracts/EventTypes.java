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
    public static final String CONVERSATION_UNASSIGNED = "conversation.unassigned";
    public static final String CONVERSATION_TRANSFERRED = "conversation.transferred";
    public static final String CONVERSATION_QUEUED = "conversation.queued";
    public static final String CONVERSATION_TAGGED = "conversation.tagged";
    public static final String CONVERSATION_UNTAGGED = "conversation.untagged";
    public static final String CONVERSATION_PRIORITY_CHANGED = "conversation.priority_changed";
    public static final String CONVERSATION_STATUS_CHANGED = "conversation.status_changed";
    public static final String CONVERSATION_FIRST_REPLY = "conversation.first_reply";
    public static final String CONVERSATION_AGENT_REPLIED = "conversation.agent_replied";
    public static final String CONVERSATION_RESOLVED = "conversation.resolved";
    public static final String CONVERSATION_REOPENED = "conversation.reopened";
    public static final String CONVERSATION_UNANSWERED = "conversation.unanswered";
    public static final String SLA_BREACHED = "sla.breached";
    public static final String SLA_MET = "sla.met";
    public static final String SLA_WARNING = "sla.warning";
    public static final String AGENT_AVAILABILITY_CHANGED = "agent.availability_changed";
    public static final String AGENT_ACTIVITY = "agent.activity";
    public static final String CSAT_REQUESTED = "csat.requested";
    public static final String CSAT_RESPONDED = "csat.responded";

    public static final String AGGREGATE_CONVERSATION = "conversation";
    public static final String AGGREGATE_AGENT = "agent";

    private EventTypes() {}
}
