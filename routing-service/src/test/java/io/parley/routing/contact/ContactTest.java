package io.parley.routing.contact;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.parley.contracts.InboundMessage;
import io.parley.routing.support.RoutingClient;
import io.parley.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.common.mapper.TypeRef;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One person across channels: merged by a verified address, or by an agent; notes and history follow the profile. */
@QuarkusTest
class ContactTest {
    RoutingClient mail;
    RoutingClient otherMail;
    RoutingClient chat;

    @BeforeEach
    void setUp() {
        mail = new RoutingClient();
        otherMail = new RoutingClient();
        chat = new RoutingClient();
    }

    @AfterEach
    void tearDown() {
        mail.close();
        otherMail.close();
        chat.close();
    }

    @Test
    void theSameVerifiedAddressOnTwoInboxesIsOnePerson() {
        String address = "jane." + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        mail.customer(
                "e1",
                address,
                "Order question",
                b -> b.inbox(mail.inbox, "email", mail.team)
                        .contact(new InboundMessage.Contact(address, "Jane", true)));
        Map<String, Object> first = mail.awaitConversationOf(address, c -> true);
        otherMail.customer(
                "e2",
                address.toUpperCase(),
                "Invoice question",
                b -> b.inbox(otherMail.inbox, "email", otherMail.team)
                        .contact(new InboundMessage.Contact(address.toUpperCase(), "Jane", true)));
        Map<String, Object> second = otherMail.awaitConversationOf(address.toUpperCase(), c -> true);

        Object profile = ((Map<?, ?>) first.get("contact")).get("profileId");
        assertEquals(profile, ((Map<?, ?>) second.get("contact")).get("profileId"));
        Map<String, Object> detail = otherMail.detail((String) second.get("id"));
        assertEquals(
                List.of(first.get("id")),
                ((List<?>) detail.get("history"))
                        .stream().map(h -> ((Map<?, ?>) h).get("id")).toList());
    }

    /** A From header anyone can type: without the relay's authentication it is a separate contact. */
    @Test
    void anUnverifiedAddressIsNotMergedIntoTheVerifiedOne() {
        String address = "ana." + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        mail.customer(
                "e1",
                address,
                "Real Ana",
                b -> b.inbox(mail.inbox, "email", mail.team).contact(new InboundMessage.Contact(address, "Ana", true)));
        Map<String, Object> real = mail.awaitConversationOf(address, c -> true);
        otherMail.customer("e2", address, "Spoofed Ana", b -> b.inbox(otherMail.inbox, "email", otherMail.team));
        Map<String, Object> spoofed = otherMail.awaitConversationOf(address, c -> true);

        assertNotEquals(
                ((Map<?, ?>) real.get("contact")).get("profileId"),
                ((Map<?, ?>) spoofed.get("contact")).get("profileId"));
    }

    @Test
    void agentsMergeContactsAndShareNotesAndAttributes() {
        mail.customer("e1", "sam@example.org", "Hello by mail", b -> b.inbox(mail.inbox, "email", mail.team));
        chat.customer("c1", "web-visitor-9", "Hello from the chat");
        Map<String, Object> byMail = mail.awaitConversationOf("sam@example.org", c -> true);
        Map<String, Object> byChat = chat.awaitConversationOf("web-visitor-9", c -> true);
        String mailContact = (String) ((Map<?, ?>) byMail.get("contact")).get("id");
        String chatContact = (String) ((Map<?, ?>) byChat.get("contact")).get("id");
        assertNotEquals(
                ((Map<?, ?>) byMail.get("contact")).get("profileId"),
                ((Map<?, ?>) byChat.get("contact")).get("profileId"));

        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(Map.of("into", mailContact))
                .post("/contacts/" + chatContact + "/merge")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.of("bob"))
                .contentType(ContentType.JSON)
                .body(Map.of("text", "Prefers e-mail"))
                .post("/contacts/" + chatContact + "/notes")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(Map.of("plan", "enterprise"))
                .patch("/contacts/" + chatContact + "/attributes")
                .then()
                .statusCode(200);

        Map<String, Object> profile = given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/contacts/" + chatContact)
                .then()
                .statusCode(200)
                .extract()
                .as(new TypeRef<>() {});
        assertEquals(mailContact, profile.get("id"));
        assertEquals(2, ((List<?>) profile.get("identities")).size());
        assertEquals(2, ((List<?>) profile.get("conversations")).size());
        assertEquals(Map.of("plan", "enterprise"), profile.get("attributes"));
        assertEquals("Prefers e-mail", ((Map<?, ?>) ((List<?>) profile.get("notes")).get(0)).get("text"));

        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/contacts/" + chatContact + "/merge")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/contacts/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }
}
