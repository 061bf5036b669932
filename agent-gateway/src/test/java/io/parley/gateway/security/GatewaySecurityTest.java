package io.parley.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.parley.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Real tokens from a real Keycloak (demo users of the parley realm). */
@QuarkusTest
class GatewaySecurityTest {

    @Test
    void noTokenIsUnauthorizedProblem() {
        given().get("/api/conversations?assignee=me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void forgedTokenIsUnauthorized() {
        String token = token("alice");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).get("/api/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void agentSeesTheirIdentityRolesAndTeams() {
        given().auth()
                .oauth2(token("alice"))
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("alice"))
                .body("roles", hasItem("agent"))
                .body("teams", equalTo(java.util.List.of("support")));
    }

    @Test
    void agentMayNotWatchTheLiveView() {
        given().auth()
                .oauth2(token("alice"))
                .get("/api/reports/live")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void userWithoutAParleyRoleIsForbidden() {
        given().auth()
                .oauth2(token("guest"))
                .get("/api/conversations?assignee=me")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void adminMayListConversationsAndGetsAClearProblemWhenRoutingIsDown() {
        given().auth()
                .oauth2(token("dave"))
                .get("/api/conversations")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("routing-service is unavailable"));
    }

    @Test
    void agentMayNotListAnotherAgentsOrTeamsConversations() {
        String alice = token("alice");
        given().auth()
                .oauth2(alice)
                .get("/api/conversations?assignee=bob")
                .then()
                .statusCode(403)
                .body("detail", containsString("own conversations"));
        given().auth()
                .oauth2(alice)
                .get("/api/conversations?team=sales")
                .then()
                .statusCode(403)
                .body("detail", containsString("team sales"));
    }

    @Test
    void supervisorGetsAClearProblemWhenMetricsIsDown() {
        given().auth()
                .oauth2(token("carol"))
                .get("/api/reports/conversations?from=2026-11-01&to=2026-12-01")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("metrics-service is unavailable"));
        // The CSV export takes the same path; it is found (not 406) and fails the same way.
        given().auth()
                .oauth2(token("carol"))
                .accept("text/csv")
                .get("/api/reports/conversations?from=2026-11-01&to=2026-12-01")
                .then()
                .statusCode(503)
                .contentType("application/problem+json");
    }

    @Test
    void agentsTakeConversationsOnlyForThemselvesAndSayOnlyKnownAvailabilities() {
        String alice = token("alice");
        given().auth()
                .oauth2(alice)
                .contentType("application/json")
                .body("{\"agent\":\"bob\"}")
                .post("/api/conversations/" + java.util.UUID.randomUUID() + "/assign")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("themselves"));
        given().auth()
                .oauth2(alice)
                .contentType("application/json")
                .body("{\"availability\":\"sleeping\"}")
                .put("/api/me/availability")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token("guest"))
                .contentType("application/json")
                .body("{\"availability\":\"online\"}")
                .put("/api/me/availability")
                .then()
                .statusCode(403);
    }

    @Test
    void aReplyNeedsTextAndAReachableConversation() {
        String alice = token("alice");
        given().auth()
                .oauth2(alice)
                .contentType("application/json")
                .body("{\"text\":\"  \"}")
                .post("/api/conversations/" + java.util.UUID.randomUUID() + "/replies")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(alice)
                .contentType("application/json")
                .body("{\"text\":\"On its way\"}")
                .post("/api/conversations/" + java.util.UUID.randomUUID() + "/replies")
                .then()
                .statusCode(503)
                .body("detail", containsString("routing-service is unavailable"));
        given().contentType("application/json")
                .body("{\"text\":\"On its way\"}")
                .post("/api/conversations/" + java.util.UUID.randomUUID() + "/replies")
                .then()
                .statusCode(401);
    }

    @Test
    void onlyAdminsManageInboxes() {
        given().auth().oauth2(token("carol")).get("/api/admin/inboxes").then().statusCode(403);
        given().auth().oauth2(token("alice")).get("/api/admin/inboxes").then().statusCode(403);
        given().auth()
                .oauth2(token("dave"))
                .get("/api/admin/inboxes")
                .then()
                .statusCode(503)
                .body("detail", containsString("ingest-service is unavailable"));
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/admin/inboxes/{id}'.put.summary", equalTo("Create or change an inbox"));
    }

    private static String token(String user) {
        return Tokens.password(
                ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class), user, user);
    }
}
