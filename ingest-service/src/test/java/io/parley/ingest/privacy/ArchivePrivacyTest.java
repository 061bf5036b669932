package io.parley.ingest.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A person's part of the archive can be erased, and what is older than its retention period goes. */
@QuarkusTest
class ArchivePrivacyTest {
    static final String SECRET = "privacy-test-secret-0123456789";

    @Inject
    Pool pool;

    @Inject
    Retention retention;

    @Test
    void erasureLeavesNoTraceOfThePersonButKeepsTheDeliveryAndItsTime() {
        String inbox = inbox();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String sender = "zed-" + run;
        String name = "Zed Zimmer " + run;
        String text = "my card ends in 4242, order " + run;
        post(
                inbox,
                "{\"messageId\":\"m-" + run + "\",\"sender\":{\"id\":\"" + sender + "\",\"name\":\"" + name
                        + "\"},\"text\":\"" + text + "\"}");
        post(
                inbox,
                "{\"messageId\":\"o-" + run + "\",\"sender\":{\"id\":\"someone-else-" + run
                        + "\",\"name\":\"Other\"},\"text\":\"unrelated " + run + "\"}");

        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType("application/json")
                .body("{\"sourceId\":\"" + sender + "\",\"threadKeys\":[]}")
                .post("/inboxes/" + inbox + "/erasure")
                .then()
                .statusCode(200)
                .body("events", equalTo(1))
                .body("deliveries", equalTo(1));

        String archive = dump(inbox);
        for (String trace : List.of(sender, name, text)) {
            assertFalse(archive.contains(trace), trace + " is still in the archive:\n" + archive);
        }
        assertTrue(archive.contains("unrelated " + run), "the other customer's message is kept");
        Row redacted = rows(
                        "select count(*) as n from webhook_delivery where inbox_id = $1 and redacted_at is not null"
                                + " and received_at is not null",
                        inbox)
                .get(0);
        assertEquals(1L, redacted.getLong("n"));
        assertThrows(
                RuntimeException.class,
                () -> rows("delete from webhook_delivery where inbox_id = $1", inbox),
                "the archive stays append-only");
        given().auth()
                .oauth2(Tokens.of("carol"))
                .contentType("application/json")
                .body("{\"sourceId\":\"x\"}")
                .post("/inboxes/" + inbox + "/erasure")
                .then()
                .statusCode(403);
    }

    @Test
    void whatIsOlderThanItsRetentionPeriodIsDeleted() {
        String inbox = inbox();
        UUID old = UUID.randomUUID();
        UUID young = UUID.randomUUID();
        Instant now = Instant.now();
        insertDelivery(old, inbox, now.minus(Duration.ofDays(400)));
        insertDelivery(young, inbox, now.minus(Duration.ofDays(1)));
        insertClaim(inbox, "old-" + old, old, now.minus(Duration.ofDays(400)));
        insertClaim(inbox, "young-" + young, young, now.minus(Duration.ofDays(1)));

        Retention.Purged purged = retention.purge(now).await().atMost(Duration.ofSeconds(30));

        assertTrue(purged.deliveries() >= 1 && purged.dedupKeys() >= 1, purged.toString());
        assertEquals(
                List.of(young.toString()),
                rows("select id::text as id from webhook_delivery where inbox_id = $1", inbox).stream()
                        .map(r -> r.getString("id"))
                        .toList());
        assertEquals(
                List.of("young-" + young),
                rows("select provider_message_id from received_message where inbox_id = $1", inbox).stream()
                        .map(r -> r.getString("provider_message_id"))
                        .toList());
    }

    private void insertDelivery(UUID id, String inbox, Instant at) {
        rows(
                "insert into webhook_delivery (id, inbox_id, channel, content_type, body, received_at)"
                        + " values ($1, $2, 'api', 'application/json', '\\x7b7d'::bytea, $3)",
                id,
                inbox,
                at.atOffset(ZoneOffset.UTC));
    }

    private void insertClaim(String inbox, String key, UUID delivery, Instant at) {
        rows(
                "insert into received_message (inbox_id, provider_message_id, event_id, received_at, delivery_id,"
                        + " relay_tx) values ($1, $2, $3, $4, $5, null)",
                inbox,
                key,
                UUID.randomUUID(),
                at.atOffset(ZoneOffset.UTC),
                delivery);
    }

    /** Everything the archive holds for the inbox, as text (bodies decoded). */
    private String dump(String inbox) {
        StringBuilder all = new StringBuilder();
        rows("select convert_from(body, 'UTF8') as t from webhook_delivery where inbox_id = $1", inbox)
                .forEach(r -> all.append(r.getString("t")).append('\n'));
        rows("select m::text as t from received_message m where inbox_id = $1", inbox)
                .forEach(r -> all.append(r.getString("t")).append('\n'));
        return all.toString();
    }

    private List<Row> rows(String sql, Object... parameters) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql)
                .execute(Tuple.from(parameters))
                .await()
                .atMost(Duration.ofSeconds(10))
                .forEach(rows::add);
        return rows;
    }

    private static String inbox() {
        String id = "privacy-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType("application/json")
                .body("{\"channel\":\"api\",\"name\":\"Privacy\",\"team\":\"support\",\"secret\":\"" + SECRET + "\"}")
                .put("/inboxes/" + id)
                .then()
                .statusCode(200);
        return id;
    }

    private void post(String inbox, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json")
                .header(ApiChannelAdapter.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, body))
                .body(body)
                .post("/webhooks/api/" + inbox)
                .then()
                .statusCode(202); // answered once the claim and the archived request are committed
    }
}
