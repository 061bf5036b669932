package io.parley.ingest.intake;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A provider event this inbox has accepted (messages by their id, statuses by id and state); its primary key is what
 * makes intake idempotent.
 */
@Entity
@Table(name = "received_message")
@IdClass(ReceivedMessage.Key.class)
public class ReceivedMessage extends PanacheEntityBase {
    @Id
    @Column(name = "inbox_id")
    public String inboxId;

    @Id
    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    /** The envelope as published, for replays. */
    public String event;

    public static class Key implements Serializable {
        public String inboxId;
        public String providerMessageId;

        public Key() {}

        public Key(String inboxId, String providerMessageId) {
            this.inboxId = inboxId;
            this.providerMessageId = providerMessageId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(inboxId, k.inboxId)
                    && Objects.equals(providerMessageId, k.providerMessageId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(inboxId, providerMessageId);
        }
    }
}
