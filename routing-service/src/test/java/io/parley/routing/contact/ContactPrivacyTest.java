package io.parley.routing.contact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contracts.InboundMessage;
import io.parley.routing.support.RoutingClient;
import io.parley.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Export (Art. 15) and erasure (Art. 17) of one person across the identities merged into their profile. */
@QuarkusTest
class ContactPrivacyTest {
    @Inject
    Pool pool;

    RoutingClient mail;
    RoutingClient otherMail;

    @BeforeEach
    void setUp() {
        mail = new RoutingClient();
        otherMail = new RoutingClient();
        mail.member(mail.team, "a-" + mail.team, null);
    }

    @AfterEach
    void tearDown() {
        mail.close();
        otherMail.close();
    }

    @Test
    void aPersonIsExportedThenErasedWithEveryMergedIdentity() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String address = "nina." + run + "@example.com";
        String text = "Nina's secret order " + run;
        mail.customer(
                "n1",
                address,
                text,
                b -> b.inbox(mail.inbox, "email", mail.team)
                        .contact(new InboundMessage.Contact(address, "Nina " + run, true)));
        otherMail.customer(
                "n2",
                address,
                "Second inbox " + run,
                b -> b.inbox(otherMail.inbox, "email", otherMail.team)
                        .contact(new InboundMessage.Contact(address, "Nina " + run, true)));
        Map<String, Object> first = mail.awaitConversationOf(address, c -> true);
        otherMail.awaitConversationOf(address, c -> true);
        String contact = (String) ((Map<?, ?>) first.get("contact")).get("id");
        given().auth()
                .oauth2(Tokens.of("carol"))
                .contentType("application/json")
                .body(Map.of("text", "Prefers mornings " + run))
                .post("/contacts/" + contact + "/notes")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/contacts/" + contact + "/export")
                .then()
                .statusCode(200)
                .body("profile.identities.size()", equalTo(2))
                .body("conversations.messages.flatten().content", hasItem(text))
                .body("profile.notes[0].text", equalTo("Prefers mornings " + run));
        given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/contacts/" + contact + "/identities")
                .then()
                .statusCode(200)
                .body("sourceId", org.hamcrest.Matchers.everyItem(equalTo(address)));
        given().auth()
                .oauth2(Tokens.of("carol"))
                .post("/contacts/" + contact + "/erasure")
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(Tokens.of("dave"))
                .post("/contacts/" + contact + "/erasure")
                .then()
                .statusCode(200)
                .body("contacts", equalTo(2))
                .body("conversations", equalTo(2));

        for (String table : List.of("contact", "contact_note", "conversation", "message", "csat_survey")) {
            assertEquals(List.of(), rowsContaining(table, List.of(run, address)), table + " still names the person");
        }
        given().auth()
                .oauth2(Tokens.of("dave"))
                .post("/contacts/" + contact + "/erasure")
                .then()
                .statusCode(200);
    }

    private List<String> rowsContaining(String table, List<String> needles) {
        List<String> found = new ArrayList<>();
        pool.preparedQuery("select t::text as row from " + table + " t")
                .execute(Tuple.tuple())
                .await()
                .atMost(Duration.ofSeconds(10))
                .forEach(row -> {
                    String text = row.getString("row");
                    if (needles.stream().anyMatch(text::contains)) {
                        found.add(text);
                    }
                });
        return found;
    }
}
