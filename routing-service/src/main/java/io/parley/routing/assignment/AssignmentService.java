package io.parley.routing.assignment;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventTypes;
import io.parley.routing.conversation.Conversation;
import io.parley.routing.outbox.Outbox;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;

/**
 * Assigns a conversation to an agent of its team. Runs inside the caller's transaction and locks the team row, so two
 * routing instances never advance the same cursor concurrently.
 */
@ApplicationScoped
public class AssignmentService {
    private final Outbox outbox;

    public AssignmentService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @return the assignee, or empty when the team has no agents (the conversation stays unassigned) */
    public Uni<Optional<String>> assign(Conversation conversation, Instant now) {
        return Team.<Team>findById(conversation.team, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(team -> team == null
                        ? Uni.createFrom().item(Optional.<String>empty())
                        : TeamMember.<TeamMember>list("team", Sort.by("agent"), team.id)
                                .map(members -> RoundRobinSelector.next(
                                        members.stream().map(m -> m.agent).toList(), team.roundRobinCursor))
                                .flatMap(agent -> agent.isEmpty()
                                        ? Uni.createFrom().item(agent)
                                        : apply(team, conversation, agent.get(), now)
                                                .replaceWith(agent)));
    }

    private Uni<Void> apply(Team team, Conversation conversation, String agent, Instant now) {
        team.roundRobinCursor = agent;
        conversation.assignee = agent;
        conversation.updatedAt = now;
        return outbox.conversationEvent(
                EventTypes.CONVERSATION_ASSIGNED,
                conversation.id,
                now,
                new ConversationEvents.Assigned(conversation.id, conversation.inboxId, team.id, agent, now));
    }
}
