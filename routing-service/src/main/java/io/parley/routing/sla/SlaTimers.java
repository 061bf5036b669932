package io.parley.routing.sla;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventTypes;
import io.parley.routing.assignment.TeamSettings;
import io.parley.routing.conversation.Conversation;
import io.parley.routing.hours.BusinessCalendar;
import io.parley.routing.hours.BusinessHours;
import io.parley.routing.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Starts, pauses, resumes and ends a conversation's SLA timers as it moves; call inside the transaction of the change.
 * Pending and snoozed conversations wait on the customer, so their timers pause; resolving ends them.
 */
@ApplicationScoped
public class SlaTimers {
    private final TeamSettings teams;
    private final Outbox outbox;
    private final SlaConfig config;

    public SlaTimers(TeamSettings teams, Outbox outbox, SlaConfig config) {
        this.teams = teams;
        this.outbox = outbox;
        this.config = config;
    }

    /** The first customer message: first response, resolution and the unanswered alert start. */
    public Uni<Void> conversationStarted(Conversation conversation, Instant now) {
        return policy(conversation.team)
                .flatMap(found -> found == null
                        ? Uni.createFrom().voidItem()
                        : start(conversation, found, SlaMetric.FIRST_RESPONSE, found.policy.firstResponseMinutes, now)
                                .call(() -> start(
                                        conversation, found, SlaMetric.RESOLUTION, found.policy.resolutionMinutes, now))
                                .call(() -> start(
                                        conversation,
                                        found,
                                        SlaMetric.UNANSWERED,
                                        found.policy.unansweredMinutes,
                                        now)));
    }

    /** A reopened conversation has a new resolution to reach, and a customer waiting. */
    public Uni<Void> reopened(Conversation conversation, Instant now) {
        return policy(conversation.team)
                .flatMap(found -> found == null
                        ? Uni.createFrom().voidItem()
                        : start(conversation, found, SlaMetric.RESOLUTION, found.policy.resolutionMinutes, now)
                                .call(() -> customerWrote(conversation, now)));
    }

    /** After an agent has answered, the customer's next message starts the next-response clock. */
    public Uni<Void> customerWrote(Conversation conversation, Instant now) {
        return policy(conversation.team).flatMap(found -> {
            if (found == null) {
                return Uni.createFrom().voidItem();
            }
            return live(conversation.id).flatMap(timers -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                if (conversation.firstReplyAt != null && none(timers, SlaMetric.NEXT_RESPONSE)) {
                    chain = chain.call(() ->
                            start(conversation, found, SlaMetric.NEXT_RESPONSE, found.policy.nextResponseMinutes, now));
                }
                if (none(timers, SlaMetric.UNANSWERED)) {
                    chain = chain.call(() ->
                            start(conversation, found, SlaMetric.UNANSWERED, found.policy.unansweredMinutes, now));
                }
                return chain;
            });
        });
    }

    /** An agent answered: the response clocks are met (a breached one stays breached). */
    public Uni<Void> agentReplied(Conversation conversation, Instant now) {
        return end(conversation, List.of(SlaMetric.FIRST_RESPONSE, SlaMetric.NEXT_RESPONSE, SlaMetric.UNANSWERED), now);
    }

    public Uni<Void> paused(Conversation conversation, Instant now) {
        return live(conversation.id)
                .flatMap(timers -> calendars(timers).map(calendars -> {
                    for (SlaTimer timer : timers) {
                        if (timer.state == SlaTimer.State.RUNNING) {
                            timer.consumedSeconds += calendars
                                    .of(timer)
                                    .between(timer.runningSince, now)
                                    .toSeconds();
                            timer.runningSince = null;
                            timer.halt(SlaTimer.State.PAUSED);
                        }
                    }
                    return null;
                }));
    }

    public Uni<Void> resumed(Conversation conversation, Instant now) {
        return live(conversation.id)
                .flatMap(timers -> calendars(timers).map(calendars -> {
                    for (SlaTimer timer : timers) {
                        if (timer.state == SlaTimer.State.PAUSED) {
                            timer.runFrom(now, remaining(timer), calendars.of(timer), config.warnWhenLeft());
                        }
                    }
                    return null;
                }));
    }

    /** Resolved: the resolution target is met; whatever else still runs no longer applies. */
    public Uni<Void> resolved(Conversation conversation, Instant now) {
        return live(conversation.id).flatMap(timers -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (SlaTimer timer : timers) {
                timer.halt(timer.metric == SlaMetric.RESOLUTION ? SlaTimer.State.MET : SlaTimer.State.STOPPED);
                timer.endedAt = now;
                if (timer.state == SlaTimer.State.MET) {
                    chain = chain.call(() -> met(conversation, timer, now));
                }
            }
            return chain;
        });
    }

    /** Working time the team spent between two instants, by the team's SLA calendar (for first-reply reporting). */
    public Uni<Duration> businessTime(String teamId, Instant from, Instant to) {
        return policy(teamId)
                .flatMap(found -> found == null || found.hoursId == null
                        ? Uni.createFrom().item(Duration.between(from, to))
                        : BusinessHours.<BusinessHours>findById(found.hoursId)
                                .map(hours -> (hours == null ? BusinessCalendar.ALWAYS_OPEN : hours.calendar())
                                        .between(from, to)));
    }

    private record Found(SlaPolicy policy, String hoursId) {}

    private Uni<Found> policy(String teamId) {
        return teams.of(teamId)
                .flatMap(team -> team == null || team.slaPolicyId() == null
                        ? Uni.createFrom().nullItem()
                        : SlaPolicy.<SlaPolicy>findById(team.slaPolicyId())
                                .map(policy -> policy == null
                                        ? null
                                        : new Found(policy, policy.businessHours ? team.businessHoursId() : null)));
    }

    private Uni<Void> start(Conversation conversation, Found found, SlaMetric metric, Integer minutes, Instant now) {
        if (minutes == null) {
            return Uni.createFrom().voidItem();
        }
        SlaTimer timer = new SlaTimer();
        timer.id = UUID.randomUUID();
        timer.conversationId = conversation.id;
        timer.metric = metric;
        timer.policyId = found.policy.id;
        timer.targetSeconds = minutes * 60L;
        // The unanswered alert is about how long a person waited, whatever the team's hours.
        timer.businessHoursId = metric == SlaMetric.UNANSWERED ? null : found.hoursId;
        timer.consumedSeconds = 0;
        timer.startedAt = now;
        return calendar(timer.businessHoursId).flatMap(calendar -> {
            timer.runFrom(now, Duration.ofSeconds(timer.targetSeconds), calendar, config.warnWhenLeft());
            return timer.persist().replaceWithVoid();
        });
    }

    private Uni<Void> end(Conversation conversation, List<SlaMetric> metrics, Instant now) {
        return live(conversation.id).flatMap(timers -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (SlaTimer timer : timers) {
                if (metrics.contains(timer.metric)) {
                    timer.halt(SlaTimer.State.MET);
                    timer.endedAt = now;
                    chain = chain.call(() -> met(conversation, timer, now));
                }
            }
            return chain;
        });
    }

    /** sla.met for reports' attainment; the unanswered alert is not an SLA target. */
    private Uni<Void> met(Conversation conversation, SlaTimer timer, Instant now) {
        if (timer.metric == SlaMetric.UNANSWERED) {
            return Uni.createFrom().voidItem();
        }
        return outbox.conversationEvent(
                EventTypes.SLA_MET,
                conversation.id,
                now,
                new ConversationEvents.SlaMet(
                        conversation.id,
                        conversation.inboxId,
                        conversation.channel,
                        conversation.team,
                        conversation.assignee,
                        timer.metric.lower(),
                        timer.policyId,
                        timer.startedAt,
                        now,
                        timer.targetSeconds));
    }

    private static Duration remaining(SlaTimer timer) {
        return Duration.ofSeconds(Math.max(0, timer.targetSeconds - timer.consumedSeconds));
    }

    private static boolean none(List<SlaTimer> timers, SlaMetric metric) {
        return timers.stream().noneMatch(t -> t.metric == metric);
    }

    private static Uni<List<SlaTimer>> live(UUID conversationId) {
        return SlaTimer.list(
                "conversationId = ?1 and state in ?2",
                conversationId,
                List.of(SlaTimer.State.RUNNING, SlaTimer.State.PAUSED));
    }

    private static Uni<BusinessCalendar> calendar(String hoursId) {
        if (hoursId == null) {
            return Uni.createFrom().item(BusinessCalendar.ALWAYS_OPEN);
        }
        return BusinessHours.<BusinessHours>findById(hoursId)
                .map(hours -> hours == null ? BusinessCalendar.ALWAYS_OPEN : hours.calendar());
    }

    private record Calendars(java.util.Map<String, BusinessCalendar> byId) {
        BusinessCalendar of(SlaTimer timer) {
            return timer.businessHoursId == null
                    ? BusinessCalendar.ALWAYS_OPEN
                    : byId.getOrDefault(timer.businessHoursId, BusinessCalendar.ALWAYS_OPEN);
        }
    }

    private static Uni<Calendars> calendars(List<SlaTimer> timers) {
        List<String> ids = timers.stream()
                .map(t -> t.businessHoursId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new Calendars(java.util.Map.of()));
        }
        return BusinessHours.<BusinessHours>list("id in ?1", ids)
                .map(hours -> new Calendars(
                        hours.stream().collect(java.util.stream.Collectors.toMap(h -> h.id, BusinessHours::calendar))));
    }
}
