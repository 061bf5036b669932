package io.parley.routing.tagging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "conversation_tag")
@IdClass(ConversationTag.Key.class)
public class ConversationTag extends PanacheEntityBase {
    @Id
    @Column(name = "conversation_id")
    public UUID conversationId;

    @Id
    public String tag;

    @Column(name = "tagged_at")
    public Instant taggedAt;

    public static io.smallrye.mutiny.Uni<List<String>> of(UUID conversationId) {
        return ConversationTag.<ConversationTag>list("conversationId = ?1 order by tag", conversationId)
                .map(tags -> tags.stream().map(t -> t.tag).toList());
    }

    public static class Key implements Serializable {
        public UUID conversationId;
        public String tag;

        public Key() {}

        public Key(UUID conversationId, String tag) {
            this.conversationId = conversationId;
            this.tag = tag;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(conversationId, k.conversationId) && Objects.equals(tag, k.tag);
        }

        @Override
        public int hashCode() {
            return Objects.hash(conversationId, tag);
        }
    }
}
