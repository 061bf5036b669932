package io.parley.routing.contact;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A note agents share about a person (kept on the profile contact). */
@Entity
@Table(name = "contact_note")
public class ContactNote extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    public String author;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt;
}
