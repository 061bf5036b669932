package io.parley.gateway.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.gateway.security.Agent;
import java.util.HashSet;
import java.util.Set;

/**
 * Who may see a live event: the team-scoping rule of the API ({@code TeamScope}) applied to an event. Supervisors
 * and admins see everything; an agent sees an event of a conversation in one of their teams (its team now, the team it
 * came from or went to, the team it was escalated to) or one they are or were assigned to, and the availability of
 * their teammates.
 */
public record LiveAudience(boolean everyone, Set<String> teams, Set<String> agents) {
    /** What every stream gets, such as its opening {@code ready} event. */
    public static final LiveAudience EVERYONE = new LiveAudience(true, Set.of(), Set.of());

    private static final String[] TEAM_FIELDS = {"team", "fromTeam", "toTeam", "escalatedTo"};
    private static final String[] AGENT_FIELDS = {"assignee", "previousAssignee", "agent"};

    public static LiveAudience of(JsonNode payload) {
        Set<String> teams = new HashSet<>();
        for (String field : TEAM_FIELDS) {
            add(teams, payload.path(field));
        }
        for (JsonNode team : payload.path("teams")) {
            add(teams, team);
        }
        Set<String> agents = new HashSet<>();
        for (String field : AGENT_FIELDS) {
            add(agents, payload.path(field));
        }
        return new LiveAudience(false, Set.copyOf(teams), Set.copyOf(agents));
    }

    public boolean includes(Agent agent) {
        if (everyone || agent.seesAllTeams() || agents.contains(agent.username())) {
            return true;
        }
        for (String team : agent.teams()) {
            if (teams.contains(team)) {
                return true;
            }
        }
        return false;
    }

    private static void add(Set<String> names, JsonNode value) {
        if (value.isTextual() && !value.asText().isBlank()) {
            names.add(value.asText());
        }
    }
}
