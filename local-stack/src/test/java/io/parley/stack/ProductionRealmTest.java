package io.parley.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The realm platform teams import in production: no demo users, no password grant, locked against guessing. */
class ProductionRealmTest {
    static JsonNode realm(String name) throws IOException {
        try (InputStream in = ProductionRealmTest.class.getResourceAsStream("keycloak/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void hasNoUsersNoPasswordGrantAndBruteForceDetection() throws IOException {
        JsonNode realm = realm("parley-realm-production.json");
        // Only the service account through which routing-service keeps team rosters (Keycloak groups).
        for (JsonNode user : realm.path("users")) {
            assertEquals(
                    "parley-routing",
                    user.path("serviceAccountClientId").asText(),
                    "no demo users: " + user.path("username"));
            assertFalse(user.has("credentials"), "a service account has no password");
        }
        assertTrue(realm.path("bruteForceProtected").asBoolean());
        assertEquals("all", realm.path("sslRequired").asText());
        assertFalse(realm.path("registrationAllowed").asBoolean(true));
        assertTrue(realm.path("accessTokenLifespan").asInt() <= 300, "short-lived access tokens");
        assertTrue(realm.path("ssoSessionIdleTimeout").asInt() > 0);
        assertTrue(realm.path("passwordPolicy").asText().contains("length("));
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true), id + " allows the password grant");
            assertFalse(client.path("implicitFlowEnabled").asBoolean(false), id + " allows the implicit flow");
            if (serviceAccountOnly(client)) {
                assertFalse(client.path("publicClient").asBoolean(true), id + " is a service account: confidential");
                continue;
            }
            assertEquals(
                    "S256",
                    client.path("attributes").path("pkce.code.challenge.method").asText(),
                    id);
        }
    }

    /** Both realms put the audience every service checks into their tokens, and the same roles. */
    @Test
    void bothRealmsIssueTokensForTheParleyApi() throws IOException {
        for (String name : new String[] {"parley-realm.json", "parley-realm-production.json"}) {
            JsonNode realm = realm(name);
            for (JsonNode client : realm.path("clients")) {
                if (serviceAccountOnly(client)) {
                    // Calls Keycloak's admin API, never Parley's.
                    continue;
                }
                boolean audience = false;
                for (JsonNode mapper : client.path("protocolMappers")) {
                    audience |= "parley-api"
                            .equals(mapper.path("config")
                                    .path("included.custom.audience")
                                    .asText());
                }
                assertTrue(audience, name + ": " + client.path("clientId").asText() + " lacks the parley-api audience");
            }
            assertEquals(3, realm.path("roles").path("realm").size(), name);
        }
    }

    /** A client that logs no user in: its own service account only (parley-routing). */
    static boolean serviceAccountOnly(JsonNode client) {
        return client.path("serviceAccountsEnabled").asBoolean(false)
                && !client.path("standardFlowEnabled").asBoolean(true)
                && !client.path("directAccessGrantsEnabled").asBoolean(true);
    }
}
