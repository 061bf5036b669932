package io.parley.routing.conversation;

import io.parley.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
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

    @WithSession
    public Uni<List<ConversationView>> search(ConversationQuery query, int limit) {
        return Conversation.<Conversation>find(query.where(), Sort.descending("lastMessageAt"), query.parameters())
                .page(Page.ofSize(limit))
                .list()
                .flatMap(conversations -> contacts(conversations)
                        .map(contacts -> conversations.stream()
                                .map(c -> ConversationView.of(c, contacts.get(c.contactId), null))
                                .toList()));
    }

    @WithSession
    public Uni<ConversationView> detail(UUID id) {
        return Conversation.<Conversation>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No conversation " + id + "."))
                .flatMap(conversation -> Contact.<Contact>findById(conversation.contactId)
                        .flatMap(contact -> Message.<Message>list(
                                        "conversationId", Sort.ascending("sentAt", "createdAt"), conversation.id)
                                .map(messages -> ConversationView.of(
                                        conversation,
                                        contact,
                                        messages.stream()
                                                .map(ConversationView.MessageView::of)
                                                .toList()))));
    }

    private static Uni<Map<UUID, Contact>> contacts(List<Conversation> conversations) {
        List<UUID> ids = conversations.stream().map(c -> c.contactId).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Contact.<Contact>list("id in ?1", ids)
                .map(contacts -> contacts.stream().collect(Collectors.toMap(c -> c.id, Function.identity())));
    }
}
