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

/** Threads an inbound message into its conversation; call inside a transaction. */
@ApplicationScoped
public class ConversationService {
    private final AssignmentService assignment;
    private final Outbox outbox;

    public ConversationService(AssignmentService assignment, Outbox outbox) {
        this.assignment = assignment;
        this.outbox = outbox;
    }

    public Uni<Void> receive(InboundMessage inbound) {
        Instant now = Instant.now();
        return Message.count("inboxId = ?1 and providerMessageId = ?2", inbound.inboxId(), inbound.providerMessageId())
                .flatMap(existing -> existing > 0
                        ? Uni.createFrom().voidItem()
                        : contact(inbound, now)
                                .flatMap(contact -> Conversation.findUnresolved(inbound.inboxId(), inbound.threadKey())
                                        .flatMap(open -> open != null
                                                ? addMessage(open, inbound, now)
                                                : start(inbound, contact, now)
                                                        .call(created -> addMessage(created, inbound, now))
                                                        .call(created -> assignment.assign(created, now))
                                                        .replaceWithVoid())));
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
        message.direction = Message.INCOMING;
        message.content = inbound.text();
        message.sentAt = inbound.sentAt();
        message.createdAt = now;
        if (inbound.sentAt().isAfter(conversation.lastMessageAt)) {
            conversation.lastMessageAt = inbound.sentAt();
        }
        conversation.updatedAt = now;
        return message.persist()
                .call(() -> outbox.conversationEvent(
                        EventTypes.CONVERSATION_MESSAGE_CREATED,
                        conversation.id,
                        now,
                        new ConversationEvents.MessageCreated(
                                conversation.id,
                                message.id,
                                conversation.inboxId,
                                conversation.channel,
                                message.direction,
                                message.content,
                                message.sentAt)))
                .replaceWithVoid();
    }
}
