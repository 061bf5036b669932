package io.parley.stack.testing;

import io.parley.stack.KeycloakNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Real access tokens from Keycloak's token endpoint (password grant of the parley-cli client, demo users). */
public final class Tokens {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final java.util.Map<String, Cached> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(String token, long fetchedAt) {}

    private Tokens() {}

    /**
     * A demo user's token (password = username) from the realm the service under test trusts
     * ({@code quarkus.oidc.auth-server-url}), fetched once a minute at most; the realm's tokens live 15 minutes.
     */
    public static String of(String username) {
        String realmUrl = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.oidc.auth-server-url", String.class);
        long now = System.currentTimeMillis();
        Cached cached = CACHE.compute(
                realmUrl + "|" + username,
                (key, old) -> old != null && now - old.fetchedAt() < 60_000
                        ? old
                        : new Cached(password(realmUrl, username, username), now));
        return cached.token();
    }

    /** @param realmUrl e.g. http://localhost:8180/realms/parley */
    public static String password(String realmUrl, String username, String password) {
        String form = "grant_type=password&client_id=" + KeycloakNode.CLI_CLIENT + "&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher matcher = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !matcher.find()) {
                throw new IllegalStateException(
                        "no token for " + username + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable at " + realmUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
