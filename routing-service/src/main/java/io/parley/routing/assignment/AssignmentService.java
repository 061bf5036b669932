package io.parley.routing.assignment;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventTypes;
import io.parley.reactive.WorkLocal;
import io.parley.routing.conversation.Conversation;
import io.parley.routing.conversation.ConversationStatus;
import io.parley.routing.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hibernate.LockMode;

/**
 * Serves a team's queue: conversations waiting without an agent, highest priority first, then longest waiting. Runs
 * inside the caller's transaction. The team row is locked first, so one team's queue is served by one transaction at a
 * time on any instance; the rows of its online agents are locked next, in one statement, and loads are counted under
 * those locks, so two teams sharing an agent never push them past capacity.
 */
@ApplicationScoped
public class AssignmentService {
    /**
     * How many queued conversations one pass looks at. A pass that placed all of them looks again (a batch may queue
     * more than this); one that could not place some leaves the rest to the next event or the sweep.
     */
    static final int PASS = 25;
    /** The actor of an assignment the team's policy made, in assignment events. */
    public static final String POLICY_ACTOR = "policy";

    /** The teams whose queues the running batch serves at its end, with the latest time each was asked at. */
    private static final WorkLocal<Map<String, Instant>> DEFERRED_DRAINS =
            new WorkLocal<>("parley.assignment.deferred-drains");
    /** A batch's new conversations waiting in their teams' queues, not written yet (see {@link #queueNew}). */
    private static final WorkLocal<Map<UUID, Conversation>> HELD = new WorkLocal<>("parley.assignment.held");

    private static final List<ConversationStatus> LOADED = List.of(ConversationStatus.OPEN, ConversationStatus.PENDING);

    private final Outbox outbox;

    public AssignmentService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Puts an unassigned open conversation in its team's queue; it keeps its place if it is already there. */
    public Uni<Void> enqueue(Conversation conversation, Instant now) {
        if (conversation.assignee != null
                || conversation.status != ConversationStatus.OPEN
                || conversation.waitingSince != null) {
            return Uni.createFrom().voidItem();
        }
        conversation.waitingSince = now;
        return outbox.conversationEvent(
                EventTypes.CONVERSATION_QUEUED,
                conversation.id,
                now,
                new ConversationEvents.Queued(
                        conversation.id, conversation.inboxId, conversation.team, conversation.priority.lower(), now));
    }

    /**
     * Queues a conversation just started and set up, and writes it. Inside {@link #servingQueuesAfter} one that waits
     * for an agent is held until the batch's pass over its team's queue: one that gets an agent is then inserted with
     * it, instead of inserted, then locked, read back and updated by the pass (an update of every column and index of
     * the conversation, for most new conversations). Elsewhere it is written and its team's queue served at once.
     */
    public Uni<Void> queueNew(Conversation conversation, Instant now) {
        if (conversation.status != ConversationStatus.OPEN || conversation.assignee != null) {
            return conversation.persist().replaceWithVoid();
        }
        return enqueue(conversation, now).flatMap(v -> {
            Map<UUID, Conversation> held = HELD.get();
            if (held != null && DEFERRED_DRAINS.get() != null) {
                held.put(conversation.id, conversation);
                return drainSoon(conversation.team, now).replaceWithVoid();
            }
            return conversation
                    .persist()
                    .call(() -> drainSoon(conversation.team, now))
                    .replaceWithVoid();
        });
    }

    /**
     * The conversation of a thread that this batch started and still holds unwritten, or null: the thread's newest, which
     * a lookup in the database would not find yet.
     */
    public Conversation heldOfThread(String inboxId, String threadKey) {
        Map<UUID, Conversation> held = HELD.get();
        if (held == null) {
            return null;
        }
        Conversation newest = null;
        for (Conversation conversation : held.values()) {
            if (conversation.inboxId.equals(inboxId) && conversation.threadKey.equals(threadKey)) {
                newest = conversation;
            }
        }
        return newest;
    }

    /** @return how many conversations of the team's queue got an agent */
    public Uni<Integer> drain(String teamId, Instant now) {
        return lockedFresh(Team.class, teamId).flatMap(team -> {
            if (team == null) {
                return Uni.createFrom().item(0);
            }
            return pass(team, null, now);
        });
    }

    /**
     * One pass over the queue's head, and more while every conversation looked at got an agent and the stored queue
     * had more than one pass takes.
     */
    private Uni<Integer> pass(Team team, TeamState known, Instant now) {
        return queued(team.id).flatMap(stored -> {
            List<Conversation> queued = withHeld(team.id, stored);
            if (queued.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            Uni<TeamState> state = known != null ? Uni.createFrom().item(known) : TeamState.load(team, now);
            return state.flatMap(loaded -> assignInOrder(loaded, queued, 0, 0, now)
                    .flatMap(assigned -> assigned == queued.size() && stored.size() == PASS
                            ? pass(team, loaded, now).map(more -> assigned + more)
                            : Uni.createFrom().item(assigned)));
        });
    }

    /**
     * The stored head of the queue with the batch's held conversations of the team placed in it. When the stored head
     * is a full pass, held ones that come after its last wait for the next pass: stored ones beyond it may be ahead of
     * them.
     */
    private static List<Conversation> withHeld(String teamId, List<Conversation> stored) {
        Map<UUID, Conversation> held = HELD.get();
        if (held == null || held.isEmpty()) {
            return stored;
        }
        List<Conversation> merged = new ArrayList<>(stored);
        Conversation last = stored.size() == PASS ? stored.get(stored.size() - 1) : null;
        for (Conversation conversation : held.values()) {
            if (teamId.equals(conversation.team)
                    && WaitingInQueue.holdsFor(conversation)
                    && (last == null || QueueOrder.FIRST_SERVED.compare(conversation, last) < 0)) {
                merged.add(conversation);
            }
        }
        merged.sort(QueueOrder.FIRST_SERVED);
        return merged;
    }

    /**
     * Serves the queue of a team a conversation was just queued in: at once, or at the end of the batch when the
     * caller runs inside {@link #servingQueuesAfter}.
     */
    public Uni<Integer> drainSoon(String teamId, Instant now) {
        Map<String, Instant> deferred = DEFERRED_DRAINS.get();
        if (deferred == null) {
            return drain(teamId, now);
        }
        deferred.merge(teamId, now, (a, b) -> a.isAfter(b) ? a : b);
        return Uni.createFrom().item(0);
    }

    /**
     * Runs {@code work} (inside the caller's transaction) and then serves, once each, the queues it added to: a batch of
     * new conversations for one team takes the team lock and reads its roster once, not once per conversation. Teams
     * are served in name order, so two batches locking the same teams never wait for each other in a circle.
     */
    public <T> Uni<T> servingQueuesAfter(Supplier<Uni<T>> work) {
        Map<String, Instant> deferred = new TreeMap<>();
        Map<UUID, Conversation> held = new LinkedHashMap<>();
        // The drains are deferred only while the work runs; they themselves drain at once: nothing they queue may wait
        // for a pass that is already over.
        return HELD.during(
                held,
                () -> DEFERRED_DRAINS.during(deferred, work).call(() -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Map.Entry<String, Instant> team : deferred.entrySet()) {
                        chain = chain.call(() -> drain(team.getKey(), team.getValue()));
                    }
                    // Written as they are now: with the agent the pass gave them, or waiting in their queue.
                    return chain.call(() -> {
                        List<Conversation> waiting = new ArrayList<>(held.values());
                        held.clear();
                        return waiting.isEmpty() ? Uni.createFrom().voidItem() : Conversation.persist(waiting);
                    });
                }));
    }

    /** Takes a conversation off its agent (it goes back to the queue unless the caller moves it elsewhere). */
    public Uni<Void> unassign(Conversation conversation, String reason, String actor, Instant now) {
        if (conversation.assignee == null) {
            return Uni.createFrom().voidItem();
        }
        String previous = conversation.assignee;
        conversation.assignee = null;
        conversation.updatedAt = now;
        return outbox.conversationEvent(
                EventTypes.CONVERSATION_UNASSIGNED,
                conversation.id,
                now,
                new ConversationEvents.Unassigned(
                        conversation.id, conversation.inboxId, conversation.team, previous, reason, actor, now));
    }

    /** A supervisor's or a rule's explicit choice: no capacity or fairness check, the agent is told to take it. */
    public Uni<Void> assignTo(Conversation conversation, String agent, String actor, Instant now) {
        if (agent.equals(conversation.assignee)) {
            return Uni.createFrom().voidItem();
        }
        return unassign(conversation, "reassigned", actor, now)
                .flatMap(v -> apply(conversation, agent, true, actor, now));
    }

    /**
     * The row locked FOR UPDATE and read again under the lock: an entity this session loaded earlier (the team for its
     * calendar, say) would otherwise keep the state it had before another transaction's commit, e.g. a stale
     * round-robin cursor. The earlier copy is let go first (it carries no changes yet), so the lock loads a fresh one.
     */
    private static <T> Uni<T> lockedFresh(Class<T> type, Object id) {
        return Panache.getSession().flatMap(session -> {
            T earlier = session.getReference(type, id);
            if (session.contains(earlier)) {
                session.detach(earlier);
            }
            return session.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        });
    }

    private static Uni<List<Conversation>> queued(String teamId) {
        return Panache.getSession()
                .flatMap(session -> session.createSelectionQuery(
                                "from Conversation where team = :team and " + WaitingInQueue.CONDITION
                                        + QueueOrder.ORDER_BY,
                                Conversation.class)
                        .setParameter("team", teamId)
                        .setMaxResults(PASS)
                        .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                        .getResultList());
    }

    private Uni<Integer> assignInOrder(
            TeamState state, List<Conversation> queued, int index, int assigned, Instant now) {
        if (index >= queued.size()) {
            return Uni.createFrom().item(assigned);
        }
        Conversation conversation = queued.get(index);
        List<String> order = state.order(conversation);
        return tryAgents(state, conversation, order, 0, now)
                .flatMap(done -> assignInOrder(state, queued, index + 1, done ? assigned + 1 : assigned, now));
    }

    private Uni<Boolean> tryAgents(TeamState state, Conversation conversation, List<String> order, int i, Instant now) {
        if (i >= order.size()) {
            return Uni.createFrom().item(false);
        }
        String agent = order.get(i);
        // Every agent in the order is online and locked (lockOnline): only the load is read again, under that lock.
        Uni<Long> counted = state.countsLoad
                ? Conversation.count("assignee = ?1 and status in ?2", agent, LOADED)
                : Uni.createFrom().item(0L);
        return counted.flatMap(load -> {
            if (!CapacityLimit.hasRoom(state.capacity(agent), load)) {
                state.loads.put(agent, Math.max(load, state.loads.getOrDefault(agent, 0L)));
                return tryAgents(state, conversation, order, i + 1, now);
            }
            state.team.roundRobinCursor = agent;
            state.loads.put(agent, load + 1);
            state.recent.merge(agent, 1L, Long::sum);
            return apply(conversation, agent, state.countsLoad, POLICY_ACTOR, now)
                    .replaceWith(true);
        });
    }

    /**
     * @param counted whether loads are counted in the database: a held conversation is then written at once, with its
     *     agent, for the next count to include it; otherwise it is written with the batch's other held ones at the end
     *     (their inserts batched together)
     */
    private Uni<Void> apply(Conversation conversation, String agent, boolean counted, String actor, Instant now) {
        conversation.assignee = agent;
        conversation.waitingSince = null;
        conversation.updatedAt = now;
        AssignmentRecord record = new AssignmentRecord();
        record.conversationId = conversation.id;
        record.team = conversation.team;
        record.agent = agent;
        record.assignedAt = now;
        Map<UUID, Conversation> held = HELD.get();
        Uni<Void> written = counted && held != null && held.remove(conversation.id) != null
                ? conversation.persist().replaceWithVoid()
                : Uni.createFrom().voidItem();
        return written.call(() -> record.persist())
                .call(() -> outbox.conversationEvent(
                        EventTypes.CONVERSATION_ASSIGNED,
                        conversation.id,
                        now,
                        new ConversationEvents.Assigned(
                                conversation.id, conversation.inboxId, conversation.team, agent, actor, now)))
                .replaceWithVoid();
    }

    /** What one pass over a team's queue knows, kept current as it assigns. */
    static final class TeamState {
        final Team team;
        final AssignmentPolicy policy;
        final Map<String, TeamMember> members;
        final Set<String> online;
        final Set<String> teamSkills;
        final Map<String, Long> loads;
        final Map<String, Long> recent;
        /**
         * Loads are counted only where a rule reads them (a capacity, least-loaded): counting costs a pass over every
         * open conversation of the team's agents, on every assignment.
         */
        final boolean countsLoad;

        private TeamState(
                Team team,
                AssignmentPolicy policy,
                List<TeamMember> members,
                Set<String> online,
                Map<String, Long> loads,
                Map<String, Long> recent,
                boolean countsLoad) {
            this.team = team;
            this.policy = policy;
            this.members = members.stream().collect(Collectors.toMap(m -> m.agent, Function.identity()));
            this.online = online;
            this.teamSkills = new HashSet<>();
            members.forEach(m -> teamSkills.addAll(m.skillSet()));
            this.loads = new HashMap<>(loads);
            this.recent = new HashMap<>(recent);
            this.countsLoad = countsLoad;
        }

        private static boolean countsLoad(AssignmentPolicy policy, List<TeamMember> members) {
            return policy.strategy == AssignmentStrategy.LEAST_LOADED
                    || policy.capacity != null
                    || members.stream().anyMatch(m -> m.capacity != null);
        }

        static Uni<TeamState> load(Team team, Instant now) {
            return AssignmentPolicy.<AssignmentPolicy>findById(team.id)
                    .map(policy -> policy == null ? AssignmentPolicy.defaults(team.id) : policy)
                    .flatMap(policy -> TeamMember.<TeamMember>list("team", team.id)
                            .flatMap(members -> {
                                List<String> agents =
                                        members.stream().map(m -> m.agent).toList();
                                boolean countsLoad = countsLoad(policy, members);
                                if (agents.isEmpty()) {
                                    return Uni.createFrom()
                                            .item(new TeamState(
                                                    team, policy, members, Set.of(), Map.of(), Map.of(), countsLoad));
                                }
                                return lockOnline(agents)
                                        .flatMap(online -> (countsLoad
                                                        ? counts(
                                                                "select c.assignee, count(c) from Conversation c"
                                                                        + " where c.assignee in :agents"
                                                                        + " and c.status in :statuses"
                                                                        + " group by c.assignee",
                                                                Map.of("agents", agents, "statuses", LOADED))
                                                        : Uni.createFrom().item(Map.<String, Long>of()))
                                                .flatMap(loads -> recent(policy, agents, now)
                                                        .map(recent -> new TeamState(
                                                                team,
                                                                policy,
                                                                members,
                                                                online,
                                                                loads,
                                                                recent,
                                                                countsLoad))));
                            }));
        }

        private static Uni<Map<String, Long>> recent(AssignmentPolicy policy, List<String> agents, Instant now) {
            if (policy.fairLimit == null || policy.fairWindowMinutes == null) {
                return Uni.createFrom().item(Map.of());
            }
            return counts(
                    "select a.agent, count(a) from AssignmentRecord a where a.team = :team and a.agent in :agents"
                            + " and a.assignedAt > :since group by a.agent",
                    Map.of(
                            "team",
                            policy.team,
                            "agents",
                            agents,
                            "since",
                            now.minus(Duration.ofMinutes(policy.fairWindowMinutes))));
        }

        private static Uni<Map<String, Long>> counts(String hql, Map<String, Object> parameters) {
            return Panache.getSession().flatMap(session -> {
                var query = session.createSelectionQuery(hql, Object[].class);
                parameters.forEach(query::setParameter);
                return query.getResultList()
                        .map(rows -> rows.stream()
                                .collect(Collectors.toMap(
                                        row -> (String) row[0], row -> ((Number) row[1]).longValue())));
            });
        }

        /**
         * The team's online agents, their rows locked in one statement (in name order, so two teams sharing agents
         * never wait for each other in a circle). Locked rows stay as read until the transaction ends: an agent who
         * went away meanwhile is not among them, and none can go away while this pass assigns to them.
         */
        private static Uni<Set<String>> lockOnline(List<String> agents) {
            return Panache.getSession()
                    .flatMap(session -> session.createNativeQuery(
                                    "select username from agent where username in (:agents) and availability = :online"
                                            + " order by username for update",
                                    String.class)
                            .setParameter("agents", agents)
                            .setParameter("online", Availability.ONLINE.name())
                            .getResultList())
                    .map(HashSet::new);
        }

        Integer capacity(String agent) {
            TeamMember member = members.get(agent);
            return member != null && member.capacity != null ? member.capacity : policy.capacity;
        }

        /** The agents to try for this conversation, best first, after every rule of the policy. */
        List<String> order(Conversation conversation) {
            List<Candidate> candidates = new ArrayList<>();
            for (TeamMember member : members.values()) {
                if (online.contains(member.agent)) {
                    candidates.add(new Candidate(
                            member.agent,
                            member.skillSet(),
                            capacity(member.agent),
                            loads.getOrDefault(member.agent, 0L),
                            recent.getOrDefault(member.agent, 0L)));
                }
            }
            candidates = CapacityLimit.apply(candidates);
            candidates = FairDistributionLimit.apply(policy, candidates);
            candidates = SkillMatch.apply(policy, conversation.language, teamSkills, candidates);
            return switch (policy.strategy) {
                case LEAST_LOADED -> LeastLoadedSelector.order(candidates);
                case ROUND_ROBIN ->
                    RoundRobinSelector.order(
                            candidates.stream().map(Candidate::agent).toList(), team.roundRobinCursor);
            };
        }
    }
}
