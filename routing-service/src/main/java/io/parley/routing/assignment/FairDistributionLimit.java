package io.parley.routing.assignment;

import java.util.List;

/**
 * At most {@code fairLimit} assignments per agent per window, so a fast closer is not buried under everything that
 * arrives (Chatwoot's "fair distribution"). Once the window moves on they are eligible again.
 */
public final class FairDistributionLimit {
    private FairDistributionLimit() {}

    public static List<Candidate> apply(AssignmentPolicy policy, List<Candidate> candidates) {
        if (policy.fairLimit == null || policy.fairWindowMinutes == null) {
            return candidates;
        }
        return candidates.stream()
                .filter(c -> c.recentAssignments() < policy.fairLimit)
                .toList();
    }
}
