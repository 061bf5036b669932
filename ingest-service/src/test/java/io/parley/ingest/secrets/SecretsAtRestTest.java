package io.parley.ingest.secrets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contracts.WebhookSignature;
import io.parley.ingest.channel.api.ApiChannelAdapter;
import io.parley.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What PostgreSQL holds of an inbox's secrets, read raw: ciphertext under the active key, never the value. */
@QuarkusTest
class SecretsAtRestTest {
    @Inject
    Pool pool;

    @Inject
    SecretCipher cipher;

    @Test
    void secretVerifyTokenAndAccessTokenAreStoredEncrypted() {
        String id = "wa-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "meta-app-secret-" + UUID.randomUUID();
        String verifyToken = "verify-" + UUID.randomUUID();
        String accessToken = "EAAG-access-token-" + UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType("application/json")
                .body("{\"channel\":\"whatsapp\",\"name\":\"At rest\",\"team\":\"support\",\"secret\":\"" + secret
                        + "\",\"verifyToken\":\"" + verifyToken + "\",\"accountId\":\"1\",\"accessToken\":\""
                        + accessToken + "\"}")
                .put("/inboxes/" + id)
                .then()
                .statusCode(200)
                .body("secretSet", equalTo(true));

        Row row = raw(id);
        assertStoredEncrypted(row.getString("secret"), secret);
        assertStoredEncrypted(row.getString("verify_token"), verifyToken);
        assertStoredEncrypted(row.getString("access_token"), accessToken);
        String all = row.toJson().encode();
        for (String plain : new String[] {secret, verifyToken, accessToken}) {
            assertFalse(all.contains(plain), "plaintext in the row: " + all);
        }
    }

    /** Rows under a retired key, or in plain text from before encryption, are re-encrypted and keep working. */
    @Test
    void rotationReencryptsOldRowsUnderTheActiveKey() {
        String plainId = "api-" + UUID.randomUUID().toString().substring(0, 8);
        String plainSecret = "plain-api-secret-" + UUID.randomUUID();
        insertRaw(plainId, plainSecret);
        String oldId = "api-" + UUID.randomUUID().toString().substring(0, 8);
        String oldSecret = "old-key-api-secret-" + UUID.randomUUID();
        insertRaw(oldId, cipher.encrypt(oldSecret, "old"));

        given().auth()
                .oauth2(Tokens.of("dave"))
                .post("/inboxes/secrets/rotate")
                .then()
                .statusCode(200)
                .body("reencrypted", org.hamcrest.Matchers.greaterThanOrEqualTo(2));

        assertStoredEncrypted(raw(plainId).getString("secret"), plainSecret);
        assertStoredEncrypted(raw(oldId).getString("secret"), oldSecret);
        webhookIsAccepted(plainId, plainSecret);
        webhookIsAccepted(oldId, oldSecret);
    }

    private void insertRaw(String id, String storedSecret) {
        pool.preparedQuery("insert into inbox (id, channel, name, team, secret, created_at, updated_at)"
                        + " values ($1, 'api', 'Legacy', 'support', $2, now(), now())")
                .execute(Tuple.of(id, storedSecret))
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    private static void webhookIsAccepted(String inbox, String secret) {
        byte[] body = ("{\"messageId\":\"m-1\",\"sender\":{\"id\":\"c-1\"},\"text\":\"still signed\"}")
                .getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json")
                .header(ApiChannelAdapter.SIGNATURE_HEADER, WebhookSignature.sign(secret, body))
                .body(body)
                .post("/webhooks/api/" + inbox)
                .then()
                .statusCode(202);
    }

    @Test
    void agentsCannotRotate() {
        given().auth()
                .oauth2(Tokens.of("carol"))
                .post("/inboxes/secrets/rotate")
                .then()
                .statusCode(403);
    }

    private Row raw(String id) {
        return pool.preparedQuery("select * from inbox where id = $1")
                .execute(Tuple.of(id))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next();
    }

    private static void assertStoredEncrypted(String stored, String plain) {
        assertTrue(stored.startsWith("enc:test:"), stored);
        assertFalse(stored.contains(plain));
        assertEquals(-1, stored.indexOf(plain.substring(0, 12)));
    }
}
