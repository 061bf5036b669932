package io.parley.metrics.projection;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventEnvelope;
import io.parley.metrics.projection.ReportingEvent.Name;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns conversation events, in their order, into reporting events and the conversation state reports read. Pure: the
 * same events in the same order give the same rows, which is what makes a replay into an empty database give the same
 * reports. Each event makes at most one reporting event, keyed by the event's id.
 */
@ApplicationScoped
public class ReportingProjector {

    public void apply(KnownEvent known, ProjectionBatch batch) {
        EventEnvelope envelope = known.envelope();
        UUID id = envelope.eventId();
        Instant at = envelope.occurredAt();
        Object payload = known.payload();
        if (payload instanceof ConversationEvents.AgentAvailabilityChanged change) {
            batch.presence(
                    change.at() != null
                            ? change
                            : new ConversationEvents.AgentAvailabilityChanged(
                                    change.agent(), change.availability(), change.teams(), at));
        } else if (payload instanceof ConversationEvents.Created p) {
            ConversationState state = ConversationState.unseen(
                    p.conversationId(), p.inboxId(), p.channel(), p.team(), p.createdAt() == null ? at : p.createdAt());
            state.contactId = p.contactId();
            state.priority = p.priority();
            batch.put(state);
            batch.add(ReportingEvent.of(id, Name.CONVERSATION_OPENED, state, null, state.createdAt));
        } else if (payload instanceof ConversationEvents.MessageCreated p) {
            ConversationState state = state(batch, p.conversationId(), p.inboxId(), p.channel(), null, at);
            if ("incoming".equals(p.direction())) {
                batch.add(ReportingEvent.of(id, Name.MESSAGE_INCOMING, state, state.assignee, at));
            } else if ("outgoing".equals(p.direction())) {
                batch.add(ReportingEvent.of(id, Name.MESSAGE_OUTGOING, state, p.agent(), at));
            }
        } else if (payload instanceof ConversationEvents.Assigned p) {
            ConversationState state = state(batch, p.conversationId(), p.inboxId(), null, p.team(), at);
            state.assignee = p.assignee();
            state.queuedSince = null;
        } else if (payload instanceof ConversationEvents.Unassigned p) {
            state(batch, p.conversationId(), p.inboxId(), null, p.team(), at).assignee = null;
        } else if (payload instanceof ConversationEvents.Transferred p) {
            ConversationState state = state(batch, p.conversationId(), p.inboxId(), null, p.fromTeam(), at);
            state.team = p.toTeam();
            state.queuedSince = null;
        } else if (payload instanceof ConversationEvents.Queued p) {
            ConversationState state = state(batch, p.conversationId(), p.inboxId(), null, p.team(), at);
            state.team = p.team();
            state.queuedSince = p.at();
        } else if (payload instanceof ConversationEvents.Tagged p) {
            state(batch, p.conversationId(), p.inboxId(), null, null, at);
            batch.tag(p.conversationId(), p.tag(), envelope.type().endsWith(".tagged"));
        } else if (payload instanceof ConversationEvents.PriorityChanged p) {
            state(batch, p.conversationId(), p.inboxId(), null, null, at).priority = p.to();
        } else if (payload instanceof ConversationEvents.StatusChanged p) {
            ConversationState state = state(batch, p.conversationId(), p.inboxId(), null, null, at);
            state.status = p.to();
            if (!ConversationState.OPEN.equals(p.to())) {
                state.queuedSince = null;
            }
        } else if (payload instanceof ConversationEvents.AgentReplied p) {
            ConversationState state = state(batch, p.conversationId(), p.inboxId(), p.channel(), p.team(), at);
            state.agentReplies++;
            if (state.firstReplyAt == null) {
                state.firstReplyAt = p.repliedAt();
                batch.answered(state.conversationId);
            }
            if (p.waitingSince() != null) {
                batch.add(ReportingEvent.of(id, Name.REPLY_TIME, state, p.agent(), p.repliedAt())
                        .timed(p.seconds(), p.businessSeconds(), p.waitingSince(), p.team()));
            }
        } else if (payload instanceof ConversationEvents.FirstReply p) {
            ConversationState state = state(batch, p.conversationId(), p.inboxId(), p.channel(), p.team(), at);
            if (state.firstReplyAt == null) {
                state.firstReplyAt = p.repliedAt();
                batch.answered(state.conversationId);
            }
            batch.add(ReportingEvent.of(id, Name.FIRST_RESPONSE, state, p.agent(), p.repliedAt())
                    .timed(p.seconds(), p.businessSeconds(), p.createdAt(), p.team()));
        } else if (payload instanceof ConversationEvents.Resolved p) {
            ConversationState state = state(batch, p.conversationId(), p.inboxId(), p.channel(), p.team(), at);
            state.status = ConversationState.RESOLVED;
            state.queuedSince = null;
            ReportingEvent resolution = ReportingEvent.of(
                            id, Name.CONVERSATION_RESOLVED, state, p.assignee(), p.resolvedAt())
                    .timed(p.seconds(), p.businessSeconds(), p.createdAt(), p.team())
                    .resolvedAfter(state.agentReplies);
            batch.add(resolution);
            if (state.agentReplies == 1 && !state.reopened) {
                batch.add(resolution.firstContactResolution());
            }
        } else if (payload instanceof ConversationEvents.Reopened p) {
            ConversationState state = state(batch, p.conversationId(), p.inboxId(), null, p.team(), at);
            state.status = ConversationState.OPEN;
            state.reopened = true;
            batch.reopened(state.conversationId);
            batch.add(ReportingEvent.of(id, Name.CONVERSATION_REOPENED, state, state.assignee, p.at()));
        } else if (payload instanceof ConversationEvents.SlaMet p) {
            ConversationState state = state(batch, p.conversationId(), p.inboxId(), p.channel(), p.team(), at);
            batch.add(sla(
                    id,
                    Name.SLA_MET,
                    state,
                    p.team(),
                    p.assignee(),
                    p.metric(),
                    p.policyId(),
                    p.startedAt(),
                    p.metAt()));
        } else if (payload instanceof ConversationEvents.SlaBreached p) {
            ConversationState state = state(batch, p.conversationId(), p.inboxId(), p.channel(), p.team(), at);
            batch.add(sla(
                    id,
                    Name.SLA_BREACHED,
                    state,
                    p.team(),
                    p.assignee(),
                    p.metric(),
                    p.policyId(),
                    p.startedAt(),
                    p.breachedAt()));
        } else if (payload instanceof ConversationEvents.CsatRequested p) {
            ConversationState state = state(batch, p.conversationId(), p.inboxId(), null, null, at);
            batch.add(ReportingEvent.of(id, Name.CSAT_REQUESTED, state, state.assignee, p.at())
                    .detailed(p.kind(), null, null));
        } else if (payload instanceof ConversationEvents.CsatResponded p) {
            ConversationState state = state(batch, p.conversationId(), p.inboxId(), p.channel(), p.team(), at);
            batch.add(ReportingEvent.of(id, Name.CSAT_RESPONSE, state, p.assignee(), p.at())
                    .detailed(p.kind(), null, (long) p.rating()));
        }
    }

    private static ConversationState state(
            ProjectionBatch batch, UUID conversationId, String inboxId, String channel, String team, Instant at) {
        ConversationState state = batch.conversation(conversationId);
        if (state == null) {
            state = ConversationState.unseen(conversationId, inboxId, channel, team, at);
            batch.put(state);
        }
        state.updatedAt = at;
        return state;
    }

    /** value: how long the clock ran, start to met or breached, on the wall clock (null if routing did not say). */
    private static ReportingEvent sla(
            UUID id,
            String name,
            ConversationState c,
            String team,
            String agent,
            String metric,
            String policyId,
            Instant startedAt,
            Instant at) {
        Long seconds =
                startedAt == null ? null : Duration.between(startedAt, at).toSeconds();
        return ReportingEvent.of(id, name, c, agent, at)
                .timed(seconds, null, startedAt, team)
                .detailed(metric, policyId, seconds);
    }
}
