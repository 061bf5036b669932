package io.parley.stack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every Parley service's security suite proves, run by a {@code @QuarkusTest} subclass in each service: every
 * operation of its OpenAPI document (read from the management port) refuses a missing token, a token without a Parley
 * role and an actor header without a token, except the paths it names as public; and health, metrics and the
 * document itself are not on the public port.
 */
public abstract class ServiceSecurityContract {
    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    /** Paths of the document that take no token, each with the reason in the subclass. */
    protected abstract Set<String> publicPaths();

    /** How many protected operations the document lists at least, so that an empty document cannot pass. */
    protected abstract int minimumOperations();

    @Test
    void everyEndpointRefusesCallersWithoutTheRole() throws Exception {
        List<EndpointSecurity.Operation> operations =
                EndpointSecurity.operations(URI.create(openApi + "?format=json"), publicPaths());
        assertTrue(
                operations.size() >= minimumOperations(),
                "the OpenAPI document lists " + operations.size() + " protected operations: " + operations);

        assertEquals(List.of(), EndpointSecurity.violations(base.toURI(), operations, Tokens.of("guest")));
    }

    @Test
    void healthMetricsAndTheApiDocumentAreNotOnThePublicPort() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("q/health/ready", "q/metrics", "q/openapi")) {
            HttpResponse<Void> response = send(http, base.toURI().resolve(path));
            assertEquals(404, response.statusCode(), path + " on the public port");
        }
    }

    private static HttpResponse<Void> send(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
    }
}
