package io.parley.metrics.security;

import static io.restassured.RestAssured.given;

import io.parley.stack.testing.ServiceSecurityContract;
import io.parley.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every report needs a token of a Parley role; agents read their own figures only (GoldenReportTest checks what each
 * scope sees), the live view and a customer's survey history are for supervisors and admins.
 */
@QuarkusTest
class ApiSecurityTest extends ServiceSecurityContract {
    @Override
    protected Set<String> publicPaths() {
        return Set.of();
    }

    @Override
    protected int minimumOperations() {
        return 6;
    }

    @Test
    void agentsDoNotWatchTheLiveViewOrACustomersSurveys() {
        given().auth().oauth2(Tokens.of("alice")).get("/reports/live").then().statusCode(403);
        given().auth()
                .oauth2(Tokens.of("alice"))
                .get("/reports/csat/contacts/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(403);
        given().auth().oauth2(Tokens.of("carol")).get("/reports/live").then().statusCode(200);
    }
}
