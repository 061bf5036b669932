package io.parley.ingest.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One connected channel account: where webhooks arrive and which team gets its conversations. */
@Entity
@Table(name = "inbox")
public class Inbox extends PanacheEntityBase {
    @Id
    public String id;

    public String channel;

    public String name;

    public String team;

    /** Webhook signing secret. Never serialised: {@link InboxView} is what leaves the service. */
    public String secret;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Override
    public String toString() {
        return "Inbox[" + id + ", " + channel + "]";
    }
}
