package io.parley.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.security.ForbiddenException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TeamScopeTest {
    static final Agent ALICE = new Agent("alice", Set.of("agent"), List.of("support"));
    static final Agent LONER = new Agent("lou", Set.of("agent"), List.of());
    static final Agent CAROL = new Agent("carol", Set.of("supervisor"), List.of("support"));

    @Test
    void meMeansTheCallersOwnConversations() {
        assertEquals(new TeamScope.Filters("alice", List.of()), TeamScope.conversationFilters(ALICE, "me", null));
        assertEquals(new TeamScope.Filters("carol", List.of()), TeamScope.conversationFilters(CAROL, "me", null));
    }

    @Test
    void agentsWithoutFiltersSeeTheirTeams() {
        assertEquals(new TeamScope.Filters(null, List.of("support")), TeamScope.conversationFilters(ALICE, null, null));
        assertEquals(new TeamScope.Filters("lou", List.of()), TeamScope.conversationFilters(LONER, null, null));
    }

    @Test
    void agentsCannotLookIntoOtherAgentsOrTeams() {
        assertThrows(ForbiddenException.class, () -> TeamScope.conversationFilters(ALICE, "bob", null));
        assertThrows(ForbiddenException.class, () -> TeamScope.conversationFilters(ALICE, null, "sales"));
        assertThrows(ForbiddenException.class, () -> TeamScope.conversationFilters(ALICE, "me", "sales"));
    }

    @Test
    void agentsSeeTheirTeamsQueue() {
        assertEquals(
                new TeamScope.Filters("none", List.of("support")), TeamScope.conversationFilters(ALICE, "none", null));
        assertThrows(ForbiddenException.class, () -> TeamScope.conversationFilters(ALICE, "none", "sales"));
        assertThrows(ForbiddenException.class, () -> TeamScope.conversationFilters(LONER, "none", null));
        assertEquals(new TeamScope.Filters("none", List.of()), TeamScope.conversationFilters(CAROL, "none", null));
    }

    @Test
    void supervisorsSeeEveryTeamAndAgent() {
        assertEquals(new TeamScope.Filters(null, List.of()), TeamScope.conversationFilters(CAROL, null, null));
        assertEquals(
                new TeamScope.Filters("bob", List.of("sales")), TeamScope.conversationFilters(CAROL, "bob", "sales"));
    }

    @Test
    void conversationVisibility() {
        assertEquals(true, TeamScope.maySee(ALICE, "support", null));
        assertEquals(true, TeamScope.maySee(ALICE, "sales", "alice"));
        assertEquals(false, TeamScope.maySee(ALICE, "sales", "sam"));
        assertEquals(true, TeamScope.maySee(CAROL, "escalation", "dave"));
    }
}
