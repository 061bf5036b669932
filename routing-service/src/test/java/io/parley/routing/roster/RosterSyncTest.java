package io.parley.routing.roster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Keycloak's groups are the rosters, against the real Keycloak of the tests: a sync brings routing's rosters in line
 * (and takes out a member routing had on its own), and a member added or removed through routing's API is in
 * Keycloak's group at once, so the agent's next token carries the team.
 */
@QuarkusTest
@TestProfile(RosterSyncTest.FromKeycloak.class)
class RosterSyncTest {
    public static class FromKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The test runs each sync itself.
            return Map.of("parley.roster.source", "keycloak", "parley.roster.sync-interval", "off");
        }
    }

    @jakarta.inject.Inject
    RosterSync sync;

    @jakarta.inject.Inject
    KeycloakRoster keycloak;

    @jakarta.inject.Inject
    io.parley.routing.assignment.TeamService teams;

    @Test
    void rostersFollowKeycloakGroupsAndChangesGoToKeycloakFirst() throws Throwable {
        String dave = Tokens.of("dave");
        // A member only routing knew of (routing kept rosters by hand): the sync takes them out.
        given().auth()
                .oauth2(dave)
                .put("/teams/support/members/zed")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("No user zed in Keycloak"));

        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> teams.addMember("support", "zed", null));

        RosterSync.Changes first = synced();
        assertEquals(List.of("support:zed"), first.left());
        assertTrue(
                first.joined().containsAll(List.of("support:alice", "support:bob", "sales:sam", "escalation:carol")),
                first.toString());
        assertEquals(Set.of("alice", "bob", "carol"), Set.copyOf(members("support", dave)));
        assertEquals(Set.of("carol", "sam"), Set.copyOf(members("sales", dave)));
        RosterSync.Changes again = synced();
        assertEquals(List.of(), again.joined());
        assertEquals(List.of(), again.left());

        // Through the API: Keycloak's group first, so bob's next token says he is in sales.
        assertFalse(teamsOfNewToken("bob").contains("sales"));
        given().auth().oauth2(dave).put("/teams/sales/members/bob").then().statusCode(204);
        assertTrue(keycloak.teams()
                .await()
                .atMost(Duration.ofSeconds(30))
                .get("sales")
                .contains("bob"));
        assertTrue(members("sales", dave).contains("bob"));
        assertTrue(teamsOfNewToken("bob").contains("sales"));

        given().auth().oauth2(dave).delete("/teams/sales/members/bob").then().statusCode(204);
        assertFalse(keycloak.teams()
                .await()
                .atMost(Duration.ofSeconds(30))
                .get("sales")
                .contains("bob"));
        assertFalse(members("sales", dave).contains("bob"));
        assertFalse(teamsOfNewToken("bob").contains("sales"));
        assertEquals(List.of(), synced().left());
    }

    @Test
    void onlyAdminsChangeRosters() {
        given().auth()
                .oauth2(Tokens.of("carol"))
                .put("/teams/sales/members/alice")
                .then()
                .statusCode(403)
                .contentType(equalTo("application/problem+json"));
    }

    private RosterSync.Changes synced() {
        try {
            return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(sync::sync);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> members(String team, String token) {
        return given().auth()
                .oauth2(token)
                .get("/teams/" + team)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("members", String.class);
    }

    /** The teams claim of a token fetched now (not a cached one). */
    private static String teamsOfNewToken(String user) {
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        String token = Tokens.password(realm, user, user);
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        int teams = payload.indexOf("\"teams\"");
        return teams < 0 ? "" : payload.substring(teams, payload.indexOf(']', teams) + 1);
    }
}
