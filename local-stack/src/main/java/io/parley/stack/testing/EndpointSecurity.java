package io.parley.stack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every operation of a service's OpenAPI document, tried the ways an outsider would: no token, a valid token without
 * any Parley role, and no token but an {@code X-Parley-Actor} header naming someone. Enumerating the document means an
 * endpoint added later is tried too, without anyone remembering to list it.
 */
public final class EndpointSecurity {
    /** One operation of the document, with its path parameters filled in. */
    public record Operation(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private EndpointSecurity() {}

    /** The operations of the OpenAPI document at {@code openApi} (JSON), except those whose path is public. */
    public static List<Operation> operations(URI openApi, Set<String> publicPaths) {
        JsonNode document = read(openApi);
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (publicPaths.contains(path.getKey())) {
                continue;
            }
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    operations.add(new Operation(
                            method.toUpperCase(Locale.ROOT),
                            path.getKey().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000001")));
                }
            });
        }
        return operations;
    }

    /**
     * What each operation answered that it should not have: anything but 401 without a token (with or without an actor
     * header) and 403 with {@code noRoleToken}. Empty when every door is shut.
     */
    public static List<String> violations(URI base, List<Operation> operations, String noRoleToken) {
        List<String> violations = new ArrayList<>();
        for (Operation operation : operations) {
            expect(violations, operation, "no token", send(base, operation, Map.of()), 401);
            expect(
                    violations,
                    operation,
                    "X-Parley-Actor without a token",
                    send(base, operation, Map.of("X-Parley-Actor", "carol")),
                    401);
            expect(
                    violations,
                    operation,
                    "a token without a Parley role",
                    send(base, operation, Map.of("Authorization", "Bearer " + noRoleToken)),
                    403);
        }
        return violations;
    }

    private static void expect(
            List<String> violations, Operation operation, String how, HttpResponse<String> response, int status) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != status || !type.startsWith("application/problem+json")) {
            violations.add(operation + " with " + how + " → " + response.statusCode() + " " + type);
        }
    }

    private static HttpResponse<String> send(URI base, Operation operation, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(operation.path()))
                .header("Content-Type", "application/json")
                .method(operation.method(), HttpRequest.BodyPublishers.ofString("{}"));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(operation + " could not be sent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(URI openApi) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(openApi)
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no OpenAPI document at " + openApi + ": " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("no OpenAPI document at " + openApi, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
