package io.parley.routing.sla;

import io.parley.routing.hours.BusinessCalendar;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.LockMode;

/**
 * One running SLA clock of a conversation. Time already spent is kept in {@code consumedSeconds} while paused; while
 * running, {@code dueAt} is when the target is reached counting only the calendar's working time.
 */
@Entity
@Table(name = "sla_timer")
public class SlaTimer extends PanacheEntityBase {
    public enum State {
        RUNNING,
        PAUSED,
        MET,
        BREACHED,
        STOPPED
    }

    @Id
    public UUID id;

    @Column(name = "conversation_id")
    public UUID conversationId;

    @Enumerated(EnumType.STRING)
    public SlaMetric metric;

    @Column(name = "policy_id")
    public String policyId;

    @Column(name = "target_seconds")
    public long targetSeconds;

    /** Null when every minute counts. */
    @Column(name = "business_hours_id")
    public String businessHoursId;

    @Column(name = "consumed_seconds")
    public long consumedSeconds;

    @Column(name = "running_since")
    public Instant runningSince;

    @Column(name = "due_at")
    public Instant dueAt;

    /** When sla.warning is due: only the configured share of the target is left; null when not running. */
    @Column(name = "warn_at")
    public Instant warnAt;

    @Column(name = "warned_at")
    public Instant warnedAt;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /**
     * Runs from now with {@code remaining} of the target left: due when it is spent by the calendar, warned when only
     * {@code warnWhenLeft} of the target is left. The unanswered alert is no target and gets no warning.
     */
    void runFrom(Instant now, Duration remaining, BusinessCalendar calendar, double warnWhenLeft) {
        state = State.RUNNING;
        runningSince = now;
        dueAt = calendar.plus(now, remaining);
        if (metric == SlaMetric.UNANSWERED || warnWhenLeft <= 0) {
            warnAt = null;
            return;
        }
        Duration untilWarning = remaining.minusSeconds((long) (targetSeconds * warnWhenLeft));
        warnAt = untilWarning.isNegative() ? now : calendar.plus(now, untilWarning);
    }

    /** Not running any more (paused or ended): nothing falls due. */
    void halt(State next) {
        state = next;
        dueAt = null;
        warnAt = null;
    }

    /** At most this many timers are handled in one transaction of a check. */
    static final int BATCH = 100;

    /**
     * Running timers matching {@code condition} (HQL over SlaTimer, with :now), oldest due first, locked for the
     * caller's transaction; timers another instance holds are skipped, so several instances never handle one twice.
     * The state is a literal, so that even a generic plan can use the partial indexes of running timers (why:
     * assignment.WaitingInQueue).
     */
    static Uni<List<SlaTimer>> lockRunning(String condition, String orderBy, Instant now) {
        return Panache.getSession()
                .flatMap(session -> session.createSelectionQuery(
                                "from SlaTimer where state = io.parley.routing.sla.SlaTimer.State.RUNNING and "
                                        + condition + " order by " + orderBy,
                                SlaTimer.class)
                        .setParameter("now", now)
                        .setMaxResults(BATCH)
                        .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                        .getResultList());
    }

    public boolean live() {
        return state == State.RUNNING || state == State.PAUSED;
    }
}
