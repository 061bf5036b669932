package io.parley.routing.assignment;

import io.parley.contracts.api.Teams;
import io.parley.contracts.api.Teams.Member;
import io.parley.contracts.api.Teams.MemberRequest;
import io.parley.contracts.api.Teams.Policy;
import io.parley.contracts.api.Teams.QueueEntry;
import io.parley.contracts.api.Teams.Settings;
import io.parley.problem.ProblemException;
import io.parley.routing.conversation.Conversation;
import io.parley.routing.hours.BusinessHours;
import io.parley.routing.sla.SlaPolicy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

@ApplicationScoped
public class TeamService {
    private static final Pattern TEAM_ID = Pattern.compile(Teams.ID);
    private static final Pattern USERNAME = Pattern.compile(Teams.USERNAME);

    static Policy policyOf(AssignmentPolicy p) {
        return new Policy(
                p.strategy.name().toLowerCase(Locale.ROOT),
                p.capacity,
                p.skillsMatch,
                p.fairLimit,
                p.fairWindowMinutes);
    }

    private final TeamQueue queue;
    private final Clock clock;
    private final AgentPresence presence;

    public TeamService(TeamQueue queue, Clock clock, AgentPresence presence) {
        this.presence = presence;
        this.queue = queue;
        this.clock = clock;
    }

    /** Every team routing knows, by id. */
    @WithSession
    public Uni<List<Teams.Team>> list() {
        return Team.<Team>listAll(Sort.by("id")).flatMap(found -> {
            Uni<List<Teams.Team>> all = Uni.createFrom().item(new ArrayList<>());
            for (Team team : found) {
                all = all.flatMap(list -> get(team.id).map(view -> {
                    list.add(view);
                    return list;
                }));
            }
            return all;
        });
    }

    @WithSession
    public Uni<Teams.Team> get(String teamId) {
        return Team.<Team>findById(teamId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No team " + teamId + "."))
                .flatMap(team -> AssignmentPolicy.<AssignmentPolicy>findById(teamId)
                        .flatMap(policy -> TeamMember.<TeamMember>list("team", Sort.by("agent"), teamId)
                                .flatMap(members -> Agent.<Agent>list(
                                                "username in ?1",
                                                members.stream()
                                                        .map(m -> m.agent)
                                                        .toList())
                                        .map(agents -> new Teams.Team(
                                                teamId,
                                                members.stream()
                                                        .map(m -> m.agent)
                                                        .toList(),
                                                members.stream()
                                                        .map(m -> new Member(
                                                                m.agent,
                                                                agents.stream()
                                                                        .filter(a -> a.username.equals(m.agent))
                                                                        .map(a -> a.availability
                                                                                .name()
                                                                                .toLowerCase(Locale.ROOT))
                                                                        .findFirst()
                                                                        .orElse("offline"),
                                                                m.skillSet().stream()
                                                                        .sorted()
                                                                        .toList(),
                                                                m.capacity))
                                                        .toList(),
                                                policyOf(policy == null ? AssignmentPolicy.defaults(teamId) : policy),
                                                team.businessHoursId,
                                                team.overnightTeam,
                                                team.slaPolicyId)))));
    }

    /** Adds an agent to a team (creating both on first use) or updates their skills and capacity there. */
    @WithTransaction
    public Uni<Void> addMember(String teamId, String agent, MemberRequest request) {
        checkMember(teamId, agent);
        if (request != null && request.capacity() != null && request.capacity() < 0) {
            throw ProblemException.unprocessable("capacity must not be negative");
        }
        Instant now = clock.instant();
        return team(teamId, now)
                .flatMap(team -> Agent.<Agent>findById(agent))
                .flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().voidItem();
                    }
                    // Agents are assignable until they say otherwise through the gateway.
                    Agent created = new Agent();
                    created.username = agent;
                    created.availability = Availability.ONLINE;
                    created.updatedAt = now;
                    return created.persist().replaceWithVoid();
                })
                .flatMap(v -> TeamMember.<TeamMember>findById(new TeamMember.Key(teamId, agent)))
                .flatMap(existing -> {
                    TeamMember member = existing != null ? existing : new TeamMember();
                    if (request != null) {
                        member.skills = request.skills() == null ? "" : String.join(",", request.skills());
                        member.capacity = request.capacity();
                    }
                    if (existing != null) {
                        return Uni.createFrom().voidItem();
                    }
                    member.team = teamId;
                    member.agent = agent;
                    member.createdAt = now;
                    // Written before the announcement reads the agent's teams back.
                    return member.persist()
                            .flatMap(persisted -> Panache.getSession().flatMap(session -> session.flush()))
                            .flatMap(flushed -> presence.announce(agent, now));
                });
    }

    @WithTransaction
    public Uni<Void> removeMember(String teamId, String agent) {
        return TeamMember.delete("team = ?1 and agent = ?2", teamId, agent)
                .flatMap(removed ->
                        removed == 0 ? Uni.createFrom().voidItem() : presence.announce(agent, clock.instant()));
    }

    @WithTransaction
    public Uni<Policy> putPolicy(String teamId, Policy request) {
        validateTeam(teamId);
        if (request == null || request.strategy() == null) {
            throw ProblemException.unprocessable("strategy is required: round_robin or least_loaded");
        }
        AssignmentStrategy strategy;
        try {
            strategy = AssignmentStrategy.valueOf(request.strategy().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("strategy must be round_robin or least_loaded");
        }
        if ((request.fairLimit() == null) != (request.fairWindowMinutes() == null)) {
            throw ProblemException.unprocessable("fairLimit and fairWindowMinutes go together");
        }
        if (positive(request.capacity()) || positive(request.fairLimit()) || positive(request.fairWindowMinutes())) {
            throw ProblemException.unprocessable("capacity, fairLimit and fairWindowMinutes must be at least 1");
        }
        Instant now = clock.instant();
        return team(teamId, now)
                .flatMap(team -> AssignmentPolicy.<AssignmentPolicy>findById(teamId))
                .flatMap(existing -> {
                    AssignmentPolicy policy = existing != null ? existing : AssignmentPolicy.defaults(teamId);
                    policy.strategy = strategy;
                    policy.capacity = request.capacity();
                    policy.skillsMatch = request.skillsMatch();
                    policy.fairLimit = request.fairLimit();
                    policy.fairWindowMinutes = request.fairWindowMinutes();
                    policy.updatedAt = now;
                    return (existing != null ? Uni.createFrom().item(policy) : policy.<AssignmentPolicy>persist())
                            .map(TeamService::policyOf);
                });
    }

    @WithTransaction
    public Uni<Void> putSettings(String teamId, Settings request) {
        validateTeam(teamId);
        if (request == null) {
            throw ProblemException.unprocessable("a body with businessHoursId, overnightTeam, slaPolicyId is required");
        }
        Uni<Void> checks = Uni.createFrom().voidItem();
        if (request.businessHoursId() != null) {
            checks = checks.call(() -> BusinessHours.findById(request.businessHoursId())
                    .onItem()
                    .ifNull()
                    .failWith(() -> ProblemException.unprocessable("no business hours " + request.businessHoursId())));
        }
        if (request.slaPolicyId() != null) {
            checks = checks.call(() -> SlaPolicy.findById(request.slaPolicyId())
                    .onItem()
                    .ifNull()
                    .failWith(() -> ProblemException.unprocessable("no SLA policy " + request.slaPolicyId())));
        }
        if (request.overnightTeam() != null) {
            validateTeam(request.overnightTeam());
        }
        return checks.flatMap(v -> team(teamId, clock.instant())).map(team -> {
            team.businessHoursId = request.businessHoursId();
            team.overnightTeam = request.overnightTeam();
            team.slaPolicyId = request.slaPolicyId();
            return null;
        });
    }

    @WithSession
    public Uni<List<QueueEntry>> queue(String teamId) {
        return Conversation.<Conversation>list(
                        "team = ?1 and " + WaitingInQueue.CONDITION + QueueOrder.ORDER_BY, teamId)
                .map(conversations -> conversations.stream()
                        .map(c -> new QueueEntry(c.id, c.priority.lower(), c.waitingSince))
                        .toList());
    }

    /** Serves queues after a change that may have made room. */
    public Uni<Integer> changed() {
        return queue.drainAll();
    }

    private static boolean positive(Integer value) {
        return value != null && value < 1;
    }

    /** 422 unless the team id and the agent's username are well-formed. */
    public static void checkMember(String teamId, String agent) {
        validateTeam(teamId);
        if (!USERNAME.matcher(agent).matches()) {
            throw ProblemException.unprocessable("agent must be a username");
        }
    }

    private static void validateTeam(String teamId) {
        if (!TEAM_ID.matcher(teamId).matches()) {
            throw ProblemException.unprocessable("team must be lower-case letters, digits and dashes");
        }
    }

    /** The team, created on first use. */
    static Uni<Team> team(String teamId, Instant now) {
        return Team.<Team>findById(teamId).flatMap(team -> {
            if (team != null) {
                return Uni.createFrom().item(team);
            }
            Team created = new Team();
            created.id = teamId;
            created.createdAt = now;
            return created.<Team>persist();
        });
    }
}
