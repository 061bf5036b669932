package io.parley.routing.assignment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An agent as routing knows them. The row is also the lock that keeps an agent's capacity safe when two teams (or two
 * routing instances) assign to them at the same time.
 */
@Entity
@Table(name = "agent")
public class Agent extends PanacheEntityBase {
    @Id
    public String username;

    @Enumerated(EnumType.STRING)
    public Availability availability;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
