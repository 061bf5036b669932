package io.parley.routing.assignment;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * With skills matching on, a conversation in a language goes only to agents who list that language, as long as
 * anyone in the team does; a language nobody in the team speaks goes to anyone rather than waiting forever.
 */
public final class SkillMatch {
    private SkillMatch() {}

    /**
     * @param teamSkills the skills of every member of the team, online or not
     */
    public static List<Candidate> apply(
            AssignmentPolicy policy, String language, Set<String> teamSkills, List<Candidate> candidates) {
        if (!policy.skillsMatch || language == null) {
            return candidates;
        }
        String wanted = language.toLowerCase(Locale.ROOT);
        if (!teamSkills.contains(wanted)) {
            return candidates;
        }
        return candidates.stream().filter(c -> c.skills().contains(wanted)).toList();
    }
}
