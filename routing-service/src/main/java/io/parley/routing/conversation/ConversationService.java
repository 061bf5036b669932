package io.parley.routing.conversation;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.routing.assignment.AssignmentService;
import io.parley.routing.contact.Contact;
import io.parley.routing.contact.ContactService;
import io.parley.routing.csat.CsatService;
import io.parley.routing.hours.OutOfHours;
import io.parley.routing.inbox.InboxSettings;
import io.parley.routing.language.LanguageDetector;
import io.parley.routing.language.SentimentAnalyzer;
import io.parley.routing.outbox.Outbox;
import io.parley.routing.rules.AutomationRule;
import io.parley.routing.sla.SlaTimers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Threads an inbound message into its conversation; call inside a transaction. The thread's unresolved conversation
 * takes it; else an answer to a pending survey is recorded as such; else the last resolved conversation reopens if the
 * inbox's reopen window allows; else a new conversation starts. Customers' messages are analysed (language,
 * sentiment), run through the automation rules, start or resume SLA timers and queue the conversation for its team.
 * Echoes (the brand's own messages) count as the brand's reply; auto-replies never start a conversation.
 */
@ApplicationScoped
public class ConversationService {
    private static final Logger LOG = Logger.getLogger(ConversationService.class);
    static final String CUSTOMER = "customer";

    private final AssignmentService assignment;
    private final ConversationActions actions;
    private final ContactService contacts;
    private final CsatService surveys;
    private final MessageLog messages;
    private final Outbox outbox;
    private final OutOfHours outOfHours;
    private final ConversationRules rules;
    private final SlaTimers timers;
    private final LanguageDetector languages;
    private final SentimentAnalyzer sentiment = new SentimentAnalyzer();
    private final Clock clock;
    private final Duration reopenWindow;

    public ConversationService(
            AssignmentService assignment,
            ConversationActions actions,
            ContactService contacts,
            CsatService surveys,
            MessageLog messages,
            Outbox outbox,
            OutOfHours outOfHours,
            ConversationRules rules,
            SlaTimers timers,
            LanguageDetector languages,
            Clock clock,
            @ConfigProperty(name = "parley.routing.reopen-window") Duration reopenWindow) {
        this.assignment = assignment;
        this.actions = actions;
        this.contacts = contacts;
        this.surveys = surveys;
        this.messages = messages;
        this.outbox = outbox;
        this.outOfHours = outOfHours;
        this.rules = rules;
        this.timers = timers;
        this.languages = languages;
        this.clock = clock;
        this.reopenWindow = reopenWindow;
    }

    public Uni<Void> receive(InboundMessage inbound) {
        return receive(inbound, NewArrivals.NONE);
    }

    /** @param arrivals what the message's batch is known to bring for the first time, to skip lookups that find nothing */
    public Uni<Void> receive(InboundMessage inbound, NewArrivals arrivals) {
        Instant now = clock.instant();
        if (InboundMessage.Kind.EDIT.equals(inbound.kind()) || InboundMessage.Kind.DELETE.equals(inbound.kind())) {
            return amend(inbound);
        }
        Uni<Long> stored = messages.held(inbound.inboxId(), inbound.providerMessageId()) != null
                ? Uni.createFrom().item(1L)
                : arrivals.isNewMessage(inbound.inboxId(), inbound.providerMessageId())
                        ? Uni.createFrom().item(0L)
                        : Message.count(
                                "inboxId = ?1 and providerMessageId = ?2",
                                inbound.inboxId(),
                                inbound.providerMessageId());
        return stored.flatMap(existing -> existing > 0
                ? Uni.createFrom().voidItem()
                : contacts.forMessage(inbound, arrivals, now)
                        .flatMap(contact -> thread(inbound, contact, arrivals, now)));
    }

    private Uni<Void> thread(InboundMessage inbound, Contact contact, NewArrivals arrivals, Instant now) {
        Conversation held = assignment.heldOfThread(inbound.inboxId(), inbound.threadKey());
        Uni<Conversation> found = held != null
                ? Uni.createFrom().item(held)
                : arrivals.isNewThread(inbound.inboxId(), inbound.threadKey())
                        ? Uni.createFrom().nullItem()
                        : Conversation.findLatestOfThread(inbound.inboxId(), inbound.threadKey());
        return found.flatMap(latest -> {
            if (latest != null && latest.status != ConversationStatus.RESOLVED) {
                return inbound.echo() ? brandReplied(latest, inbound, now) : customerWrote(latest, inbound, now);
            }
            if (inbound.autoReply() || inbound.echo()) {
                // An out-of-office, a bounce or the brand writing first is no customer request.
                LOG.debugf("%s opens no conversation", inbound.providerMessageId());
                return Uni.createFrom().voidItem();
            }
            if (latest == null) {
                return start(inbound, contact, now);
            }
            return surveys.tryAnswer(latest, inbound.text(), now).flatMap(answered -> {
                if (answered) {
                    return addMessage(latest, inbound, now).replaceWithVoid();
                }
                return window(inbound.inboxId())
                        .flatMap(window -> ReopenWindow.reopens(latest.resolvedAt, now, window)
                                ? reopen(latest, inbound, now)
                                : start(inbound, contact, now));
            });
        });
    }

    private Uni<Void> start(InboundMessage inbound, Contact contact, Instant now) {
        Conversation conversation = new Conversation();
        conversation.id = UUID.randomUUID();
        conversation.inboxId = inbound.inboxId();
        conversation.channel = inbound.channel();
        conversation.threadKey = inbound.threadKey();
        conversation.contactId = contact.id;
        conversation.team = inbound.team();
        conversation.status = ConversationStatus.OPEN;
        conversation.priority = Priority.MEDIUM;
        conversation.publicPost = inbound.publicPost();
        conversation.createdAt = now;
        conversation.updatedAt = now;
        conversation.lastMessageAt = inbound.sentAt();
        conversation.awaitingReplySince = now;
        // Written last, once rules, hours and timers have set it up, by the queue (queueNew): persisted first, it was
        // inserted and then updated in the same flush. Its messages, tags and timers may be inserted before it (V12:
        // references to conversations are checked at commit).
        return outbox.conversationEvent(
                        EventTypes.CONVERSATION_CREATED,
                        conversation.id,
                        now,
                        new ConversationEvents.Created(
                                conversation.id,
                                conversation.inboxId,
                                conversation.channel,
                                conversation.team,
                                contact.id,
                                now,
                                conversation.priority.lower()))
                .flatMap(v -> addMessage(conversation, inbound, now))
                .flatMap(message -> rules.run(
                        conversation,
                        message,
                        Set.of(AutomationRule.CONVERSATION_CREATED, AutomationRule.MESSAGE_CREATED),
                        now))
                .flatMap(v -> conversation.status == ConversationStatus.RESOLVED
                        ? conversation.persist().replaceWithVoid()
                        : outOfHours
                                .apply(conversation, true, now)
                                .call(() -> timers.conversationStarted(conversation, now))
                                .call(() -> assignment.queueNew(conversation, now)));
    }

    private Uni<Void> reopen(Conversation conversation, InboundMessage inbound, Instant now) {
        return addMessage(conversation, inbound, now)
                .call(() -> actions.setStatus(conversation, ConversationStatus.OPEN, null, CUSTOMER, now))
                .flatMap(message -> rules.run(conversation, message, Set.of(AutomationRule.MESSAGE_CREATED), now))
                .flatMap(v -> outOfHours.apply(conversation, false, now))
                .flatMap(v -> queue(conversation, now));
    }

    private Uni<Void> customerWrote(Conversation conversation, InboundMessage inbound, Instant now) {
        return addMessage(conversation, inbound, now).flatMap(message -> {
            if (inbound.autoReply()) {
                return Uni.createFrom().voidItem();
            }
            if (conversation.awaitingReplySince == null) {
                conversation.awaitingReplySince = now;
            }
            // A customer writing to a pending or snoozed conversation wakes it up.
            Uni<Void> wake = conversation.status == ConversationStatus.OPEN
                    ? Uni.createFrom().voidItem()
                    : actions.setStatus(conversation, ConversationStatus.OPEN, null, CUSTOMER, now);
            return wake.call(() -> timers.customerWrote(conversation, now))
                    .call(() -> rules.run(conversation, message, Set.of(AutomationRule.MESSAGE_CREATED), now))
                    .call(() -> outOfHours.apply(conversation, false, now))
                    .call(() -> queue(conversation, now));
        });
    }

    /** The brand answered from the channel's own app: as good as an agent's reply for the customer waiting. */
    private Uni<Void> brandReplied(Conversation conversation, InboundMessage inbound, Instant now) {
        return addMessage(conversation, inbound, now).flatMap(message -> actions.agentReplied(conversation, null, now));
    }

    /** Queues an unassigned conversation and serves its team's queue in this transaction (at its end, in a batch). */
    private Uni<Void> queue(Conversation conversation, Instant now) {
        if (conversation.status != ConversationStatus.OPEN || conversation.assignee != null) {
            return Uni.createFrom().voidItem();
        }
        return assignment.enqueue(conversation, now).call(() -> assignment.drainSoon(conversation.team, now));
    }

    /** An edit replaces the text of the message it targets; a deletion blanks it and keeps the record. */
    private Uni<Void> amend(InboundMessage inbound) {
        return messages.byProviderId(inbound.inboxId(), inbound.target()).map(target -> {
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

    private Uni<Duration> window(String inboxId) {
        return InboxSettings.<InboxSettings>findById(inboxId)
                .map(settings -> settings == null ? reopenWindow : Duration.ofMinutes(settings.reopenWindowMinutes));
    }

    private Uni<Message> addMessage(Conversation conversation, InboundMessage inbound, Instant now) {
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
        if (!inbound.echo() && !inbound.autoReply() && inbound.text() != null) {
            message.language = languages.detect(inbound.text());
            message.sentiment =
                    sentiment.analyze(inbound.text(), message.language).lower();
            if (message.language != null && conversation.language == null) {
                conversation.language = message.language;
            }
            conversation.sentiment = message.sentiment;
        }
        if (inbound.sentAt().isAfter(conversation.lastMessageAt)) {
            conversation.lastMessageAt = inbound.sentAt();
        }
        return messages.append(conversation, message, now).replaceWith(message);
    }
}
