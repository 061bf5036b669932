package io.parley.routing.assignment;

import java.util.Set;

/**
 * An online member of the team as the assignment rules see them.
 *
 * @param capacity their limit in this team, null for none
 * @param load their open + pending conversations across all teams
 * @param recentAssignments what this team gave them inside the fair-distribution window
 */
public record Candidate(String agent, Set<String> skills, Integer capacity, long load, long recentAssignments) {}
