package io.parley.routing.conversation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer as one inbox knows them. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "inbox_id")
    public String inboxId;

    @Column(name = "source_id")
    public String sourceId;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Uni<Contact> findBySource(String inboxId, String sourceId) {
        return find("inboxId = ?1 and sourceId = ?2", inboxId, sourceId).firstResult();
    }
}
