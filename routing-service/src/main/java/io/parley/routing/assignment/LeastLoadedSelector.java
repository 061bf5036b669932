package io.parley.routing.assignment;

import java.util.Comparator;
import java.util.List;

/** Fewest open and pending conversations first; ties alphabetically so the order is stable. */
public final class LeastLoadedSelector {
    private LeastLoadedSelector() {}

    public static List<String> order(List<Candidate> candidates) {
        return candidates.stream()
                .sorted(Comparator.comparingLong(Candidate::load).thenComparing(Candidate::agent))
                .map(Candidate::agent)
                .toList();
    }
}
