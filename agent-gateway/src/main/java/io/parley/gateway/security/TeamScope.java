package io.parley.gateway.security;

import io.quarkus.security.ForbiddenException;
import java.util.List;

/**
 * The team-scoping rule: agents see conversations assigned to them or in their teams; supervisors and admins see all.
 * Turns a request's filters into the filters routing-service is asked for, or refuses it.
 */
public final class TeamScope {
    public static final String ME = "me";
    /** Unassigned conversations: the team queue, which agents of the team may look at. */
    public static final String NONE = "none";

    private TeamScope() {}

    public record Filters(String assignee, List<String> teams) {}

    public static Filters conversationFilters(Agent agent, String assignee, String team) {
        String effectiveAssignee = ME.equals(assignee) ? agent.username() : assignee;
        if (agent.seesAllTeams()) {
            return new Filters(effectiveAssignee, team == null ? List.of() : List.of(team));
        }
        if (NONE.equals(effectiveAssignee)) {
            if (team != null && !agent.teams().contains(team)) {
                throw new ForbiddenException("You are not a member of team " + team + ".");
            }
            if (agent.teams().isEmpty()) {
                throw new ForbiddenException("Agents without a team have no queue to look at.");
            }
            return new Filters(NONE, team == null ? agent.teams() : List.of(team));
        }
        if (effectiveAssignee != null && !effectiveAssignee.equals(agent.username())) {
            throw new ForbiddenException("Agents can only list their own conversations or their teams'.");
        }
        if (team != null && !agent.teams().contains(team)) {
            throw new ForbiddenException("You are not a member of team " + team + ".");
        }
        if (effectiveAssignee != null) {
            return new Filters(effectiveAssignee, team == null ? List.of() : List.of(team));
        }
        if (team != null) {
            return new Filters(null, List.of(team));
        }
        if (agent.teams().isEmpty()) {
            // No team: only what is assigned to the agent personally.
            return new Filters(agent.username(), List.of());
        }
        return new Filters(null, agent.teams());
    }

    /** The same for several teams at once (the "my teams" view): each team must be allowed on its own. */
    public static Filters conversationFiltersOfTeams(Agent agent, String assignee, List<String> teams) {
        if (teams == null || teams.isEmpty()) {
            return conversationFilters(agent, assignee, null);
        }
        String effectiveAssignee = null;
        java.util.Set<String> allowed = new java.util.TreeSet<>();
        for (String team : teams) {
            Filters filters = conversationFilters(agent, assignee, team);
            effectiveAssignee = filters.assignee();
            allowed.addAll(filters.teams());
        }
        return new Filters(effectiveAssignee, List.copyOf(allowed));
    }

    public static boolean maySee(Agent agent, String conversationTeam, String conversationAssignee) {
        return agent.seesAllTeams()
                || agent.username().equals(conversationAssignee)
                || agent.teams().contains(conversationTeam);
    }
}
