package io.parley.routing.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoundRobinSelectorTest {
    static final List<String> TEAM = List.of("alice", "bob", "carol");

    @Test
    void startsWithFirstAgentWhenNobodyWasAssignedYet() {
        assertEquals(Optional.of("alice"), RoundRobinSelector.next(TEAM, null));
    }

    @Test
    void takesTheAgentAfterTheLastAssignedAndWrapsAround() {
        assertEquals(Optional.of("bob"), RoundRobinSelector.next(TEAM, "alice"));
        assertEquals(Optional.of("carol"), RoundRobinSelector.next(TEAM, "bob"));
        assertEquals(Optional.of("alice"), RoundRobinSelector.next(TEAM, "carol"));
    }

    @Test
    void continuesWhenTheLastAssignedAgentLeftTheTeam() {
        assertEquals(Optional.of("carol"), RoundRobinSelector.next(TEAM, "bruno"));
        assertEquals(Optional.of("alice"), RoundRobinSelector.next(TEAM, "zoe"));
    }

    @Test
    void nobodyToAssignInAnEmptyTeam() {
        assertEquals(Optional.empty(), RoundRobinSelector.next(List.of(), "alice"));
    }
}
