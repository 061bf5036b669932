package io.parley.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.parley.contracts.WebhookSignature;
import io.parley.stack.ParleyStack;
import io.parley.stack.Ports;
import io.parley.stack.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole walk, every hop real: a signed webhook into ingest-service, through Kafka into routing-service
 * (PostgreSQL), conversation events into metrics-service, read back through agent-gateway with Keycloak tokens.
 */
class WalkingSkeletonTest {
    static final String SECRET = "e2e-" + UUID.randomUUID();

    static ParleyStack stack;
    static WireMockServer telegramApi;

    @BeforeAll
    static void startStack() throws Exception {
        telegramApi = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").port(Ports.free()));
        telegramApi.start();
        stack = E2eStack.start("e2e", Map.of("ingest-service", ingestConfig(telegramApi.port())), SECRET);
    }

    static Map<String, String> ingestConfig(int telegramPort) {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Map<String, String> config = new java.util.HashMap<>(ParleyStack.secretsKey(key));
        config.put("parley.outbound.telegram-base-url", "http://127.0.0.1:" + telegramPort);
        return config;
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
        if (telegramApi != null) {
            telegramApi.stop();
        }
    }

    @Test
    void signedWebhookBecomesAnAssignedConversationVisibleToItsAgentAndCounted() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        sendWebhook("m-" + run + "-1", "ana-" + run, "Ana", "My order has not arrived");
        sendWebhook("m-" + run + "-2", "ben-" + run, "Ben", "The app crashes on upload");

        // Support's roster is alice, bob, carol: round-robin gives the two conversations to alice and bob, one each
        // (which one first depends on which partition routing reads first).
        String alice = token("alice");
        String bob = token("bob");
        for (String agent : java.util.List.of("alice", "bob")) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> given().auth()
                            .oauth2(agent.equals("alice") ? alice : bob)
                            .get(gateway() + "/api/conversations?assignee=me")
                            .then()
                            .statusCode(200)
                            .body("", hasSize(1))
                            .body("[0].assignee", equalTo(agent))
                            .body("[0].team", equalTo("support"))
                            .body("[0].channel", equalTo("api")));
        }
        String anasAgent = "Ana"
                        .equals(given().auth()
                                .oauth2(alice)
                                .get(gateway() + "/api/conversations?assignee=me")
                                .then()
                                .extract()
                                .path("[0].contact.displayName"))
                ? alice
                : bob;
        // The crash report was tagged by the seeded rules; its sentiment raised its priority.
        given().auth()
                .oauth2(anasAgent.equals(alice) ? bob : alice)
                .get(gateway() + "/api/conversations?assignee=me")
                .then()
                .body("[0].contact.displayName", equalTo("Ben"))
                .body("[0].tags", equalTo(java.util.List.of("technical-issue")));

        String id = given().auth()
                .oauth2(anasAgent)
                .get(gateway() + "/api/conversations?assignee=me")
                .then()
                .extract()
                .path("[0].id");
        given().auth()
                .oauth2(anasAgent)
                .get(gateway() + "/api/conversations/" + id)
                .then()
                .statusCode(200)
                .body("messages[0].text", equalTo("My order has not arrived"));
        // sam works in sales: support's conversation is not his to read.
        given().auth()
                .oauth2(token("sam"))
                .get(gateway() + "/api/conversations/" + id)
                .then()
                .statusCode(403);

        // The supervisor's report through the gateway: routing's events, counted by metrics-service.
        String carol = token("carol");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String range = "?inbox=" + ParleyStack.DEMO_INBOX + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(2);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(carol)
                        .get(gateway() + "/api/reports/conversations" + range + "&groupBy=channel")
                        .then()
                        .statusCode(200)
                        // Other tests of this class may have added conversations of their own.
                        .body("rows.find { it.group == 'api' }.opened", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                        .body(
                                "rows.find { it.group == 'api' }.incomingMessages",
                                org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
        String csv = given().auth()
                .oauth2(carol)
                .accept("text/csv")
                .get(gateway() + "/api/reports/conversations" + range + "&groupBy=channel")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.startsWith("group,bucket,opened,"), csv);
        org.junit.jupiter.api.Assertions.assertTrue(csv.lines().anyMatch(line -> line.startsWith("api,,")), csv);
        // An agent reads only their own figures, and never the live view.
        given().auth()
                .oauth2(alice)
                .get(gateway() + "/api/reports/conversations" + range + "&agent=bob")
                .then()
                .statusCode(403);
        given().auth().oauth2(alice).get(gateway() + "/api/reports/live").then().statusCode(403);
        given().get(gateway() + "/api/conversations?assignee=me").then().statusCode(401);
    }

    /**
     * A person asks for their data, then to be forgotten: the export has their messages, and after the erasure their
     * name, channel id and words are in no table of any service, while the conversation's shape stays for the reports.
     */
    @Test
    void aPersonsDataIsExportedThenErasedFromEveryService() throws Exception {
        String dave = token("dave");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String inbox = "erase-" + run;
        String secret = "erase-secret-" + UUID.randomUUID();
        given().auth()
                .oauth2(dave)
                .contentType("application/json")
                .body("{\"channel\":\"api\",\"name\":\"Erasable\",\"team\":\"escalation\",\"secret\":\"" + secret
                        + "\"}")
                .put(gateway() + "/api/admin/inboxes/" + inbox)
                .then()
                .statusCode(200);
        String sender = "person-" + run;
        String name = "Erin Erasmus " + run;
        String text = "My address is 12 Quiet Lane " + run;
        String body = "{\"messageId\":\"e-" + run + "\",\"sender\":{\"id\":\"" + sender + "\",\"name\":\"" + name
                + "\"},\"text\":\"" + text + "\"}";
        given().contentType("application/json")
                .header("X-Parley-Signature", WebhookSignature.sign(secret, bytes(body)))
                .body(bytes(body))
                .post(ingest() + "/webhooks/api/" + inbox)
                .then()
                .statusCode(202);

        String conversation = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> given().auth()
                                .oauth2(dave)
                                .queryParam("inbox", inbox)
                                .get(gateway() + "/api/conversations")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("[0].id"),
                        java.util.Objects::nonNull);
        String contact = given().auth()
                .oauth2(dave)
                .get(gateway() + "/api/conversations/" + conversation)
                .then()
                .statusCode(200)
                .extract()
                .path("contact.id");

        given().auth()
                .oauth2(dave)
                .get(gateway() + "/api/admin/contacts/" + contact + "/export")
                .then()
                .statusCode(200)
                .body("profile.displayName", equalTo(name))
                .body("conversations[0].messages[0].content", equalTo(text));
        given().auth()
                .oauth2(token("carol"))
                .post(gateway() + "/api/admin/contacts/" + contact + "/erasure")
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(dave)
                .post(gateway() + "/api/admin/contacts/" + contact + "/erasure")
                .then()
                .statusCode(200)
                .body("routing.contacts", equalTo(1))
                .body("routing.messages", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("ingest[0].events", equalTo(1));

        List<String> needles = List.of(sender, name, text, "Erin Erasmus", "Quiet Lane " + run);
        for (String database : List.of("ingest", "routing", "metrics")) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> org.junit.jupiter.api.Assertions.assertEquals(
                            List.of(), DatabaseScan.find(stack.ports().postgres(), database, needles)));
        }
        given().auth()
                .oauth2(dave)
                .get(gateway() + "/api/conversations/" + conversation)
                .then()
                .statusCode(200)
                .body("id", equalTo(conversation));
        given().auth()
                .oauth2(dave)
                .queryParam("action", "contact.erased")
                .queryParam("objectId", contact)
                .get(gateway() + "/api/admin/audit")
                .then()
                .statusCode(200)
                .body("find { it.action == 'contact.erased' }.actor", equalTo("dave"));
    }

    /** Changes in ingest and in routing, each with its actor from the token, in one log for admins. */
    @Test
    void anAdminReadsOneAuditLogAcrossTheServices() {
        String dave = token("dave");
        String inbox = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "audit-secret-" + UUID.randomUUID();
        given().auth()
                .oauth2(dave)
                .contentType("application/json")
                .body("{\"channel\":\"api\",\"name\":\"Audited\",\"team\":\"support\",\"secret\":\"" + secret + "\"}")
                .put(gateway() + "/api/admin/inboxes/" + inbox)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token("alice"))
                .contentType("application/json")
                .body("{\"availability\":\"online\"}")
                .put(gateway() + "/api/me/availability")
                .then()
                .statusCode(200);

        String log = given().auth()
                .oauth2(dave)
                .queryParam("limit", 500)
                .get(gateway() + "/api/admin/audit")
                .then()
                .statusCode(200)
                .body("find { it.objectId == '" + inbox + "' }.action", equalTo("inbox.created"))
                .body("find { it.objectId == '" + inbox + "' }.actor", equalTo("dave"))
                .body("find { it.objectId == '" + inbox + "' }.service", equalTo("ingest-service"))
                .body(
                        "find { it.action == 'agent.availability_set' && it.objectId == 'alice' }.actor",
                        equalTo("alice"))
                .body(
                        "find { it.action == 'agent.availability_set' && it.objectId == 'alice' }.service",
                        equalTo("routing-service"))
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertFalse(log.contains(secret), "a secret's value in the audit log");
        given().auth()
                .oauth2(dave)
                .queryParam("actor", "alice")
                .get(gateway() + "/api/admin/audit")
                .then()
                .statusCode(200)
                .body("actor", org.hamcrest.Matchers.everyItem(equalTo("alice")));
        given().auth()
                .oauth2(token("carol"))
                .get(gateway() + "/api/admin/audit")
                .then()
                .statusCode(403);
    }

    @Test
    void anAdminConnectsATelegramBotWhoseMessagesReachTheTeam() {
        String dave = token("dave");
        String secret = "tg-" + UUID.randomUUID();
        given().auth()
                .oauth2(dave)
                .contentType("application/json")
                .body("{\"channel\":\"telegram\",\"name\":\"Acme bot\",\"team\":\"sales\",\"secret\":\"" + secret
                        + "\",\"accessToken\":\"123:bot-token\"}")
                .put(gateway() + "/api/admin/inboxes/acme-bot")
                .then()
                .statusCode(200)
                .body("webhookPath", equalTo("/webhooks/telegram/acme-bot"))
                .body("secretSet", equalTo(true))
                .body("secret", equalTo(null));
        given().auth()
                .oauth2(token("carol"))
                .get(gateway() + "/api/admin/inboxes")
                .then()
                .statusCode(403);

        String update = "{\"update_id\":1,\"message\":{\"message_id\":7,\"from\":{\"id\":42,\"first_name\":\"Olga\"},"
                + "\"chat\":{\"id\":42,\"type\":\"private\"},\"date\":1700000000,\"text\":\"Есть скидки для компаний?\"}}";
        given().contentType("application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", secret)
                .body(bytes(update))
                .post(ingest() + "/webhooks/telegram/acme-bot")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));

        // Sales' roster is carol and sam; whoever round-robin picked answers.
        String carol = token("carol");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(carol)
                        .get(gateway() + "/api/conversations?team=sales")
                        .then()
                        .statusCode(200)
                        .body("find { it.channel == 'telegram' }.contact.displayName", equalTo("Olga"))
                        .body("find { it.channel == 'telegram' }.assignee", org.hamcrest.Matchers.notNullValue()));
        String assignee = given().auth()
                .oauth2(carol)
                .get(gateway() + "/api/conversations?team=sales")
                .then()
                .extract()
                .path("find { it.channel == 'telegram' }.assignee");
        String answering = token(assignee);

        // The agent answers; ingest delivers through the (WireMock) Bot API; the outcome lands on the conversation.
        telegramApi.stubFor(WireMock.post(WireMock.urlPathEqualTo("/bot123:bot-token/sendMessage"))
                .willReturn(WireMock.okJson("{\"ok\":true,\"result\":{\"message_id\":8,\"chat\":{\"id\":42}}}")));
        String id = given().auth()
                .oauth2(answering)
                .get(gateway() + "/api/conversations?assignee=me&team=sales")
                .then()
                .extract()
                .path("find { it.channel == 'telegram' }.id");
        given().auth()
                .oauth2(answering)
                .contentType("application/json")
                .body("{\"text\":\"Да, от 10 мест — скидка 15%.\"}")
                .post(gateway() + "/api/conversations/" + id + "/replies")
                .then()
                .statusCode(202)
                .body("status", equalTo("queued"));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(answering)
                        .get(gateway() + "/api/conversations/" + id)
                        .then()
                        .body("messages[1].direction", equalTo("outgoing"))
                        .body("messages[1].agent", equalTo(assignee))
                        .body("messages[1].deliveryStatus", equalTo("delivered"))
                        .body("messages[1].providerMessageId", equalTo("42:8")));
        telegramApi.verify(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/bot123:bot-token/sendMessage"))
                .withRequestBody(WireMock.matchingJsonPath("$.chat_id", WireMock.equalTo("42")))
                .withRequestBody(WireMock.matchingJsonPath("$.reply_parameters.message_id", WireMock.equalTo("7"))));
        // The reply went from the gateway straight to ingest; routing audits it with its agent once it was delivered.
        given().auth()
                .oauth2(dave)
                .queryParam("objectType", "conversation")
                .queryParam("objectId", id)
                .get(gateway() + "/api/admin/audit")
                .then()
                .statusCode(200)
                .body("find { it.action == 'conversation.reply_delivered' }.actor", equalTo(assignee));
    }

    /**
     * One conversation's life through every service — a Telegram message, the agent's reply, a transfer, the resolution,
     * the customer's rating and a reopen — reported by metrics-service through the gateway: every count exact, and the
     * first response exactly the seconds between the conversation's start and its first reply as routing recorded them.
     * (Figures over weekends, business hours and time zones: metrics-service's GoldenReportTest.)
     */
    @Test
    void aConversationsLifeIsReportedExactlyThroughTheGateway() {
        String dave = token("dave");
        String inbox = "report-bot-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "tg-" + UUID.randomUUID();
        given().auth()
                .oauth2(dave)
                .contentType("application/json")
                .body("{\"channel\":\"telegram\",\"name\":\"Report bot\",\"team\":\"sales\",\"secret\":\"" + secret
                        + "\",\"accessToken\":\"456:report-token\"}")
                .put(gateway() + "/api/admin/inboxes/" + inbox)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(dave)
                .contentType("application/json")
                .body("{\"survey\":\"csat\"}")
                .put(stack.url(stack.ports().routing()) + "/inboxes/" + inbox + "/settings")
                .then()
                .statusCode(200);
        // Each message the bot sends gets its own id, as Telegram gives them.
        for (int n = 0; n < 3; n++) {
            telegramApi.stubFor(WireMock.post(WireMock.urlPathEqualTo("/bot456:report-token/sendMessage"))
                    .inScenario(inbox)
                    .whenScenarioStateIs(
                            n == 0 ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "sent-" + n)
                    .willSetStateTo("sent-" + (n + 1))
                    .willReturn(WireMock.okJson(
                            "{\"ok\":true,\"result\":{\"message_id\":" + (100 + n) + ",\"chat\":{\"id\":77}}}")));
        }
        telegram(inbox, secret, 1, "My invoice is wrong");
        String carol = token("carol");
        String id = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> given().auth()
                                .oauth2(dave)
                                .get(gateway() + "/api/conversations?inbox=" + inbox)
                                .then()
                                .extract()
                                .<String>path("find { it.assignee != null }.id"),
                        java.util.Objects::nonNull);
        given().auth()
                .oauth2(carol)
                .contentType("application/json")
                .body("{\"text\":\"Let me check.\"}")
                .post(gateway() + "/api/conversations/" + id + "/replies")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> given().auth()
                                .oauth2(dave)
                                .get(gateway() + "/api/conversations/" + id)
                                .then()
                                .extract()
                                .path("firstReplyAt"),
                        java.util.Objects::nonNull);
        given().auth()
                .oauth2(carol)
                .contentType("application/json")
                .body("{\"team\":\"support\"}")
                .post(gateway() + "/api/conversations/" + id + "/transfer")
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        given().auth()
                .oauth2(carol)
                .contentType("application/json")
                .body("{\"status\":\"resolved\"}")
                .put(gateway() + "/api/conversations/" + id + "/status")
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        // The survey goes out through the Bot API; the customer answers it, then writes again: a reopen.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> telegramApi.verify(
                        WireMock.moreThanOrExactly(2),
                        WireMock.postRequestedFor(WireMock.urlPathEqualTo("/bot456:report-token/sendMessage"))));
        telegram(inbox, secret, 2, "4");
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> given().auth()
                                .oauth2(dave)
                                .get(gateway() + "/api/reports/csat?inbox=" + inbox + "&from=" + today() + "&to="
                                        + tomorrow())
                                .then()
                                .extract()
                                .path("rows[0].csat.responses"),
                        equalTo(1));
        telegram(inbox, secret, 3, "Actually, one more thing");

        io.restassured.path.json.JsonPath detail = given().auth()
                .oauth2(dave)
                .get(gateway() + "/api/conversations/" + id)
                .then()
                .extract()
                .jsonPath();
        long firstResponse = Duration.between(
                        java.time.Instant.parse(detail.getString("createdAt")),
                        java.time.Instant.parse(detail.getString("firstReplyAt")))
                .toSeconds();
        String range = "?inbox=" + inbox + "&from=" + today() + "&to=" + tomorrow();
        io.restassured.path.json.JsonPath report = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> given().auth()
                                .oauth2(dave)
                                .get(gateway() + "/api/reports/conversations" + range)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        // The survey's delivery result may come back after the reopen.
                        r -> Integer.valueOf(1).equals(r.get("rows[0].reopened"))
                                && Integer.valueOf(2).equals(r.get("rows[0].outgoingMessages")));
        org.junit.jupiter.api.Assertions.assertEquals(1, report.getInt("rows[0].opened"));
        org.junit.jupiter.api.Assertions.assertEquals(1, report.getInt("rows[0].resolved"));
        org.junit.jupiter.api.Assertions.assertEquals(1, report.getInt("rows[0].firstResponse.count"));
        org.junit.jupiter.api.Assertions.assertEquals(
                (double) firstResponse, report.getDouble("rows[0].firstResponse.average"));
        org.junit.jupiter.api.Assertions.assertEquals(100.0, report.getDouble("rows[0].responseRate"));
        org.junit.jupiter.api.Assertions.assertEquals(0.0, report.getDouble("rows[0].firstContactResolution"));
        org.junit.jupiter.api.Assertions.assertEquals(100.0, report.getDouble("rows[0].reopenRate"));
        org.junit.jupiter.api.Assertions.assertEquals(1, report.getInt("backlog"));
        // The reply, and the survey Parley sent by itself.
        org.junit.jupiter.api.Assertions.assertEquals(2, report.getInt("rows[0].outgoingMessages"));

        io.restassured.path.json.JsonPath csat = given().auth()
                .oauth2(dave)
                .get(gateway() + "/api/reports/csat" + range)
                .then()
                .extract()
                .jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(1, csat.getInt("rows[0].csat.surveysSent"));
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.List.of(0, 0, 0, 1, 0), csat.getList("rows[0].csat.ratings", Integer.class));
        org.junit.jupiter.api.Assertions.assertEquals(100.0, csat.getDouble("rows[0].csat.score"));
        // Transferred before it was resolved: the resolution is support's, the opening sales'.
        io.restassured.path.json.JsonPath byTeam = given().auth()
                .oauth2(dave)
                .get(gateway() + "/api/reports/conversations" + range + "&groupBy=team")
                .then()
                .extract()
                .jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(1, byTeam.getInt("rows.find { it.group == 'sales' }.opened"));
        org.junit.jupiter.api.Assertions.assertEquals(1, byTeam.getInt("rows.find { it.group == 'support' }.resolved"));
        given().auth()
                .oauth2(carol)
                .get(gateway() + "/api/reports/live")
                .then()
                .statusCode(200)
                .body("teams.find { it.team == 'support' }.open", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    private static void telegram(String inbox, String secret, int messageId, String text) {
        String update = "{\"update_id\":" + messageId + ",\"message\":{\"message_id\":" + messageId
                + ",\"from\":{\"id\":77,\"first_name\":\"Rita\"},\"chat\":{\"id\":77,\"type\":\"private\"},"
                + "\"date\":" + java.time.Instant.now().getEpochSecond() + ",\"text\":\"" + text + "\"}}";
        given().contentType("application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", secret)
                .body(bytes(update))
                .post(ingest() + "/webhooks/telegram/" + inbox)
                .then()
                .statusCode(200);
    }

    private static java.time.LocalDate today() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    }

    private static java.time.LocalDate tomorrow() {
        return today().plusDays(1);
    }

    @Test
    void rulesRouteASalesLeadAndAgentsWorkItThroughTheGateway() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        sendWebhook("m-" + run + "-lead", "lead-" + run, "Lena", "Could you send me a quote for 50 seats?");

        String carol = token("carol");
        String path = "find { it.contact.sourceId == 'lead-" + run + "' }";
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(carol)
                        .get(gateway() + "/api/conversations?tag=sales-lead")
                        .then()
                        .statusCode(200)
                        .body(path + ".team", equalTo("sales"))
                        .body(path + ".assignee", org.hamcrest.Matchers.notNullValue()));
        String id = given().auth()
                .oauth2(carol)
                .get(gateway() + "/api/conversations?tag=sales-lead")
                .then()
                .extract()
                .path(path + ".id");

        String sam = token("sam");
        given().auth()
                .oauth2(sam)
                .contentType("application/json")
                .body("{\"priority\":\"high\"}")
                .put(gateway() + "/api/conversations/" + id + "/priority")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(sam)
                .contentType("application/json")
                .body("{\"text\":\"Big account, loop in carol\"}")
                .post(gateway() + "/api/conversations/" + id + "/notes")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(sam)
                .contentType("application/json")
                .body("{}")
                .post(gateway() + "/api/conversations/" + id + "/assign")
                .then()
                .statusCode(204);
        // alice works in support: a sales conversation is not hers to touch.
        given().auth()
                .oauth2(token("alice"))
                .contentType("application/json")
                .body("{\"tag\":\"ugc\"}")
                .post(gateway() + "/api/conversations/" + id + "/tags")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(carol)
                .contentType("application/json")
                .body("{\"status\":\"resolved\"}")
                .put(gateway() + "/api/conversations/" + id + "/status")
                .then()
                .statusCode(204);

        given().auth()
                .oauth2(sam)
                .get(gateway() + "/api/conversations/" + id)
                .then()
                .statusCode(200)
                .body("priority", equalTo("high"))
                .body("assignee", equalTo("sam"))
                .body("status", equalTo("resolved"))
                .body("tags", equalTo(java.util.List.of("sales-lead")))
                .body("messages[1].direction", equalTo("note"))
                .body("messages[1].agent", equalTo("sam"));

        given().auth()
                .oauth2(sam)
                .contentType("application/json")
                .body("{\"availability\":\"away\"}")
                .put(gateway() + "/api/me/availability")
                .then()
                .statusCode(200)
                .body("availability", equalTo("away"));
        given().auth()
                .oauth2(sam)
                .contentType("application/json")
                .body("{\"availability\":\"online\"}")
                .put(gateway() + "/api/me/availability")
                .then()
                .statusCode(200)
                .body("availability", equalTo("online"));
    }

    @Test
    void forgedWebhookIsRejectedAtTheEdge() {
        String body = "{\"messageId\":\"forged\",\"sender\":{\"id\":\"mallory\"},\"text\":\"hi\"}";
        given().contentType("application/json")
                .header("X-Parley-Signature", WebhookSignature.sign("wrong-secret-wrong-secret", bytes(body)))
                .body(bytes(body))
                .post(ingest() + "/webhooks/api/" + ParleyStack.DEMO_INBOX)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    private static void sendWebhook(String messageId, String senderId, String name, String text) {
        String body = String.format(
                "{\"messageId\":\"%s\",\"sender\":{\"id\":\"%s\",\"name\":\"%s\"},\"text\":\"%s\"}",
                messageId, senderId, name, text);
        given().contentType("application/json")
                .header("X-Parley-Signature", WebhookSignature.sign(SECRET, bytes(body)))
                .body(bytes(body))
                .post(ingest() + "/webhooks/api/" + ParleyStack.DEMO_INBOX)
                .then()
                .statusCode(202);
    }

    private static String token(String user) {
        return Tokens.password(stack.realmUrl(), user, user);
    }

    private static String gateway() {
        return stack.url(stack.ports().gateway());
    }

    private static String ingest() {
        return stack.url(stack.ports().ingest());
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
