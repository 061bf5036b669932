package io.parley.routing.contact;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer as one inbox knows them. Contacts that are the same person are merged: all but one point at that one
 * ({@code mergedInto}), which carries the profile and gathers the history of all.
 */
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

    /** Only when the channel proves it (the sender of an e-mail). */
    public String email;

    /** Only when the channel proves it (a WhatsApp number), in E.164. */
    public String phone;

    @Column(name = "merged_into")
    public UUID mergedInto;

    /** JSON object of string attributes agents keep (plan, company, city...); rules can test them. */
    public String attributes = "{}";

    @Column(name = "created_at")
    public Instant createdAt;

    public UUID profileId() {
        return mergedInto != null ? mergedInto : id;
    }

    public static Uni<Contact> findBySource(String inboxId, String sourceId) {
        return find("inboxId = ?1 and sourceId = ?2", inboxId, sourceId).firstResult();
    }
}
