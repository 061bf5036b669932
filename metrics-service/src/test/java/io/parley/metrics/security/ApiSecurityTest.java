package io.parley.metrics.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.stack.testing.EndpointSecurity;
import io.parley.stack.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reports are for supervisors and admins, with a token; nothing else is open. */
@QuarkusTest
class ApiSecurityTest {
    static final Set<String> PUBLIC = Set.of();

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @Test
    void everyEndpointRefusesCallersWithoutTheRole() throws Exception {
        List<EndpointSecurity.Operation> operations =
                EndpointSecurity.operations(URI.create(openApi + "?format=json"), PUBLIC);
        assertTrue(operations.size() >= 1, "the OpenAPI document lists the reports: " + operations);

        assertEquals(List.of(), EndpointSecurity.violations(base.toURI(), operations, Tokens.of("guest")));
    }

    @Test
    void agentsDoNotReadReports() {
        given().auth().oauth2(Tokens.of("alice")).get("/reports/summary").then().statusCode(403);
        given().auth().oauth2(Tokens.of("carol")).get("/reports/summary").then().statusCode(200);
    }

    @Test
    void healthMetricsAndTheApiDocumentAreNotOnThePublicPort() {
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
            given().get(path).then().statusCode(404);
        }
    }
}
