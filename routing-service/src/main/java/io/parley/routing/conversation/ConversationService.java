package io.parley.routing.conversation;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.routing.assignment.AssignmentService;
import io.parley.routing.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Threads an inbound message into its conversation; call inside a transaction. Echoes (the brand's own messages) are
 * recorded as outgoing; auto-replies join an open conversation but never start one.
 */
@ApplicationScoped
public class ConversationService {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ConversationService.class);

    private final AssignmentService assignment;
    private final Outbox outbox;
    private final MessageLog messages;

    public ConversationService(AssignmentService assignment, Outbox outbox, MessageLog messages) {
        this.assignment = assignment;
        this.outbox = outbox;
        this.messages = messages;
    }

    public Uni<Void> receive(InboundMessage inbound) {
        Instant now = Instant.now();
        if (InboundMessage.Kind.EDIT.equals(inbound.kind()) || InboundMessage.Kind.DELETE.equals(inbound.kind())) {
            return amend(inbound, now);
        }
        return Message.count("inboxId = ?1 and providerMessageId = ?2", inbound.inboxId(), inbound.providerMessageId())
                .flatMap(existing -> existing > 0
                        ? Uni.createFrom().voidItem()
                        : contact(inbound, now)
                                .flatMap(contact -> Conversation.findUnresolved(inbound.inboxId(), inbound.threadKey())
                                        .flatMap(open -> {
                                            if (open != null) {
                                                return addMessage(open, inbound, now);
                                            }
                                            if (inbound.autoReply()) {
                                                // An out-of-office or a bounce is no customer request.
                                                LOG.debugf(
                                                        "auto-reply %s opens no conversation",
                                                        inbound.providerMessageId());
                                                return Uni.createFrom().voidItem();
                                            }
                                            return start(inbound, contact, now)
                                                    .call(created -> addMessage(created, inbound, now))
                                                    .call(created -> assignment.assign(created, now))
                                                    .replaceWithVoid();
                                        })));
    }

    /** An edit replaces the text of the message it targets; a deletion blanks it and keeps the record. */
    private Uni<Void> amend(InboundMessage inbound, Instant now) {
        return Message.<Message>find("inboxId = ?1 and providerMessageId = ?2", inbound.inboxId(), inbound.target())
                .firstResult()
                .map(target -> {
                    if (target != null) {
                        if (InboundMessage.Kind.EDIT.equals(inbound.kind())) {
                            target.content = inbound.text();
                            target.editedAt = inbound.sentAt();
                        } else {
                            target.content = null;
                            target.deletedAt = inbound.sentAt();
                        }
                    }
                    return null;
                });
    }

    private Uni<Contact> contact(InboundMessage inbound, Instant now) {
        InboundMessage.Contact source = inbound.contact();
        return Contact.findBySource(inbound.inboxId(), source.sourceId()).flatMap(existing -> {
            if (existing != null) {
                if (source.displayName() != null && !source.displayName().equals(existing.displayName)) {
                    existing.displayName = source.displayName();
                }
                return Uni.createFrom().item(existing);
            }
            Contact contact = new Contact();
            contact.id = UUID.randomUUID();
            contact.inboxId = inbound.inboxId();
            contact.sourceId = source.sourceId();
            contact.displayName = source.displayName();
            contact.createdAt = now;
            return contact.<Contact>persist();
        });
    }

    private Uni<Conversation> start(InboundMessage inbound, Contact contact, Instant now) {
        Conversation conversation = new Conversation();
        conversation.id = UUID.randomUUID();
        conversation.inboxId = inbound.inboxId();
        conversation.channel = inbound.channel();
        conversation.threadKey = inbound.threadKey();
        conversation.contactId = contact.id;
        conversation.team = inbound.team();
        conversation.status = ConversationStatus.OPEN;
        conversation.priority = Priority.MEDIUM;
        conversation.createdAt = now;
        conversation.updatedAt = now;
        conversation.lastMessageAt = inbound.sentAt();
        return conversation
                .<Conversation>persist()
                .call(created -> outbox.conversationEvent(
                        EventTypes.CONVERSATION_CREATED,
                        created.id,
                        now,
                        new ConversationEvents.Created(
                                created.id, created.inboxId, created.channel, created.team, contact.id, now)));
    }

    private Uni<Void> addMessage(Conversation conversation, InboundMessage inbound, Instant now) {
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.conversationId = conversation.id;
        message.inboxId = inbound.inboxId();
        message.providerMessageId = inbound.providerMessageId();
        message.direction = inbound.echo() ? Message.OUTGOING : Message.INCOMING;
        message.content = inbound.text();
        message.kind = inbound.kind() == null ? InboundMessage.Kind.TEXT : inbound.kind();
        message.subject = inbound.subject();
        message.publicPost = inbound.publicPost();
        message.autoReply = inbound.autoReply();
        message.sentAt = inbound.sentAt();
        message.createdAt = now;
        if (inbound.sentAt().isAfter(conversation.lastMessageAt)) {
            conversation.lastMessageAt = inbound.sentAt();
        }
        return messages.append(conversation, message, now);
    }
}
