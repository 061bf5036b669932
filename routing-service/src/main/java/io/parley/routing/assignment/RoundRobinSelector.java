package io.parley.routing.assignment;

import java.util.List;
import java.util.Optional;

/** Plain round-robin: the next agent after the last one assigned, in a stable (alphabetical) order, wrapping around. */
public final class RoundRobinSelector {
    private RoundRobinSelector() {}

    /** @param agents the team's agents, sorted */
    public static Optional<String> next(List<String> agents, String lastAssigned) {
        if (agents.isEmpty()) {
            return Optional.empty();
        }
        if (lastAssigned != null) {
            for (String agent : agents) {
                if (agent.compareTo(lastAssigned) > 0) {
                    return Optional.of(agent);
                }
            }
        }
        return Optional.of(agents.get(0));
    }
}
