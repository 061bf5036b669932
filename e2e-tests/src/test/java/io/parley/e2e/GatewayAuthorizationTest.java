package io.parley.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contracts.WebhookSignature;
import io.parley.stack.ParleyStack;
import io.parley.stack.testing.SseStream;
import io.parley.stack.testing.Tokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, walked as a table over every endpoint of the gateway's OpenAPI document: each role (no token, a
 * token without a role, an agent of support, an agent of sales, a supervisor, an admin) against each endpoint, on a
 * support and on a sales conversation where the endpoint is about one. "ok" means the call got past authorization
 * (any answer below 500 but 401 and 403: a request built to be refused later for its content counts); the table must
 * name every operation the document lists, so a new endpoint cannot go unchecked.
 */
class GatewayAuthorizationTest {
    static final String SECRET = "authz-" + UUID.randomUUID();
    static final String SALES_INBOX = "authz-sales";
    static final String SALES_SECRET = "authz-sales-" + UUID.randomUUID();
    static final List<String> CALLERS = List.of("anonymous", "guest", "alice", "sam", "carol", "dave");

    static ParleyStack stack;
    static String support;
    static String sales;

    enum Expect {
        OK,
        FORBIDDEN,
        UNAUTHENTICATED
    }

    /** One operation as the table calls it: the document's path template, and the call for each conversation. */
    record Row(String method, String template, String path, String body, Map<String, Expect> expected) {}

    @BeforeAll
    static void start() throws Exception {
        // No Telegram here: the Bot API's address is a free port nothing listens on.
        stack = E2eStack.start(
                "authz",
                Map.of("ingest-service", WalkingSkeletonTest.ingestConfig(io.parley.stack.Ports.free())),
                SECRET);
        given().auth()
                .oauth2(token("dave"))
                .contentType("application/json")
                .body("{\"channel\":\"api\",\"name\":\"Sales chat\",\"team\":\"sales\",\"secret\":\"" + SALES_SECRET
                        + "\"}")
                .put(gateway() + "/api/admin/inboxes/" + SALES_INBOX)
                .then()
                .statusCode(200);
        support = conversation(ParleyStack.DEMO_INBOX, SECRET, "support", "Sue");
        sales = conversation(SALES_INBOX, SALES_SECRET, "sales", "Sal");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    /** The gateway passes routing's pages on: a full page names the next by its X-Next-Cursor header. */
    @Test
    void listsComeInPagesFollowedByCursor() {
        String carol = token("carol");
        Response first = given().auth().oauth2(carol).get(gateway() + "/api/conversations?status=&limit=1");
        assertEquals(200, first.statusCode());
        String cursor = first.header("X-Next-Cursor");
        assertTrue(cursor != null && !cursor.isBlank(), "a full page names the next");
        List<String> second = given().auth()
                .oauth2(carol)
                .queryParam("cursor", cursor)
                .get(gateway() + "/api/conversations?status=&limit=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", String.class);
        assertEquals(1, second.size());
        assertTrue(!second.contains(first.jsonPath().getString("[0].id")), "the next page goes on, not over");
    }

    /** The audit log merged from ingest and routing, page by page, is the whole log in one order. */
    @Test
    void theAuditLogComesInPagesAcrossServices() {
        String dave = token("dave");
        List<String> whole = given().auth()
                .oauth2(dave)
                .get(gateway() + "/api/admin/audit?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("collect { it.service + ' ' + it.id }", String.class);
        assertTrue(
                whole.stream().anyMatch(e -> e.startsWith("ingest-service"))
                        && whole.stream().anyMatch(e -> e.startsWith("routing-service")),
                "both services have recorded changes: " + whole);
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Response page = given().auth()
                    .oauth2(dave)
                    .queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get(gateway() + "/api/admin/audit");
            assertEquals(200, page.statusCode());
            paged.addAll(page.jsonPath().getList("collect { it.service + ' ' + it.id }", String.class));
            cursor = page.header("X-Next-Cursor");
        } while (cursor != null && paged.size() <= whole.size());
        assertEquals(whole, paged);
        given().auth()
                .oauth2(dave)
                .queryParam("cursor", "not-a-cursor")
                .get(gateway() + "/api/admin/audit")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void everyRoleGetsWhatItMayAndNothingElse() {
        List<Row> rows = table();
        Set<String> documented = documentedOperations();
        Set<String> covered = new TreeSet<>();
        rows.forEach(row -> covered.add(row.method() + " " + row.template()));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(covered);
        assertTrue(missing.isEmpty(), "operations the table does not check: " + missing);

        Map<String, String> tokens = new HashMap<>();
        for (String caller : CALLERS) {
            if (!caller.equals("anonymous")) {
                tokens.put(caller, token(caller));
            }
        }
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            for (String caller : CALLERS) {
                Expect expected = row.expected().get(caller);
                int status = call(row, tokens.get(caller));
                Expect got = status == 401 ? Expect.UNAUTHENTICATED : status == 403 ? Expect.FORBIDDEN : Expect.OK;
                if (got != expected || status >= 500) {
                    wrong.add(String.format(
                            "%s %s as %s: %d, expected %s", row.method(), row.path(), caller, status, expected));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The operations of the gateway's OpenAPI document, as "METHOD /path/{template}". */
    @SuppressWarnings("unchecked")
    private static Set<String> documentedOperations() {
        Map<String, Object> document = given().accept("application/json")
                .get(gateway() + "/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        Set<String> operations = new TreeSet<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> operations.add(m.toUpperCase() + " " + path)));
        return operations;
    }

    private static int call(Row row, String token) {
        if (row.template().equals("/api/live")) {
            try (SseStream stream = SseStream.open(URI.create(gateway() + row.path()), token, null)) {
                return stream.status();
            }
        }
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (row.body() != null) {
            request = request.contentType("application/json").body(row.body());
        }
        Response response = request.request(row.method(), gateway() + row.path());
        return response.statusCode();
    }

    /** Expectations of the callers in {@link #CALLERS}' order, for the operation's path with these conversations. */
    private static Map<String, Expect> expect(String... perCaller) {
        Map<String, Expect> expected = new LinkedHashMap<>();
        Iterator<String> each = List.of(perCaller).iterator();
        for (String caller : CALLERS) {
            String code = each.next();
            expected.put(
                    caller,
                    switch (code) {
                        case "ok" -> Expect.OK;
                        case "403" -> Expect.FORBIDDEN;
                        case "401" -> Expect.UNAUTHENTICATED;
                        default -> throw new IllegalArgumentException(code);
                    });
        }
        return expected;
    }

    //                                       anonymous guest alice  sam    carol  dave
    static final String[] EVERY_AGENT = {"401", "403", "ok", "ok", "ok", "ok"};
    static final String[] SUPPORT_ONLY = {"401", "403", "ok", "403", "ok", "ok"};
    static final String[] SALES_ONLY = {"401", "403", "403", "ok", "ok", "ok"};
    static final String[] SUPERVISORS = {"401", "403", "403", "403", "ok", "ok"};
    static final String[] ADMINS = {"401", "403", "403", "403", "403", "ok"};
    static final String[] ANY_TOKEN = {"401", "ok", "ok", "ok", "ok", "ok"};
    static final String[] EVERYONE = {"ok", "ok", "ok", "ok", "ok", "ok"};

    private static List<Row> table() {
        String from = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String to = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String range = "?from=" + from + "&to=" + to;
        String none = UUID.randomUUID().toString();
        List<Row> rows = new ArrayList<>();
        rows.add(row("GET", "/api/config", "/api/config", null, EVERYONE));
        rows.add(row("GET", "/api/me", "/api/me", null, ANY_TOKEN));
        rows.add(row("GET", "/api/me/availability", "/api/me/availability", null, EVERY_AGENT));
        rows.add(row(
                "PUT", "/api/me/availability", "/api/me/availability", "{\"availability\":\"bogus\"}", EVERY_AGENT));
        rows.add(row("GET", "/api/live", "/api/live", null, EVERY_AGENT));
        // Lists: agents may ask for their own teams only.
        rows.add(row("GET", "/api/conversations", "/api/conversations", null, EVERY_AGENT));
        rows.add(row("GET", "/api/conversations", "/api/conversations?team=support", null, SUPPORT_ONLY));
        rows.add(row("GET", "/api/conversations", "/api/conversations?team=sales", null, SALES_ONLY));
        rows.add(row("GET", "/api/conversations", "/api/conversations?assignee=bob", null, SUPERVISORS));
        rows.add(row("GET", "/api/conversations/counts", "/api/conversations/counts", null, EVERY_AGENT));
        rows.add(row("GET", "/api/canned-replies", "/api/canned-replies", null, EVERY_AGENT));
        // One conversation: only its team's agents (and supervisors, admins).
        for (String[] conversation : List.of(new String[] {support, "support"}, new String[] {sales, "sales"})) {
            String id = conversation[0];
            String[] who = conversation[1].equals("support") ? SUPPORT_ONLY : SALES_ONLY;
            String base = "/api/conversations/" + id;
            rows.add(row("GET", "/api/conversations/{id}", base, null, who));
            rows.add(row("GET", "/api/conversations/{id}/sla", base + "/sla", null, who));
            rows.add(row("GET", "/api/conversations/{id}/timeline", base + "/timeline", null, who));
            rows.add(row("GET", "/api/conversations/{id}/viewers", base + "/viewers", null, who));
            rows.add(row("GET", "/api/conversations/{id}/contact", base + "/contact", null, who));
            rows.add(row(
                    "PATCH", "/api/conversations/{id}/contact/attributes", base + "/contact/attributes", "{}", who));
            rows.add(row(
                    "POST",
                    "/api/conversations/{id}/contact/notes",
                    base + "/contact/notes",
                    "{\"text\":\"Prefers e-mail\"}",
                    who));
            rows.add(row(
                    "POST",
                    "/api/conversations/{id}/contact/merge",
                    base + "/contact/merge",
                    "{\"into\":\"" + UUID.randomUUID() + "\"}",
                    SUPERVISORS));
            rows.add(row("GET", "/api/conversations/{id}/canned-replies", base + "/canned-replies", null, who));
            rows.add(
                    row("POST", "/api/conversations/{id}/activity", base + "/activity", "{\"kind\":\"viewing\"}", who));
            rows.add(row("POST", "/api/conversations/{id}/assign", base + "/assign", "{\"agent\":\"me\"}", who));
            rows.add(row("POST", "/api/conversations/{id}/unassign", base + "/unassign", null, who));
            rows.add(row("POST", "/api/conversations/{id}/transfer", base + "/transfer", "{}", who));
            rows.add(row("POST", "/api/conversations/{id}/tags", base + "/tags", "{\"tag\":\"no-such-tag\"}", who));
            rows.add(row("DELETE", "/api/conversations/{id}/tags/{tag}", base + "/tags/no-such-tag", null, who));
            rows.add(row(
                    "PUT", "/api/conversations/{id}/priority", base + "/priority", "{\"priority\":\"bogus\"}", who));
            rows.add(row("PUT", "/api/conversations/{id}/status", base + "/status", "{\"status\":\"bogus\"}", who));
            rows.add(row("POST", "/api/conversations/{id}/notes", base + "/notes", "{}", who));
            rows.add(row(
                    "POST",
                    "/api/conversations/{id}/replies",
                    base + "/replies",
                    "{\"text\":\"Checking who may answer\"}",
                    who));
        }
        // Reports: everyone with a role, agents only their own figures; the live view and a customer's answers are
        // for supervisors.
        for (String report : List.of("conversations", "csat", "sla", "events")) {
            rows.add(row("GET", "/api/reports/{report}", "/api/reports/" + report + range, null, EVERY_AGENT));
        }
        rows.add(row(
                "GET",
                "/api/reports/{report}",
                "/api/reports/conversations" + range + "&agent=bob",
                null,
                SUPERVISORS));
        // An agent asking for a team sees only their own figures in it; a supervisor only their teams.
        rows.add(row(
                "GET",
                "/api/reports/{report}",
                "/api/reports/conversations" + range + "&team=billing",
                null,
                new String[] {"401", "403", "ok", "ok", "403", "ok"}));
        rows.add(row("GET", "/api/reports/live", "/api/reports/live", null, SUPERVISORS));
        rows.add(row(
                "GET",
                "/api/reports/csat/contacts/{contactId}",
                "/api/reports/csat/contacts/" + none,
                null,
                SUPERVISORS));
        // Administration.
        rows.add(row("GET", "/api/admin/inboxes", "/api/admin/inboxes", null, ADMINS));
        rows.add(row("GET", "/api/admin/inboxes/{id}", "/api/admin/inboxes/" + SALES_INBOX, null, ADMINS));
        rows.add(row("PUT", "/api/admin/inboxes/{id}", "/api/admin/inboxes/authz-new", "{}", ADMINS));
        rows.add(row(
                "POST",
                "/api/admin/inboxes/{id}/replay",
                "/api/admin/inboxes/" + SALES_INBOX + "/replay",
                null,
                ADMINS));
        rows.add(
                row("GET", "/api/admin/contacts/{id}/export", "/api/admin/contacts/" + none + "/export", null, ADMINS));
        rows.add(row(
                "POST", "/api/admin/contacts/{id}/erasure", "/api/admin/contacts/" + none + "/erasure", null, ADMINS));
        rows.add(row("GET", "/api/admin/audit", "/api/admin/audit", null, ADMINS));
        rows.add(row(
                "GET",
                "/api/admin/inboxes/{id}/settings",
                "/api/admin/inboxes/" + SALES_INBOX + "/settings",
                null,
                ADMINS));
        rows.add(row(
                "PUT",
                "/api/admin/inboxes/{id}/settings",
                "/api/admin/inboxes/" + SALES_INBOX + "/settings",
                "{\"survey\":\"bogus\"}",
                ADMINS));
        rows.add(row("POST", "/api/admin/canned-replies", "/api/admin/canned-replies", "{}", ADMINS));
        rows.add(row("PUT", "/api/admin/canned-replies/{id}", "/api/admin/canned-replies/" + none, "{}", ADMINS));
        rows.add(row("DELETE", "/api/admin/canned-replies/{id}", "/api/admin/canned-replies/" + none, null, ADMINS));
        rows.add(row("GET", "/api/tags", "/api/tags", null, EVERY_AGENT));
        rows.add(row("PUT", "/api/admin/tags/{name}", "/api/admin/tags/Not_A_Tag", "{}", ADMINS));
        rows.add(row("DELETE", "/api/admin/tags/{name}", "/api/admin/tags/no-such-tag", null, ADMINS));
        String teams = "/api/admin/teams";
        rows.add(row("GET", teams, teams, null, ADMINS));
        rows.add(row("GET", teams + "/{team}", teams + "/support", null, ADMINS));
        rows.add(row("GET", teams + "/{team}/queue", teams + "/support/queue", null, ADMINS));
        rows.add(row(
                "PUT",
                teams + "/{team}/members/{agent}",
                teams + "/support/members/nobody",
                "{\"capacity\":-1}",
                ADMINS));
        rows.add(row("DELETE", teams + "/{team}/members/{agent}", teams + "/Not_A_Team/members/nobody", null, ADMINS));
        rows.add(row("PUT", teams + "/{team}/policy", teams + "/support/policy", "{\"strategy\":\"bogus\"}", ADMINS));
        rows.add(row(
                "PUT",
                teams + "/{team}/settings",
                teams + "/support/settings",
                "{\"slaPolicyId\":\"Not An Id\"}",
                ADMINS));
        String rules = "/api/admin/rules";
        rows.add(row("GET", rules, rules, null, ADMINS));
        rows.add(row("POST", rules, rules, "{}", ADMINS));
        rows.add(row("GET", rules + "/changes", rules + "/changes", null, ADMINS));
        rows.add(row("GET", rules + "/{id}", rules + "/" + none, null, ADMINS));
        rows.add(row("PUT", rules + "/{id}", rules + "/" + none, "{}", ADMINS));
        rows.add(row("DELETE", rules + "/{id}", rules + "/" + none, null, ADMINS));
        String hours = "/api/admin/business-hours";
        rows.add(row("GET", hours, hours, null, ADMINS));
        rows.add(row("GET", hours + "/{id}", hours + "/no-such-hours", null, ADMINS));
        rows.add(row("PUT", hours + "/{id}", hours + "/authz-hours", "{}", ADMINS));
        String sla = "/api/admin/sla-policies";
        rows.add(row("GET", sla, sla, null, ADMINS));
        rows.add(row("GET", sla + "/{id}", sla + "/no-such-policy", null, ADMINS));
        rows.add(row("PUT", sla + "/{id}", sla + "/authz-sla", "{\"firstResponseMinutes\":0}", ADMINS));
        return rows;
    }

    private static Row row(String method, String template, String path, String body, String[] expected) {
        return new Row(method, template, path, body, expect(expected));
    }

    /** A customer's message into the inbox, routed to its team; returns the conversation's id. */
    private static String conversation(String inbox, String secret, String team, String name) {
        String body = String.format(
                "{\"messageId\":\"%s\",\"sender\":{\"id\":\"%s\",\"name\":\"%s\"},\"text\":\"Hello\"}",
                UUID.randomUUID(), UUID.randomUUID(), name);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json")
                .header("X-Parley-Signature", WebhookSignature.sign(secret, bytes))
                .body(bytes)
                .post(stack.url(stack.ports().ingest()) + "/webhooks/api/" + inbox)
                .then()
                .statusCode(202);
        String carol = token("carol");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(carol)
                        .get(gateway() + "/api/conversations?team=" + team + "&status=")
                        .then()
                        .statusCode(200)
                        .body("contact.displayName", hasItem(name)));
        return given().auth()
                .oauth2(carol)
                .get(gateway() + "/api/conversations?team=" + team)
                .then()
                .extract()
                .path("find { it.contact.displayName == '" + name + "' }.id");
    }

    private static String token(String user) {
        return Tokens.password(stack.realmUrl(), user, user);
    }

    private static String gateway() {
        return stack.url(stack.ports().gateway());
    }
}
