package io.parley.routing.assignment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A team of agents (a Keycloak group of the same name) that conversations are routed to. */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {
    @Id
    public String id;

    /** The agent who got the team's last round-robin assignment. */
    @Column(name = "round_robin_cursor")
    public String roundRobinCursor;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Its business-hours calendar; none means always open. */
    @Column(name = "business_hours_id")
    public String businessHoursId;

    /** Where new conversations go while this team is closed, if anywhere. */
    @Column(name = "overnight_team")
    public String overnightTeam;

    @Column(name = "sla_policy_id")
    public String slaPolicyId;
}
