package io.parley.routing.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.stack.testing.ServiceSecurityContract;
import io.parley.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** routing-service has no door without a token: every endpoint takes one, and a role it names. */
@QuarkusTest
class ApiSecurityTest extends ServiceSecurityContract {
    @Override
    protected Set<String> publicPaths() {
        return Set.of();
    }

    @Override
    protected int minimumOperations() {
        return 40;
    }

    @Test
    void configurationIsForAdminsAndReadableBySupervisors() {
        given().auth().oauth2(Tokens.of("alice")).get("/rules").then().statusCode(403);
        given().auth().oauth2(Tokens.of("carol")).get("/rules").then().statusCode(200);
        given().auth()
                .oauth2(Tokens.of("carol"))
                .contentType("application/json")
                .body("{\"firstResponseMinutes\":5}")
                .put("/sla-policies/security-test")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.of("alice"))
                .contentType("application/json")
                .body("{\"availability\":\"online\"}")
                .put("/agents/bob/availability")
                .then()
                .statusCode(403);
    }

    /** The actor is the token's user whatever a header says: the rule audit names dave, not mallory. */
    @Test
    void anActorHeaderBesideATokenIsIgnored() {
        String id = given().auth()
                .oauth2(Tokens.of("dave"))
                .header("X-Parley-Actor", "mallory")
                .contentType("application/json")
                .body("{\"name\":\"security-test\",\"triggers\":[\"message_created\"],\"conditions\":{\"field\":"
                        + "\"text\",\"op\":\"equals\",\"value\":\"never-said-security-test\"},\"actions\":["
                        + "{\"type\":\"resolve\"}]}")
                .post("/rules")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try {
            List<String> actors = given().auth()
                    .oauth2(Tokens.of("dave"))
                    .queryParam("rule", id)
                    .get("/rules/audit")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("actor");
            assertEquals(List.of("dave"), actors);
        } finally {
            given().auth()
                    .oauth2(Tokens.of("dave"))
                    .delete("/rules/" + id)
                    .then()
                    .statusCode(204);
        }
    }
}
