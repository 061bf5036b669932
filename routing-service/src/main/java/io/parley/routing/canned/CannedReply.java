package io.parley.routing.canned;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A ready answer of one team, with placeholders such as {{contact.name}} the gateway fills in. */
@Entity
@Table(name = "canned_reply")
public class CannedReply extends PanacheEntityBase {
    @Id
    public UUID id;

    public String team;
    public String shortcut;
    public String title;
    public String text;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
