package io.parley.routing.conversation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "conversation")
public class Conversation extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "inbox_id")
    public String inboxId;

    public String channel;

    @Column(name = "thread_key")
    public String threadKey;

    @Column(name = "contact_id")
    public UUID contactId;

    public String team;

    @Enumerated(EnumType.STRING)
    public ConversationStatus status;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    /** The agent's username (Keycloak preferred_username); null while the conversation waits. */
    public String assignee;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "last_message_at")
    public Instant lastMessageAt;

    public static Uni<Conversation> findUnresolved(String inboxId, String threadKey) {
        return find("inboxId = ?1 and threadKey = ?2 and status <> ?3", inboxId, threadKey, ConversationStatus.RESOLVED)
                .firstResult();
    }
}
