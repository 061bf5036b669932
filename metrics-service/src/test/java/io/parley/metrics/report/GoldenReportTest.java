package io.parley.metrics.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contracts.ConversationEvents.AgentAvailabilityChanged;
import io.parley.contracts.ConversationEvents.AgentReplied;
import io.parley.contracts.ConversationEvents.Assigned;
import io.parley.contracts.ConversationEvents.Created;
import io.parley.contracts.ConversationEvents.CsatRequested;
import io.parley.contracts.ConversationEvents.CsatResponded;
import io.parley.contracts.ConversationEvents.FirstReply;
import io.parley.contracts.ConversationEvents.MessageCreated;
import io.parley.contracts.ConversationEvents.PriorityChanged;
import io.parley.contracts.ConversationEvents.Queued;
import io.parley.contracts.ConversationEvents.Reopened;
import io.parley.contracts.ConversationEvents.Resolved;
import io.parley.contracts.ConversationEvents.SlaBreached;
import io.parley.contracts.ConversationEvents.SlaMet;
import io.parley.contracts.ConversationEvents.Tagged;
import io.parley.contracts.ConversationEvents.Transferred;
import io.parley.contracts.ConversationEvents.Unassigned;
import io.parley.contracts.EventTypes;
import io.parley.metrics.EventScript;
import io.parley.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A scripted week of one inbox through the real broker into PostgreSQL, read back through the API with real tokens.
 * The conversations start on a Friday evening, over the weekend and late on Sunday, so wall-clock and business times
 * differ and a day bucket depends on the time zone. Every expected figure is worked out by hand in the comments (the
 * business seconds are what routing computed on a Berlin 09:00–17:00 calendar). Then the projection is emptied and
 * the same records replayed: the reports come out identical.
 */
@QuarkusTest
class GoldenReportTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String inbox = "golden-" + run;
    final String support = "support-" + run;
    final String sales = "sales-" + run;
    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final UUID c = UUID.randomUUID();
    final UUID d = UUID.randomUUID();
    final UUID customer1 = UUID.randomUUID();
    final UUID customer2 = UUID.randomUUID();
    final UUID customer3 = UUID.randomUUID();

    static Instant at(String utc) {
        return Instant.parse(utc + ":00Z");
    }

    @Test
    void everyFigureMatchesTheHandWorkedWeekAndAgainAfterAReplay() {
        try (EventScript script = new EventScript()) {
            write(script);
            script.send();

            String range = "inbox=" + inbox + "&from=2026-11-27&to=2026-12-02";
            JsonPath total = await().ignoreExceptions()
                    .atMost(WAIT)
                    .until(
                            () -> json("dave", "/reports/conversations?" + range),
                            r -> r.getInt("rows[0].opened") == 4
                                    && r.getInt("rows[0].resolved") == 4
                                    && r.getInt("rows[0].outgoingMessages") == 4);
            assertConversationFigures(total);
            JsonPath csat = await().ignoreExceptions()
                    .atMost(WAIT)
                    .until(() -> json("dave", "/reports/csat?" + range), r -> r.getInt("rows[0].nps.responses") == 1);
            assertCsat(csat);
            JsonPath sla = await().ignoreExceptions()
                    .atMost(WAIT)
                    .until(
                            () -> json("dave", "/reports/sla?" + range),
                            r -> r.getList("rows").size() == 2);
            assertSla(sla);
            // From here on the reports read the rollups (UTC and New York are reporting zones in tests), except Berlin.
            awaitRollupsCaughtUp();
            assertConversationFigures(json("dave", "/reports/conversations?" + range));
            assertCsat(json("dave", "/reports/csat?" + range));
            assertSla(json("dave", "/reports/sla?" + range));
            assertTimeZonesAndGroups(range);
            assertRollupsGiveWhatTheEventsGive();
            assertLiveView();
            assertScopes(range);
            assertExports(range);

            // Replay: the projection emptied, every record of the script again, in order.
            String conversations = json("dave", "/reports/conversations?" + range + "&groupBy=agent&bucket=day")
                    .prettify();
            String byTag = json("dave", "/reports/conversations?" + range + "&groupBy=tag")
                    .prettify();
            String surveys = csat.prettify();
            String attainment = sla.prettify();
            pool.query("truncate reporting_event, report_conversation, report_conversation_tag, agent_presence,"
                            + " processed_event, report_rollup, report_histogram;"
                            + " update report_zone set rolled_up_to = 0")
                    .execute()
                    .await()
                    .atMost(WAIT);
            assertEquals(
                    0,
                    json("dave", "/reports/conversations?" + range)
                            .getList("rows")
                            .size());
            script.send();
            await().ignoreExceptions()
                    .atMost(WAIT)
                    .until(() -> json("dave", "/reports/conversations?" + range + "&groupBy=agent&bucket=day")
                            .prettify()
                            .equals(conversations));
            await().ignoreExceptions()
                    .atMost(WAIT)
                    .until(() ->
                            json("dave", "/reports/csat?" + range).prettify().equals(surveys));
            await().ignoreExceptions()
                    .atMost(WAIT)
                    .until(() ->
                            json("dave", "/reports/sla?" + range).prettify().equals(attainment));
            await().ignoreExceptions()
                    .atMost(WAIT)
                    .until(() -> json("dave", "/reports/conversations?" + range + "&groupBy=tag")
                            .prettify()
                            .equals(byTag));
            assertConversationFigures(json("dave", "/reports/conversations?" + range));
            assertLiveView();
            awaitRollupsCaughtUp();
            assertConversationFigures(json("dave", "/reports/conversations?" + range));
            assertEquals(
                    conversations,
                    json("dave", "/reports/conversations?" + range + "&groupBy=agent&bucket=day")
                            .prettify());
        }
    }

    private void awaitRollupsCaughtUp() {
        await().atMost(WAIT)
                .until(() -> pool.query("select count(*) filter (where rolled_up_to >= (select coalesce(max(seq), 0)"
                                        + " from reporting_event)) from report_zone")
                                .execute()
                                .await()
                                .atMost(WAIT)
                                .iterator()
                                .next()
                                .getLong(0)
                        == 2);
        // Reports read a histogram row's own median and p90 where that row answers a report row whole: each has them.
        assertEquals(
                0L,
                pool.query("select count(*) from report_histogram where median is null or p90 is null")
                        .execute()
                        .await()
                        .atMost(WAIT)
                        .iterator()
                        .next()
                        .getLong(0));
    }

    /**
     * Etc/UTC is not a reporting zone, so its reports read every reporting event; UTC's read the rollups for the whole
     * days (and months) of the range. Every grouping and bucket of every report gives the same figures either way.
     */
    private void assertRollupsGiveWhatTheEventsGive() {
        for (String table : List.of("report_rollup", "report_histogram")) {
            long rows = pool.query("select count(*) from " + table + " where zone = 'UTC'")
                    .execute()
                    .await()
                    .atMost(WAIT)
                    .iterator()
                    .next()
                    .getLong(0);
            assertTrue(rows > 0, table + " holds UTC's sums");
        }
        String range = "from=2026-11-01&to=2026-12-02&team=" + support + "&team=" + sales;
        for (String report : List.of("conversations", "csat", "sla")) {
            for (String groupBy : List.of("none", "team", "agent", "inbox", "channel", "priority")) {
                for (String bucket : List.of("none", "day", "week", "month")) {
                    String path = "/reports/" + report + "?" + range + "&groupBy=" + groupBy + "&bucket=" + bucket;
                    Map<String, Object> fromEvents =
                            json("dave", path + "&timeZone=Etc/UTC").getMap("");
                    Map<String, Object> fromRollups =
                            json("dave", path + "&timeZone=UTC").getMap("");
                    fromEvents.remove("timeZone");
                    fromRollups.remove("timeZone");
                    assertEquals(fromEvents, fromRollups, path);
                    assertTrue(!((List<?>) fromRollups.get("rows")).isEmpty(), path);
                }
            }
        }
    }

    private void assertConversationFigures(JsonPath r) {
        assertEquals(1, r.getList("rows").size());
        assertEquals(4, r.getInt("rows[0].opened"));
        assertEquals(4, r.getInt("rows[0].resolved")); // A, D, and B twice
        assertEquals(1, r.getInt("rows[0].reopened"));
        assertEquals(6, r.getInt("rows[0].incomingMessages"));
        assertEquals(4, r.getInt("rows[0].outgoingMessages"));
        // First responses: A 232200 s (Fri 16:00 → Mon 08:30; 1800 business), B 172800 s (7200 business).
        assertTiming(r, "firstResponse", 2, 202500, 202500, 226260, 4500, 4500, 6660);
        // Replies: 1200, 1800, 172800, 232200 (business 1200, 1800, 1800, 7200); p90 interpolates between the third and
        // fourth: 172800 + 0.7 × 59400.
        assertTiming(r, "replyTime", 4, 102000, 87300, 214380, 3000, 1800, 5580);
        // Resolutions: 300, 180000, 234000, 253800 (business 300, 3600, 14400, 30600).
        assertTiming(r, "resolution", 4, 167025, 207000, 247860, 12225, 9000, 25740);
        assertEquals(50.0, r.getDouble("rows[0].responseRate")); // A and B answered of 4
        assertEquals(25.0, r.getDouble("rows[0].firstContactResolution")); // only A: one reply, never reopened
        assertEquals(25.0, r.getDouble("rows[0].reopenRate")); // 1 reopen / 4 resolutions
        assertEquals(1, r.getInt("backlog")); // C is still open
    }

    private static void assertTiming(
            JsonPath r,
            String figure,
            int count,
            double average,
            double median,
            double p90,
            double businessAverage,
            double businessMedian,
            double businessP90) {
        String p = "rows[0]." + figure + ".";
        assertEquals(count, r.getInt(p + "count"), figure);
        assertEquals(average, r.getDouble(p + "average"), figure);
        assertEquals(median, r.getDouble(p + "median"), figure);
        assertEquals(p90, r.getDouble(p + "p90"), figure);
        assertEquals(businessAverage, r.getDouble(p + "businessAverage"), figure);
        assertEquals(businessMedian, r.getDouble(p + "businessMedian"), figure);
        assertEquals(businessP90, r.getDouble(p + "businessP90"), figure);
    }

    private void assertCsat(JsonPath r) {
        // CSAT surveys after A, B's first resolution and D; A rated 5, B 3, D never answered.
        assertEquals(3, r.getInt("rows[0].csat.surveysSent"));
        assertEquals(2, r.getInt("rows[0].csat.responses"));
        assertEquals(66.67, r.getDouble("rows[0].csat.responseRate"));
        assertEquals(50.0, r.getDouble("rows[0].csat.score"));
        assertEquals(List.of(0, 0, 1, 0, 1), r.getList("rows[0].csat.ratings", Integer.class));
        // One NPS survey after B's second resolution, answered 9: a promoter.
        assertEquals(1, r.getInt("rows[0].nps.surveysSent"));
        assertEquals(1, r.getInt("rows[0].nps.promoters"));
        assertEquals(0, r.getInt("rows[0].nps.detractors"));
        assertEquals(100.0, r.getDouble("rows[0].nps.score"));
    }

    private void assertSla(JsonPath r) {
        assertEquals("std", r.getString("rows[0].policy"));
        assertEquals("first_response", r.getString("rows[0].metric"));
        assertEquals(1, r.getInt("rows[0].met"));
        assertEquals(2, r.getInt("rows[0].breached"));
        assertEquals(33.33, r.getDouble("rows[0].attainment"));
        // B's clock ran 47 h (Sat 10:00 → Mon 09:00), C's 9.5 h (Sun 23:30 → Mon 09:00).
        assertEquals(101700.0, r.getDouble("rows[0].averageTimeToBreach"));
        assertEquals("resolution", r.getString("rows[1].metric"));
        assertEquals(100.0, r.getDouble("rows[1].attainment"));
    }

    private void assertTimeZonesAndGroups(String range) {
        // C came on Sunday 23:30 UTC: Sunday in New York, already Monday in Berlin.
        JsonPath newYork = json("dave", "/reports/conversations?" + range + "&bucket=day&timeZone=America/New_York");
        assertEquals(Map.of("2026-11-27", 1, "2026-11-28", 1, "2026-11-29", 1, "2026-11-30", 1), opened(newYork));
        JsonPath berlin = json("dave", "/reports/conversations?" + range + "&bucket=day&timeZone=Europe/Berlin");
        assertEquals("Europe/Berlin", berlin.getString("timeZone"));
        assertEquals("2026-11-26T23:00:00Z", berlin.getString("from")); // midnight in Berlin
        assertEquals("day", berlin.getString("bucket"));
        assertEquals(Map.of("2026-11-27", 1, "2026-11-28", 1, "2026-11-30", 2), opened(berlin));

        JsonPath byAgent = json("dave", "/reports/conversations?" + range + "&groupBy=agent");
        assertEquals(2, byAgent.getInt("rows.find { it.group == 'alice' }.resolved")); // A and D
        assertEquals(2, byAgent.getInt("rows.find { it.group == 'sam' }.resolved")); // B twice
        assertEquals(1, byAgent.getInt("rows.find { it.group == 'sam' }.firstResponse.count"));
        assertEquals(3, byAgent.getInt("rows.find { it.group == 'sam' }.replyTime.count"));
        assertEquals(4, byAgent.getInt("rows.find { it.group == null }.opened"));

        JsonPath byTeam = json("dave", "/reports/conversations?" + range + "&groupBy=team");
        // B was transferred to sales before its first reply and resolved there.
        assertEquals(2, byTeam.getInt("rows.find { it.group == '" + sales + "' }.resolved"));
        assertEquals(4, byTeam.getInt("rows.find { it.group == '" + support + "' }.opened"));

        JsonPath byTag = json("dave", "/reports/conversations?" + range + "&groupBy=tag");
        assertEquals(1, byTag.getList("rows").size());
        assertEquals("billing", byTag.getString("rows[0].group"));
        assertEquals(1, byTag.getInt("rows[0].opened"));
        assertEquals(2, byTag.getInt("rows[0].resolved"));

        JsonPath high = json("dave", "/reports/conversations?" + range + "&priority=high");
        assertEquals(2, high.getInt("rows[0].resolved")); // B after its breach raised it

        // A week bucket starts on Monday; the month holds everything but Tuesday 1 December.
        JsonPath weeks = json("dave", "/reports/conversations?" + range + "&bucket=week");
        assertEquals(List.of("2026-11-23", "2026-11-30"), weeks.getList("rows.bucket"));
        JsonPath months = json("dave", "/reports/conversations?" + range + "&bucket=month");
        assertEquals(List.of("2026-11", "2026-12"), months.getList("rows.bucket"));
        assertEquals(3, months.getInt("rows[0].resolved"));
    }

    private static Map<String, Integer> opened(JsonPath report) {
        Map<String, Integer> byDay = new java.util.TreeMap<>();
        for (Map<String, Object> row : report.<Map<String, Object>>getList("rows")) {
            int opened = (Integer) row.get("opened");
            if (opened > 0) {
                byDay.put((String) row.get("bucket"), opened);
            }
        }
        return byDay;
    }

    private void assertLiveView() {
        JsonPath live = await().ignoreExceptions()
                .atMost(WAIT)
                .until(
                        () -> json("dave", "/reports/live"),
                        l -> l.get("teams.find { it.team == '" + sales + "' }") != null);
        String s = "teams.find { it.team == '" + support + "' }.";
        assertEquals(1, live.getInt(s + "open"));
        assertEquals(1, live.getInt(s + "unassigned"));
        assertEquals(1, live.getInt(s + "unattended"));
        assertEquals(1, live.getInt(s + "waitingInQueue"));
        long waited = Duration.between(at("2026-11-29T23:30"), Instant.now()).toSeconds();
        assertTrue(Math.abs(live.getLong(s + "oldestWaitingSeconds") - waited) < 60);
        assertEquals(1, live.getInt(s + "agentsOnline"));
        assertEquals(1, live.getInt(s + "agentsAway"));
        String t = "teams.find { it.team == '" + sales + "' }.";
        assertEquals(0, live.getInt(t + "open"));
        assertEquals(1, live.getInt(t + "agentsOnline"));
    }

    private void assertScopes(String range) {
        // alice is an agent: her own figures only, whatever she asks for.
        JsonPath own = json("alice", "/reports/conversations?" + range);
        assertEquals(2, own.getInt("rows[0].resolved"));
        assertEquals(0, own.getInt("rows[0].opened"));
        assertEquals(1, own.getInt("rows[0].firstResponse.count"));
        problem("alice", "/reports/conversations?" + range + "&agent=sam", 403);
        problem("alice", "/reports/live", 403);
        // carol supervises support and sales (Keycloak groups), not this run's teams.
        problem("carol", "/reports/conversations?" + range + "&team=" + support, 403);
        assertEquals(
                0,
                json("carol", "/reports/conversations?" + range).getList("rows").size());
        problem("dave", "/reports/conversations?" + range + "&timeZone=Mars/Olympus", 400);
        problem("dave", "/reports/conversations?inbox=" + inbox, 400);
        problem("dave", "/reports/conversations?" + range + "&groupBy=weather", 400);
        problem("dave", "/reports/conversations?from=2026-12-02&to=2026-11-27", 400);
    }

    private void assertExports(String range) {
        String csv = given().auth()
                .oauth2(Tokens.of("dave"))
                .accept("text/csv")
                .get("/reports/conversations?" + range + "&groupBy=agent")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        // Accepting anything gets JSON.
        given().auth()
                .oauth2(Tokens.of("dave"))
                .accept("*/*")
                .get("/reports/conversations?" + range)
                .then()
                .statusCode(200)
                .contentType("application/json");
        assertTrue(lines[0].startsWith("group,bucket,opened,resolved,reopened,"));
        assertEquals(4, lines.length); // header, no agent, alice, sam
        assertTrue(lines[2].startsWith("alice,,0,2,0,"), lines[2]);

        String events = given().auth()
                .oauth2(Tokens.of("dave"))
                .accept("text/csv")
                .get("/reports/events?" + range)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // A first response of A: 232200 s, 1800 business.
        assertTrue(
                events.lines().anyMatch(l -> l.contains(",first_response,,,232200,1800,") && l.contains(a.toString())));
        // Every reporting event of the week: A 10, B 19, C 3, D 4.
        assertEquals(1 + 36, events.lines().count());
    }

    private static JsonPath json(String user, String path) {
        return given().auth()
                .oauth2(Tokens.of(user))
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void problem(String user, String path, int status) {
        given().auth()
                .oauth2(Tokens.of(user))
                .get(path)
                .then()
                .statusCode(status)
                .contentType("application/problem+json");
    }

    /** The week, as routing published it. Business seconds on a Berlin 09:00–17:00 Monday–Friday calendar. */
    private void write(EventScript s) {
        // A: WhatsApp, Friday 16:00 UTC (17:00 in Berlin: closed), answered Monday 08:30 (09:30 Berlin), resolved
        // 09:00.
        Instant aOpen = at("2026-11-27T16:00");
        s.conversation(
                EventTypes.CONVERSATION_CREATED,
                a,
                aOpen,
                new Created(a, inbox, "whatsapp", support, customer1, aOpen, "medium"));
        incoming(s, a, "whatsapp", aOpen);
        s.conversation(
                EventTypes.CONVERSATION_ASSIGNED, a, aOpen, new Assigned(a, inbox, support, "alice", "policy", aOpen));
        Instant aReply = at("2026-11-30T08:30");
        s.conversation(
                EventTypes.CONVERSATION_AGENT_REPLIED,
                a,
                aReply,
                new AgentReplied(a, inbox, "whatsapp", support, "alice", aOpen, aReply, 232200, 1800, true));
        s.conversation(
                EventTypes.CONVERSATION_FIRST_REPLY,
                a,
                aReply,
                new FirstReply(a, inbox, "whatsapp", support, "alice", aOpen, aReply, 232200, 1800));
        outgoing(s, a, "whatsapp", "alice", aReply);
        s.conversation(
                EventTypes.SLA_MET,
                a,
                aReply,
                new SlaMet(a, inbox, "whatsapp", support, "alice", "first_response", "std", aOpen, aReply, 3600));
        Instant aResolved = at("2026-11-30T09:00");
        s.conversation(
                EventTypes.CONVERSATION_RESOLVED,
                a,
                aResolved,
                new Resolved(a, inbox, "whatsapp", support, "alice", aOpen, aResolved, 234000, "alice", 3600));
        s.conversation(
                EventTypes.SLA_MET,
                a,
                aResolved,
                new SlaMet(a, inbox, "whatsapp", support, "alice", "resolution", "std", aOpen, aResolved, 28800));
        UUID aSurvey = UUID.randomUUID();
        s.conversation(
                EventTypes.CSAT_REQUESTED, a, aResolved, new CsatRequested(a, inbox, aSurvey, "csat", aResolved));
        Instant aRated = at("2026-11-30T09:10");
        s.conversation(
                EventTypes.CSAT_RESPONDED,
                a,
                aRated,
                new CsatResponded(a, inbox, "whatsapp", support, "alice", aSurvey, "csat", 5, "Quick!", aRated));

        // B: e-mail, Saturday 10:00, tagged billing, queued; bob takes it Monday 07:00 UTC, the first response breaches
        // at
        // 09:00 (priority up), it moves to sales at 09:30 and sam answers at 10:00 and 11:00, resolves at 12:00. The
        // customer reopens it on Tuesday 08:00; sam answers at 08:20 and resolves at 08:30.
        Instant bOpen = at("2026-11-28T10:00");
        s.conversation(
                EventTypes.CONVERSATION_CREATED,
                b,
                bOpen,
                new Created(b, inbox, "email", support, customer2, bOpen, "medium"));
        incoming(s, b, "email", bOpen);
        s.conversation(
                EventTypes.CONVERSATION_TAGGED,
                b,
                bOpen,
                new Tagged(b, inbox, "billing", "rule:billing", bOpen, "support", null));
        s.conversation(EventTypes.CONVERSATION_QUEUED, b, bOpen, new Queued(b, inbox, support, "medium", bOpen));
        Instant bAssigned = at("2026-11-30T07:00");
        s.conversation(
                EventTypes.CONVERSATION_ASSIGNED,
                b,
                bAssigned,
                new Assigned(b, inbox, support, "bob", "policy", bAssigned));
        Instant bBreach = at("2026-11-30T09:00");
        s.conversation(
                EventTypes.CONVERSATION_PRIORITY_CHANGED,
                b,
                bBreach,
                new PriorityChanged(b, inbox, "medium", "high", "sla", bBreach, "support", null));
        s.conversation(
                EventTypes.SLA_BREACHED,
                b,
                bBreach,
                new SlaBreached(
                        b,
                        inbox,
                        "email",
                        support,
                        "bob",
                        "first_response",
                        "std",
                        bBreach,
                        bBreach,
                        "high",
                        null,
                        "supervisors",
                        bOpen));
        Instant bMoved = at("2026-11-30T09:30");
        s.conversation(
                EventTypes.CONVERSATION_UNASSIGNED,
                b,
                bMoved,
                new Unassigned(b, inbox, support, "bob", "transfer", "carol", bMoved));
        s.conversation(
                EventTypes.CONVERSATION_TRANSFERRED,
                b,
                bMoved,
                new Transferred(b, inbox, support, sales, "carol", bMoved));
        s.conversation(
                EventTypes.CONVERSATION_ASSIGNED, b, bMoved, new Assigned(b, inbox, sales, "sam", "policy", bMoved));
        Instant bReply = at("2026-11-30T10:00");
        s.conversation(
                EventTypes.CONVERSATION_AGENT_REPLIED,
                b,
                bReply,
                new AgentReplied(b, inbox, "email", sales, "sam", bOpen, bReply, 172800, 7200, true));
        s.conversation(
                EventTypes.CONVERSATION_FIRST_REPLY,
                b,
                bReply,
                new FirstReply(b, inbox, "email", sales, "sam", bOpen, bReply, 172800, 7200));
        outgoing(s, b, "email", "sam", bReply);
        Instant bAgain = at("2026-11-30T10:30");
        incoming(s, b, "email", bAgain);
        Instant bReply2 = at("2026-11-30T11:00");
        s.conversation(
                EventTypes.CONVERSATION_AGENT_REPLIED,
                b,
                bReply2,
                new AgentReplied(b, inbox, "email", sales, "sam", bAgain, bReply2, 1800, 1800, false));
        outgoing(s, b, "email", "sam", bReply2);
        Instant bResolved = at("2026-11-30T12:00");
        s.conversation(
                EventTypes.CONVERSATION_RESOLVED,
                b,
                bResolved,
                new Resolved(b, inbox, "email", sales, "sam", bOpen, bResolved, 180000, "sam", 14400));
        UUID bSurvey = UUID.randomUUID();
        s.conversation(
                EventTypes.CSAT_REQUESTED, b, bResolved, new CsatRequested(b, inbox, bSurvey, "csat", bResolved));
        Instant bRated = at("2026-11-30T12:05");
        s.conversation(
                EventTypes.CSAT_RESPONDED,
                b,
                bRated,
                new CsatResponded(b, inbox, "email", sales, "sam", bSurvey, "csat", 3, null, bRated));
        Instant bReopen = at("2026-12-01T08:00");
        incoming(s, b, "email", bReopen);
        s.conversation(EventTypes.CONVERSATION_REOPENED, b, bReopen, new Reopened(b, inbox, sales, bReopen));
        Instant bReply3 = at("2026-12-01T08:20");
        s.conversation(
                EventTypes.CONVERSATION_AGENT_REPLIED,
                b,
                bReply3,
                new AgentReplied(b, inbox, "email", sales, "sam", bReopen, bReply3, 1200, 1200, false));
        outgoing(s, b, "email", "sam", bReply3);
        Instant bResolved2 = at("2026-12-01T08:30");
        s.conversation(
                EventTypes.CONVERSATION_RESOLVED,
                b,
                bResolved2,
                new Resolved(b, inbox, "email", sales, "sam", bOpen, bResolved2, 253800, "sam", 30600));
        UUID bNps = UUID.randomUUID();
        s.conversation(EventTypes.CSAT_REQUESTED, b, bResolved2, new CsatRequested(b, inbox, bNps, "nps", bResolved2));
        Instant bScored = at("2026-12-01T08:40");
        s.conversation(
                EventTypes.CSAT_RESPONDED,
                b,
                bScored,
                new CsatResponded(b, inbox, "email", sales, "sam", bNps, "nps", 9, null, bScored));

        // C: Telegram, Sunday 23:30 UTC, waits in the support queue unanswered; its first response breaches Monday
        // 09:00.
        Instant cOpen = at("2026-11-29T23:30");
        s.conversation(
                EventTypes.CONVERSATION_CREATED,
                c,
                cOpen,
                new Created(c, inbox, "telegram", support, customer1, cOpen, "medium"));
        incoming(s, c, "telegram", cOpen);
        s.conversation(EventTypes.CONVERSATION_QUEUED, c, cOpen, new Queued(c, inbox, support, "medium", cOpen));
        Instant cBreach = at("2026-11-30T09:00");
        s.conversation(
                EventTypes.SLA_BREACHED,
                c,
                cBreach,
                new SlaBreached(
                        c,
                        inbox,
                        "telegram",
                        support,
                        null,
                        "first_response",
                        "std",
                        cBreach,
                        cBreach,
                        "high",
                        null,
                        "supervisors",
                        cOpen));

        // D: WhatsApp, Monday 14:00, alice closes it five minutes later without a reply; its survey is never answered.
        Instant dOpen = at("2026-11-30T14:00");
        s.conversation(
                EventTypes.CONVERSATION_CREATED,
                d,
                dOpen,
                new Created(d, inbox, "whatsapp", support, customer3, dOpen, "medium"));
        incoming(s, d, "whatsapp", dOpen);
        s.conversation(
                EventTypes.CONVERSATION_ASSIGNED, d, dOpen, new Assigned(d, inbox, support, "alice", "policy", dOpen));
        Instant dResolved = at("2026-11-30T14:05");
        s.conversation(
                EventTypes.CONVERSATION_RESOLVED,
                d,
                dResolved,
                new Resolved(d, inbox, "whatsapp", support, "alice", dOpen, dResolved, 300, "alice", 300));
        s.conversation(
                EventTypes.CSAT_REQUESTED,
                d,
                dResolved,
                new CsatRequested(d, inbox, UUID.randomUUID(), "csat", dResolved));

        Instant now = Instant.now();
        s.agent(
                EventTypes.AGENT_AVAILABILITY_CHANGED,
                "alice",
                now,
                new AgentAvailabilityChanged("alice", "online", List.of(support), now));
        s.agent(
                EventTypes.AGENT_AVAILABILITY_CHANGED,
                "bob",
                now,
                new AgentAvailabilityChanged("bob", "away", List.of(support), now));
        s.agent(
                EventTypes.AGENT_AVAILABILITY_CHANGED,
                "sam",
                now,
                new AgentAvailabilityChanged("sam", "online", List.of(sales), now));
    }

    private void incoming(EventScript s, UUID conversation, String channel, Instant at) {
        s.conversation(
                EventTypes.CONVERSATION_MESSAGE_CREATED,
                conversation,
                at,
                new MessageCreated(
                        conversation, UUID.randomUUID(), inbox, channel, "incoming", "Hello", at, null, null, null));
    }

    private void outgoing(EventScript s, UUID conversation, String channel, String agent, Instant at) {
        s.conversation(
                EventTypes.CONVERSATION_MESSAGE_CREATED,
                conversation,
                at,
                new MessageCreated(
                        conversation, UUID.randomUUID(), inbox, channel, "outgoing", "Hi", at, agent, null, agent));
    }
}
