package io.parley.routing.sla;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

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

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    public boolean live() {
        return state == State.RUNNING || state == State.PAUSED;
    }
}
