package io.parley.metrics.projection;

import java.time.Instant;
import java.util.UUID;

/**
 * One measured interval or fact, made from one conversation event (its id). docs/metrics.md defines each {@link Name}.
 *
 * @param detail the SLA metric of sla_met and sla_breached, the survey kind (csat, nps) of csat_requested and
 *     csat_response
 * @param value seconds (a rating for csat_response); null for facts that are only counted
 * @param businessValue the same seconds inside the team's business hours, as routing counted them
 * @param replies agent replies the conversation had when it was resolved (conversation_resolved only)
 */
public record ReportingEvent(
        UUID eventId,
        String name,
        String detail,
        String policyId,
        Long value,
        Long businessValue,
        Instant startedAt,
        Instant occurredAt,
        UUID conversationId,
        String inboxId,
        String channel,
        String team,
        String agent,
        String priority,
        UUID contactId,
        Integer replies) {

    /** The names of reporting events. */
    public static final class Name {
        public static final String CONVERSATION_OPENED = "conversation_opened";
        public static final String CONVERSATION_RESOLVED = "conversation_resolved";
        public static final String CONVERSATION_REOPENED = "conversation_reopened";
        public static final String MESSAGE_INCOMING = "message_incoming";
        public static final String MESSAGE_OUTGOING = "message_outgoing";
        public static final String FIRST_RESPONSE = "first_response";
        public static final String REPLY_TIME = "reply_time";
        public static final String SLA_MET = "sla_met";
        public static final String SLA_BREACHED = "sla_breached";
        public static final String CSAT_REQUESTED = "csat_requested";
        public static final String CSAT_RESPONSE = "csat_response";

        private Name() {}
    }
}
