package io.parley.ingest.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.parley.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Inbox and secret changes are audited with the admin who made them, naming changed secrets but never their values. */
@QuarkusTest
class InboxAuditTest {
    @Test
    void creatingAndChangingAnInboxIsAudited() {
        String id = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "audited-secret-" + UUID.randomUUID();
        put(id, "{\"channel\":\"api\",\"name\":\"Audited\",\"team\":\"support\",\"secret\":\"" + secret + "\"}");
        put(id, "{\"channel\":\"api\",\"name\":\"Renamed\",\"team\":\"sales\"}");

        given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("objectType", "inbox")
                .queryParam("objectId", id)
                .get("/audit")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("[0].action", equalTo("inbox.updated"))
                .body("[0].detail", containsString("team=sales"))
                .body("[0].detail", containsString("secrets changed=[]"))
                .body("[1].action", equalTo("inbox.created"))
                .body("[1].actor", equalTo("dave"))
                .body("[1].detail", containsString("secrets changed=[secret]"))
                .body(not(containsString(secret)));
        given().auth().oauth2(Tokens.of("carol")).get("/audit").then().statusCode(403);
    }

    private static void put(String id, String body) {
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType("application/json")
                .body(body)
                .put("/inboxes/" + id)
                .then()
                .statusCode(200);
    }
}
