package io.parley.routing.sla;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Targets a team promises; any left null is not measured. Teams point at a policy by id. */
@Entity
@Table(name = "sla_policy")
public class SlaPolicy extends PanacheEntityBase {
    @Id
    public String id;

    @Column(name = "first_response_minutes")
    public Integer firstResponseMinutes;

    @Column(name = "next_response_minutes")
    public Integer nextResponseMinutes;

    @Column(name = "resolution_minutes")
    public Integer resolutionMinutes;

    /** Count only the team's business hours (the team's calendar); otherwise every minute counts. */
    @Column(name = "business_hours")
    public boolean businessHours;

    /** Wall-clock minutes a customer may wait for any answer before supervisors are alerted. */
    @Column(name = "unanswered_minutes")
    public Integer unansweredMinutes;

    /** Where a breached conversation is moved; null keeps it in its team. */
    @Column(name = "escalation_team")
    public String escalationTeam;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
