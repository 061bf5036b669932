package io.parley.routing.assignment;

import java.util.List;

/** An agent at their capacity gets nothing new until one of their conversations is resolved or moved. */
public final class CapacityLimit {
    private CapacityLimit() {}

    public static boolean hasRoom(Integer capacity, long load) {
        return capacity == null || load < capacity;
    }

    public static List<Candidate> apply(List<Candidate> candidates) {
        return candidates.stream().filter(c -> hasRoom(c.capacity(), c.load())).toList();
    }
}
