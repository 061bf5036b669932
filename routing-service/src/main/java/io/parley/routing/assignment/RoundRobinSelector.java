package io.parley.routing.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plain round-robin: the next agent after the last one assigned, in a stable (alphabetical) order, wrapping around. */
public final class RoundRobinSelector {
    private RoundRobinSelector() {}

    /** @param agents the team's agents, sorted */
    public static Optional<String> next(List<String> agents, String lastAssigned) {
        List<String> order = order(agents, lastAssigned);
        return order.isEmpty() ? Optional.empty() : Optional.of(order.get(0));
    }

    /** Every agent in the order round-robin would try them: the one after the cursor first. */
    public static List<String> order(List<String> agents, String lastAssigned) {
        List<String> sorted = agents.stream().sorted().toList();
        int first = 0;
        if (lastAssigned != null) {
            first = sorted.size();
            for (int i = 0; i < sorted.size(); i++) {
                if (sorted.get(i).compareTo(lastAssigned) > 0) {
                    first = i;
                    break;
                }
            }
            if (first == sorted.size()) {
                first = 0;
            }
        }
        List<String> order = new ArrayList<>(sorted.subList(first, sorted.size()));
        order.addAll(sorted.subList(0, first));
        return order;
    }
}
