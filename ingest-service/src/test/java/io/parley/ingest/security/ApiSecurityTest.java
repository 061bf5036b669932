package io.parley.ingest.security;

import static io.restassured.RestAssured.given;

import io.parley.stack.testing.ServiceSecurityContract;
import io.parley.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The webhooks are ingest's only door without a token; every other endpoint takes one with the admin role. */
@QuarkusTest
class ApiSecurityTest extends ServiceSecurityContract {
    /** The webhooks prove themselves with the inbox's secret; the bench baseline answers 404 unless the bench runs. */
    @Override
    protected Set<String> publicPaths() {
        return Set.of("/webhooks/{channel}/{inboxId}", "/bench/baseline");
    }

    @Override
    protected int minimumOperations() {
        return 5;
    }

    @Test
    void agentsAndSupervisorsDoNotManageInboxes() {
        for (String user : List.of("alice", "carol")) {
            given().auth().oauth2(Tokens.of(user)).get("/inboxes").then().statusCode(403);
        }
        given().auth().oauth2(Tokens.of("dave")).get("/inboxes").then().statusCode(200);
    }
}
