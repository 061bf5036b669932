package io.parley.routing.tagging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the tag taxonomy; conversations can only carry tags that exist here. */
@Entity
@Table(name = "tag")
public class Tag extends PanacheEntityBase {
    @Id
    public String name;

    public String description;

    @Column(name = "created_at")
    public Instant createdAt;
}
