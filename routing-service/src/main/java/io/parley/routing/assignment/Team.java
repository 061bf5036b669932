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
}
