package io.parley.metrics.security;

import static io.restassured.RestAssured.given;

import io.parley.stack.testing.ServiceSecurityContract;
import io.parley.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reports are for supervisors and admins, with a token; nothing else is open. */
@QuarkusTest
class ApiSecurityTest extends ServiceSecurityContract {
    @Override
    protected Set<String> publicPaths() {
        return Set.of();
    }

    @Override
    protected int minimumOperations() {
        return 1;
    }

    @Test
    void agentsDoNotReadReports() {
        given().auth().oauth2(Tokens.of("alice")).get("/reports/summary").then().statusCode(403);
        given().auth().oauth2(Tokens.of("carol")).get("/reports/summary").then().statusCode(200);
    }
}
