package io.parley.ingest.security;

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

/** The webhooks are ingest's only door without a token; every other endpoint takes one with the admin role. */
@QuarkusTest
class ApiSecurityTest {
    /** The webhooks prove themselves with the inbox's secret; the bench baseline answers 404 unless the bench runs. */
    static final Set<String> PUBLIC = Set.of("/webhooks/{channel}/{inboxId}", "/bench/baseline");

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @Test
    void everyEndpointButTheWebhooksRefusesCallersWithoutTheRole() throws Exception {
        List<EndpointSecurity.Operation> operations =
                EndpointSecurity.operations(URI.create(openApi + "?format=json"), PUBLIC);
        assertTrue(operations.size() >= 4, "the OpenAPI document lists ingest's inbox API: " + operations);

        assertEquals(List.of(), EndpointSecurity.violations(base.toURI(), operations, Tokens.of("guest")));
    }

    @Test
    void agentsAndSupervisorsDoNotManageInboxes() {
        for (String user : List.of("alice", "carol")) {
            given().auth().oauth2(Tokens.of(user)).get("/inboxes").then().statusCode(403);
        }
        given().auth().oauth2(Tokens.of("dave")).get("/inboxes").then().statusCode(200);
    }

    @Test
    void healthMetricsAndTheApiDocumentAreNotOnThePublicPort() {
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
            given().get(path).then().statusCode(404);
        }
    }
}
