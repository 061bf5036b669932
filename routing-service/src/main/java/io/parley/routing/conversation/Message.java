package io.parley.routing.conversation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "message")
public class Message extends PanacheEntityBase {
    public static final String INCOMING = "incoming";
    public static final String OUTGOING = "outgoing";
    /** A private note by an agent, never sent. */
    public static final String NOTE = "note";

    @Id
    public UUID id;

    @Column(name = "conversation_id")
    public UUID conversationId;

    @Column(name = "inbox_id")
    public String inboxId;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    /** incoming (from the customer) or outgoing (from an agent). */
    public String direction;

    public String content;

    public String kind;

    public String subject;

    @Column(name = "public_post")
    public boolean publicPost;

    @Column(name = "auto_reply")
    public boolean autoReply;

    /** For replies: the agent who wrote it. */
    public String agent;

    /** For replies: delivered, read or failed, as the channel reports it. */
    @Column(name = "delivery_status")
    public String deliveryStatus;

    @Column(name = "delivery_error")
    public String deliveryError;

    @Column(name = "edited_at")
    public Instant editedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public String language;

    public String sentiment;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "created_at")
    public Instant createdAt;
}
