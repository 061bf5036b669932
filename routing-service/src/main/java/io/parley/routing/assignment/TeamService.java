package io.parley.routing.assignment;

import io.parley.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.regex.Pattern;

@ApplicationScoped
public class TeamService {
    private static final Pattern TEAM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,255}");

    public record TeamView(String id, java.util.List<String> members) {}

    @WithSession
    public Uni<TeamView> get(String teamId) {
        return Team.<Team>findById(teamId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No team " + teamId + "."))
                .flatMap(team -> TeamMember.<TeamMember>list("team", Sort.by("agent"), teamId))
                .map(members ->
                        new TeamView(teamId, members.stream().map(m -> m.agent).toList()));
    }

    /** Adds an agent to a team, creating the team on first use. Idempotent. */
    @WithTransaction
    public Uni<Void> addMember(String teamId, String agent) {
        if (!TEAM_ID.matcher(teamId).matches()) {
            throw ProblemException.unprocessable("team must be lower-case letters, digits and dashes");
        }
        if (!USERNAME.matcher(agent).matches()) {
            throw ProblemException.unprocessable("agent must be a username");
        }
        Instant now = Instant.now();
        return Team.<Team>findById(teamId)
                .flatMap(team -> {
                    if (team != null) {
                        return Uni.createFrom().item(team);
                    }
                    Team created = new Team();
                    created.id = teamId;
                    created.createdAt = now;
                    return created.<Team>persist();
                })
                .flatMap(team -> TeamMember.<TeamMember>findById(new TeamMember.Key(teamId, agent)))
                .flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().voidItem();
                    }
                    TeamMember member = new TeamMember();
                    member.team = teamId;
                    member.agent = agent;
                    member.createdAt = now;
                    return member.persist().replaceWithVoid();
                });
    }

    @WithTransaction
    public Uni<Void> removeMember(String teamId, String agent) {
        return TeamMember.delete("team = ?1 and agent = ?2", teamId, agent).replaceWithVoid();
    }
}
