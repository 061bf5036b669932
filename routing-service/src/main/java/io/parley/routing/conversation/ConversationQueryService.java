package io.parley.routing.conversation;

import io.parley.contracts.api.Conversations;
import io.parley.contracts.api.Timeline;
import io.parley.problem.ProblemException;
import io.parley.routing.contact.Contact;
import io.parley.routing.outbox.ConversationTimeline;
import io.parley.routing.sla.SlaTimer;
import io.parley.routing.tagging.ConversationTag;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ConversationQueryService {
    private final ConversationTimeline timeline;

    public ConversationQueryService(ConversationTimeline timeline) {
        this.timeline = timeline;
    }

    /** One page of conversations; {@code next} is where the following page starts, null on the last one. */
    public record Page(List<Conversations.Conversation> conversations, ConversationCursor next) {}

    @WithSession
    public Uni<Page> search(ConversationQuery query, int limit) {
        return Conversation.<Conversation>find(
                        query.where(), Sort.descending("lastMessageAt", "id"), query.parameters())
                .page(io.quarkus.panache.common.Page.ofSize(limit))
                .list()
                .flatMap(conversations -> views(conversations)
                        .map(views -> new Page(
                                views,
                                conversations.size() == limit
                                        ? ConversationCursor.after(conversations.get(conversations.size() - 1))
                                        : null)));
    }

    private static Uni<List<Conversations.Conversation>> views(List<Conversation> conversations) {
        return contacts(conversations)
                .flatMap(contacts -> tags(conversations)
                        .map(tags -> conversations.stream()
                                .map(c -> ConversationView.of(
                                        c, contacts.get(c.contactId), tags.getOrDefault(c.id, List.of()), null, null))
                                .toList()));
    }

    /** How many conversations match: the counts beside each view of the agents' inbox. */
    @WithSession
    public Uni<Long> count(ConversationQuery query) {
        return Conversation.count(query.where(), query.parameters());
    }

    @WithSession
    public Uni<Conversations.Conversation> detail(UUID id) {
        return existing(id)
                .flatMap(conversation -> Contact.<Contact>findById(conversation.contactId)
                        .flatMap(contact -> ConversationTag.of(conversation.id)
                                .flatMap(tags -> Message.<Message>list(
                                                "conversationId",
                                                Sort.ascending("sentAt", "createdAt"),
                                                conversation.id)
                                        .flatMap(messages -> history(contact, conversation.id)
                                                .map(history -> ConversationView.of(
                                                        conversation,
                                                        contact,
                                                        tags,
                                                        messages.stream()
                                                                .map(ConversationView::message)
                                                                .toList(),
                                                        history))))));
    }

    /** The conversation's SLA timers, oldest first: what is due when, what was met or breached. */
    @WithSession
    public Uni<List<Conversations.SlaTimer>> sla(UUID id) {
        return existing(id)
                .flatMap(conversation -> SlaTimer.<SlaTimer>list("conversationId = ?1 order by startedAt, metric", id))
                .map(timers -> timers.stream()
                        .map(t -> new Conversations.SlaTimer(
                                t.metric.lower(),
                                t.policyId,
                                t.state.name().toLowerCase(java.util.Locale.ROOT),
                                t.targetSeconds,
                                t.consumedSeconds,
                                t.dueAt,
                                t.endedAt))
                        .toList());
    }

    /** The conversation's team and agent, without loading its messages. */
    @WithSession
    public Uni<Conversations.Scope> scope(UUID id) {
        return existing(id).map(c -> new Conversations.Scope(c.id, c.team, c.assignee));
    }

    /** What happened to the conversation besides its messages (assignments, tags, status, SLA breaches), oldest first. */
    @WithSession
    public Uni<List<Timeline.Entry>> timeline(UUID id) {
        return existing(id).flatMap(conversation -> timeline.of(id));
    }

    /** The conversation, or 404. */
    private static Uni<Conversation> existing(UUID id) {
        return Conversation.<Conversation>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No conversation " + id + "."));
    }

    /** Every other conversation of the same person, whichever channel they used. */
    private static Uni<List<Conversations.History>> history(Contact contact, UUID except) {
        if (contact == null) {
            return Uni.createFrom().item(List.of());
        }
        UUID profile = contact.profileId();
        return Contact.<Contact>list("id = ?1 or mergedInto = ?1", profile)
                .flatMap(identities -> Conversation.<Conversation>list(
                        "contactId in ?1 and id <> ?2 order by createdAt desc",
                        identities.stream().map(c -> c.id).toList(),
                        except))
                .map(conversations -> conversations.stream()
                        .map(c -> new Conversations.History(c.id, c.inboxId, c.channel, c.status.lower(), c.createdAt))
                        .toList());
    }

    private static Uni<Map<UUID, Contact>> contacts(List<Conversation> conversations) {
        List<UUID> ids = conversations.stream().map(c -> c.contactId).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Contact.<Contact>list("id in ?1", ids)
                .map(contacts -> contacts.stream().collect(Collectors.toMap(c -> c.id, Function.identity())));
    }

    private static Uni<Map<UUID, List<String>>> tags(List<Conversation> conversations) {
        List<UUID> ids = conversations.stream().map(c -> c.id).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return ConversationTag.<ConversationTag>list("conversationId in ?1 order by tag", ids)
                .map(tags -> tags.stream()
                        .collect(Collectors.groupingBy(
                                t -> t.conversationId, Collectors.mapping(t -> t.tag, Collectors.toList()))));
    }
}
