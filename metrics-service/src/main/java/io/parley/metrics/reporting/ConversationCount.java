package io.parley.metrics.reporting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

@Entity
@Table(name = "conversation_count")
@IdClass(ConversationCount.Key.class)
public class ConversationCount extends PanacheEntityBase {
    @Id
    @Column(name = "inbox_id")
    public String inboxId;

    @Id
    public String channel;

    public long conversations;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static class Key implements Serializable {
        public String inboxId;
        public String channel;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(inboxId, k.inboxId) && Objects.equals(channel, k.channel);
        }

        @Override
        public int hashCode() {
            return Objects.hash(inboxId, channel);
        }
    }
}
