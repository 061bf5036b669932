package io.parley.routing.conversation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
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

    @Column(name = "snoozed_until")
    public Instant snoozedUntil;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "first_reply_at")
    public Instant firstReplyAt;

    /** The oldest customer message no one of the brand has answered yet; null when nobody is waiting. */
    @Column(name = "awaiting_reply_since")
    public Instant awaitingReplySince;

    /** Set while it waits in the team queue. */
    @Column(name = "waiting_since")
    public Instant waitingSince;

    public String language;

    public String sentiment;

    @Column(name = "public_post")
    public boolean publicPost;

    public boolean spam;

    @Column(name = "away_sent_at")
    public Instant awaySentAt;

    /**
     * The thread's unresolved conversation if it has one, else its most recently resolved one (for the reopen window
     * and survey answers), in one query. Locked (FOR UPDATE): an agent resolving it through the API must not be
     * overwritten by a message's changes.
     */
    public static Uni<Conversation> findLatestOfThread(String inboxId, String threadKey) {
        return find(
                        "inboxId = ?1 and threadKey = ?2"
                                + " order by case when status = ?3 then 1 else 0 end, resolvedAt desc nulls last",
                        inboxId,
                        threadKey,
                        ConversationStatus.RESOLVED)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }
}
