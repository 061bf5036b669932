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

    /** A fact of a conversation as it is now: its dimensions, no value yet. */
    static ReportingEvent of(UUID eventId, String name, ConversationState c, String agent, Instant at) {
        return new ReportingEvent(
                eventId,
                name,
                null,
                null,
                null,
                null,
                null,
                at,
                c.conversationId,
                c.inboxId,
                c.channel,
                c.team,
                agent,
                c.priority,
                c.contactId,
                null);
    }

    /** With a measured interval; a team the event names wins over the conversation's. */
    ReportingEvent timed(Long seconds, Long businessSeconds, Instant startedAt, String team) {
        return copy(detail, policyId, seconds, businessSeconds, startedAt, team == null ? this.team : team, replies);
    }

    ReportingEvent detailed(String detail, String policyId, Long value) {
        return copy(detail, policyId, value, businessValue, startedAt, team, replies);
    }

    /** A resolution, with the agent replies the conversation had. */
    ReportingEvent resolvedAfter(int replies) {
        return copy(detail, policyId, value, businessValue, startedAt, team, replies);
    }

    /**
     * The first_contact_resolution fact (+1) of this resolution, in its bucket and with its dimensions; its id is
     * derived from the resolution's, as ProjectionStore derives the -1 of a later reopening from this one's.
     */
    ReportingEvent firstContactResolution() {
        return copy(
                DerivedIds.of(eventId, "first-contact"),
                Name.FIRST_CONTACT_RESOLUTION,
                null,
                null,
                1L,
                null,
                null,
                team,
                null);
    }

    /** This event with the parts the projector fills in after {@link #of} replaced. */
    private ReportingEvent copy(
            String detail,
            String policyId,
            Long value,
            Long businessValue,
            Instant startedAt,
            String team,
            Integer replies) {
        return copy(eventId, name, detail, policyId, value, businessValue, startedAt, team, replies);
    }

    /** A fact of the same conversation, moment and dimensions (this one's or another, with its own id). */
    private ReportingEvent copy(
            UUID eventId,
            String name,
            String detail,
            String policyId,
            Long value,
            Long businessValue,
            Instant startedAt,
            String team,
            Integer replies) {
        return new ReportingEvent(
                eventId,
                name,
                detail,
                policyId,
                value,
                businessValue,
                startedAt,
                occurredAt,
                conversationId,
                inboxId,
                channel,
                team,
                agent,
                priority,
                contactId,
                replies);
    }

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
        /**
         * Facts that qualify another event and are counted with it, never exported: an opened conversation has had its
         * first response (in the opening's bucket); a resolution is a first-contact resolution (value +1), or no longer
         * is because its conversation was reopened (value -1). Kept as rows of their own so reporting_event is only
         * ever appended to, which is what lets rollups sum it.
         */
        public static final String CONVERSATION_ANSWERED = "conversation_answered";

        public static final String FIRST_CONTACT_RESOLUTION = "first_contact_resolution";

        /** What the conversations report counts (its timings are read by name, each on its own). */
        public static final java.util.List<String> COUNTED = java.util.List.of(
                CONVERSATION_OPENED,
                CONVERSATION_RESOLVED,
                CONVERSATION_REOPENED,
                MESSAGE_INCOMING,
                MESSAGE_OUTGOING,
                CONVERSATION_ANSWERED,
                FIRST_CONTACT_RESOLUTION);

        /** The timings: their percentiles come from histograms. */
        public static final java.util.List<String> TIMED =
                java.util.List.of(FIRST_RESPONSE, REPLY_TIME, CONVERSATION_RESOLVED);

        public static final java.util.List<String> ALL = java.util.List.of(
                CONVERSATION_OPENED,
                CONVERSATION_RESOLVED,
                CONVERSATION_REOPENED,
                MESSAGE_INCOMING,
                MESSAGE_OUTGOING,
                FIRST_RESPONSE,
                REPLY_TIME,
                SLA_MET,
                SLA_BREACHED,
                CSAT_REQUESTED,
                CSAT_RESPONSE);

        private Name() {}
    }
}
