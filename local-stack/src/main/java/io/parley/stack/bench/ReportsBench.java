package io.parley.stack.bench;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventTypes;
import io.parley.contracts.Topics;
import io.parley.stack.ServiceNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * bench/reports: starts PostgreSQL, Kafka, Keycloak and the packaged metrics-service on free ports, then
 *
 * <ol>
 *   <li>generates a history of reporting events in metrics' database (in SQL, from random draws: 50 agents in 8 teams,
 *       7 channels, 10 inboxes, 4 priorities, two years ending today; ~12.5 events a conversation: opened, answered, two
 *       customer messages and two replies, first response, resolution, an SLA outcome, a survey and half the time its
 *       answer);
 *   <li>times the main report queries through metrics' HTTP API with an admin token: p50, p99 and max over the runs;
 *   <li>times consumption: whole conversations' events (10 a conversation, as routing publishes them) written to
 *       parley.conversation-events while metrics-service is stopped, then consumed by it from the backlog.
 * </ol>
 *
 * Arguments: [history events, default 10,000,000] [consumed events, default 200,000] [runs per query, default 20].
 * PARLEY_BENCH_HISTORY=.parley/bench-reports-…: the runtime folder of an earlier run, whose history is measured again
 * instead of generating one (each run adds the consumed events to it). PARLEY_BENCH_BEFORE=a module folder holding an
 * earlier build (target/quarkus-app): that build is measured first, then the current one, on the same data; an earlier
 * build must not predate the database's migrations.
 */
public final class ReportsBench {
    static final int AGENTS = 50;
    static final int TEAMS = 8;
    static final double EVENTS_PER_CONVERSATION = 12.5;
    static final int WARM_UPS = 5;
    /** New York is a reporting zone, so its by-day report reads the rollups as UTC's reports do. */
    static final Map<String, String> METRICS_CONFIG = Map.of("parley.reports.zones", "UTC,America/New_York");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int consumed = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String history = System.getenv("PARLEY_BENCH_HISTORY");
        String before = System.getenv("PARLEY_BENCH_BEFORE");
        System.out.println(MachineCheck.run());
        boolean reuse = history != null && !history.isBlank();
        try (BenchStack stack = reuse
                ? BenchStack.reuse(Path.of(history), List.of("metrics"))
                : BenchStack.start("reports", List.of("metrics"))) {
            Path current = Path.of(System.getProperty("parley.root", "."))
                    .toAbsolutePath()
                    .resolve("metrics-service");
            List<Path> builds =
                    before == null || before.isBlank() ? List.of(current) : List.of(Path.of(before), current);
            new ReportsBench().run(stack, builds, reuse ? 0 : events, consumed, runs);
        }
        System.exit(0);
    }

    /**
     * Generates the history (unless events is 0: the stack's database already holds one), then measures each build of
     * metrics-service in turn on it: with two, an earlier build first, side by side on the same data.
     */
    void run(BenchStack stack, List<Path> builds, long events, int consumed, int runs) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate start = today.minusYears(2);
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl("metrics"), "postgres", "")) {
            ServiceNode metrics = stack.service("metrics-service", builds.get(0), METRICS_CONFIG);
            if (events > 0) {
                long generateStarted = System.nanoTime();
                generate(db, events, start, today);
                System.out.printf(
                        "history: %,d reporting events of %,d conversations, generated in %.0f s%n",
                        count(db, "reporting_event"),
                        count(db, "report_conversation"),
                        (System.nanoTime() - generateStarted) / 1e9);
            } else {
                System.out.printf(
                        "history: %,d reporting events of %,d conversations, kept from an earlier run"
                                + " (PARLEY_BENCH_HISTORY)%n",
                        count(db, "reporting_event"), count(db, "report_conversation"));
                start = firstDay(db);
            }
            for (Path build : builds) {
                if (builds.size() > 1) {
                    System.out.printf("%n== build %s%n", build);
                }
                if (metrics == null) {
                    metrics = stack.service("metrics-service", build, METRICS_CONFIG);
                }
                long rollupsStarted = System.nanoTime();
                while (!rolledUp(db)) {
                    Thread.sleep(500);
                }
                System.out.printf(
                        "rollups: every event summed in both zones by metrics-service %.0f s after it started"
                                + " measuring%n",
                        (System.nanoTime() - rollupsStarted) / 1e9);
                queries(stack, metrics, start, today, runs);
                consumption(stack, metrics, build, db, consumed);
                metrics = null;
            }
        }
    }

    /** The first day of the generated history, UTC. */
    static LocalDate firstDay(Connection db) throws Exception {
        try (Statement sql = db.createStatement();
                ResultSet rows =
                        sql.executeQuery("select (min(occurred_at) at time zone 'UTC')::date from reporting_event")) {
            rows.next();
            return rows.getObject(1, LocalDate.class);
        }
    }

    void queries(BenchStack stack, ServiceNode metrics, LocalDate start, LocalDate today, int runs) throws Exception {
        String token = stack.adminToken();
        String all = "from=" + start + "&to=" + today.plusDays(1);
        String month = "from=" + today.minusDays(30) + "&to=" + today.plusDays(1);
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("summary, last 30 days", "/reports/conversations?" + month);
        queries.put("summary, whole range", "/reports/conversations?" + all);
        queries.put("by agent, whole range", "/reports/conversations?" + all + "&groupBy=agent");
        queries.put(
                "by day in America/New_York, whole range",
                "/reports/conversations?" + all + "&bucket=day&timeZone=America/New_York");
        queries.put("CSAT, whole range", "/reports/csat?" + all);
        queries.put("SLA attainment, whole range", "/reports/sla?" + all);
        // A service runs warm: every query WARM_UPS times first, so the timed runs meet compiled code, not the JIT.
        for (String query : queries.values()) {
            time(metrics.url() + query, token, WARM_UPS);
        }
        System.out.printf(
                "%n%-42s %9s %9s %9s%n",
                "report (" + runs + " runs after " + WARM_UPS + " of each)", "p50 ms", "p99 ms", "max ms");
        for (Map.Entry<String, String> query : queries.entrySet()) {
            List<Long> nanos = time(metrics.url() + query.getValue(), token, runs);
            System.out.printf(
                    "%-42s %9.1f %9.1f %9.1f%n",
                    query.getKey(),
                    Latencies.percentileMillis(nanos, 50),
                    Latencies.percentileMillis(nanos, 99),
                    Latencies.percentileMillis(nanos, 100));
        }
    }

    /**
     * Consumption of a backlog: the events are on the topic before metrics-service starts again, so its rate is the
     * consumer's, not the producer's. A first half as many events warm the restarted JVM up (its JIT compiler took half
     * its CPU over the first 200,000); the rest are timed, first to last processed. Leaves metrics-service stopped.
     */
    void consumption(BenchStack stack, ServiceNode metrics, Path build, Connection db, int consumed) throws Exception {
        metrics.stop();
        long before = count(db, "processed_event");
        int warmUp = publish(stack.bootstrapServers(), consumed / 2);
        int sent = publish(stack.bootstrapServers(), consumed);
        ServiceNode consumer = stack.service("metrics-service", build, consumerConfig());
        while (count(db, "processed_event") < before + warmUp) {
            Thread.sleep(20);
        }
        long started = System.nanoTime();
        java.util.Map<String, Long> cpu = CpuMeter.read();
        long first = count(db, "processed_event") - before - warmUp;
        while (count(db, "processed_event") < before + warmUp + sent) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "%nconsumption: %,d events (%,d conversations) waiting on the topic behind %,d to warm up with;"
                        + " processed in %.1f s: %,.0f events/s%n",
                sent, sent / 10, warmUp, seconds, (sent - first) / seconds);
        System.out.println(
                "  " + CpuMeter.perMessage(cpu, CpuMeter.read(), sent - first).replace("message", "event"));
        System.out.printf(
                "  rollups when the last was processed: %,d events behind (rollup interval %s)%n",
                rollupLag(db), consumerConfig().getOrDefault("parley.reports.rollup-interval", "as configured"));
        consumer.stop();
    }

    /**
     * The history, drawn in SQL: conversations created uniformly over the range, each with its events. The reporting
     * events are what metrics-service's projector would have written for them (names, values, dimensions).
     */
    static void generate(Connection db, long events, LocalDate start, LocalDate end) throws Exception {
        long conversations = Math.round(events / EVENTS_PER_CONVERSATION);
        long span = ChronoUnit.SECONDS.between(start.atStartOfDay(), end.atStartOfDay());
        try (Statement sql = db.createStatement()) {
            sql.execute("select setseed(0.42)");
            sql.execute("create unlogged table bench_conversation as select g,"
                    + " gen_random_uuid() as id, (g::bigint * 7919) % " + AGENTS + " as agent_no,"
                    + " timestamptz '" + start + "T00:00:00Z' + (random() * " + span
                    + ") * interval '1 second' as created,"
                    + " (30 + random() * 7200)::bigint as fr, (60 + random() * 3600)::bigint as rt,"
                    + " (1 + floor(random() * 5))::int as rating from generate_series(1, " + conversations + ") g");
            sql.execute("insert into report_conversation (conversation_id, inbox_id, channel, team, assignee, priority,"
                    + " contact_id, status, created_at, first_reply_at, queued_since, agent_replies, reopened, updated_at)"
                    + " select id, 'inbox-' || (g % 10), (array['whatsapp','messenger','instagram','x','telegram',"
                    + "'email','api'])[1 + g % 7], 'team-' || (agent_no % " + TEAMS + "), 'agent-' || agent_no,"
                    + " (array['low','medium','high','urgent'])[1 + (g / 7) % 4], gen_random_uuid(), 'resolved', created,"
                    + " created + fr * interval '1 second', null, 2, g % 20 = 0, created from bench_conversation");
            // k: which event of the conversation; k = 12 (the survey's answer) for every other conversation only.
            // As metrics-service's own writers do, so its rollups sum this insert whole or not yet (RollupLock).
            db.setAutoCommit(false);
            sql.execute("select pg_advisory_xact_lock_shared(hashtext('parley.reporting_event'))");
            sql.execute("insert into reporting_event (event_id, name, detail, policy_id, value, business_value,"
                    + " started_at, occurred_at, conversation_id, inbox_id, channel, team, agent, priority, contact_id,"
                    + " replies)"
                    + " select gen_random_uuid(), e.name, e.detail, e.policy, e.value, e.business,"
                    + " case when e.value is null or e.name like 'csat%' then null"
                    + " else e.at - e.value * interval '1 second' end,"
                    + " e.at, c.conversation_id, c.inbox_id, c.channel, c.team, e.agent, c.priority, c.contact_id,"
                    + " case when e.name = 'conversation_resolved' then 2 end"
                    + " from bench_conversation b join report_conversation c on c.conversation_id = b.id"
                    + " cross join lateral (values"
                    + " (1, 'conversation_opened', null, null, null::bigint, null::bigint, b.created, null),"
                    + " (2, 'message_incoming', null, null, null, null, b.created, null),"
                    + " (3, 'first_response', null, null, b.fr, b.fr * 6 / 10, b.created + b.fr * interval '1 second', c.assignee),"
                    + " (4, 'reply_time', null, null, b.fr, b.fr * 6 / 10, b.created + b.fr * interval '1 second', c.assignee),"
                    + " (5, 'message_outgoing', null, null, null, null, b.created + b.fr * interval '1 second', c.assignee),"
                    + " (6, 'message_incoming', null, null, null, null, b.created + (b.fr + 600) * interval '1 second', c.assignee),"
                    + " (7, 'reply_time', null, null, b.rt, b.rt * 6 / 10, b.created + (b.fr + 600 + b.rt) * interval '1 second', c.assignee),"
                    + " (8, 'message_outgoing', null, null, null, null, b.created + (b.fr + 600 + b.rt) * interval '1 second', c.assignee),"
                    + " (9, 'conversation_resolved', null, null, b.fr + b.rt + 2400, (b.fr + b.rt + 2400) * 6 / 10,"
                    + "  b.created + (b.fr + b.rt + 2400) * interval '1 second', c.assignee),"
                    + " (10, case when b.fr < 3600 then 'sla_met' else 'sla_breached' end, 'first_response',"
                    + "  'policy-' || c.team, least(b.fr, 3600), null, b.created + least(b.fr, 3600) * interval '1 second', c.assignee),"
                    + " (11, 'csat_requested', 'csat', null, null, null, b.created + (b.fr + b.rt + 2400) * interval '1 second', c.assignee),"
                    + " (12, 'csat_response', 'csat', null, b.rating, null, b.created + (b.fr + b.rt + 2700) * interval '1 second', c.assignee),"
                    + " (13, 'conversation_answered', null, null, null, null, b.created, null)"
                    + " ) as e(k, name, detail, policy, value, business, at, agent)"
                    + " where e.k <> 12 or b.g % 2 = 0");
            db.commit();
            db.setAutoCommit(true);
            sql.execute("drop table bench_conversation");
            sql.execute("vacuum analyze reporting_event");
            sql.execute("vacuum analyze report_conversation");
        }
    }

    /**
     * metrics-service's configuration for the consumption run: PARLEY_BENCH_CONSUMER_ROLLUP_INTERVAL (e.g. 1h) sets
     * its rollup interval, to see consumption without the refresher summing beside it.
     */
    static Map<String, String> consumerConfig() {
        String interval = System.getenv("PARLEY_BENCH_CONSUMER_ROLLUP_INTERVAL");
        if (interval == null || interval.isBlank()) {
            return METRICS_CONFIG;
        }
        Map<String, String> config = new java.util.HashMap<>(METRICS_CONFIG);
        config.put("parley.reports.rollup-interval", interval);
        return config;
    }

    /** Reporting events the slowest zone's rollups do not hold yet. */
    static long rollupLag(Connection db) throws Exception {
        try (Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery(
                        "select (select max(seq) from reporting_event)" + " - min(rolled_up_to) from report_zone")) {
            return rows.next() ? rows.getLong(1) : -1;
        }
    }

    /** Every reporting zone's rollups hold every reporting event. */
    static boolean rolledUp(Connection db) throws Exception {
        try (Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select count(*) = 2 and bool_and(rolled_up_to >= (select max(seq)"
                        + " from reporting_event)) from report_zone")) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    List<Long> time(String url, String token, int runs) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5))
                .build();
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            nanos.add(took);
        }
        return nanos;
    }

    /** Whole conversations' events, as routing publishes them, keyed by conversation: 10 events each. */
    static int publish(String bootstrap, int events) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        int sent = 0;
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int n = 0; sent + 10 <= events; n++) {
                UUID id = UUID.randomUUID();
                String team = "team-" + (n % TEAMS);
                String agent = "agent-" + (n % AGENTS);
                String inbox = "inbox-" + (n % 10);
                Instant created = base.plusSeconds(n % 86_400);
                Instant replied = created.plusSeconds(120 + n % 600);
                Instant resolved = replied.plusSeconds(900);
                UUID survey = UUID.randomUUID();
                List<Object[]> conversation = List.of(
                        new Object[] {
                            EventTypes.CONVERSATION_CREATED,
                            created,
                            new ConversationEvents.Created(
                                    id, inbox, "whatsapp", team, UUID.randomUUID(), created, "medium")
                        },
                        new Object[] {
                            EventTypes.CONVERSATION_MESSAGE_CREATED,
                            created,
                            new ConversationEvents.MessageCreated(
                                    id,
                                    UUID.randomUUID(),
                                    inbox,
                                    "whatsapp",
                                    "incoming",
                                    "Hello",
                                    created,
                                    null,
                                    team,
                                    null)
                        },
                        new Object[] {
                            EventTypes.CONVERSATION_ASSIGNED,
                            created,
                            new ConversationEvents.Assigned(id, inbox, team, agent, "policy", created)
                        },
                        new Object[] {
                            EventTypes.CONVERSATION_AGENT_REPLIED,
                            replied,
                            new ConversationEvents.AgentReplied(
                                    id, inbox, "whatsapp", team, agent, created, replied, 120, 120, true)
                        },
                        new Object[] {
                            EventTypes.CONVERSATION_FIRST_REPLY,
                            replied,
                            new ConversationEvents.FirstReply(
                                    id, inbox, "whatsapp", team, agent, created, replied, 120, 120)
                        },
                        new Object[] {
                            EventTypes.CONVERSATION_MESSAGE_CREATED,
                            replied,
                            new ConversationEvents.MessageCreated(
                                    id,
                                    UUID.randomUUID(),
                                    inbox,
                                    "whatsapp",
                                    "outgoing",
                                    "Hi",
                                    replied,
                                    agent,
                                    team,
                                    agent)
                        },
                        new Object[] {
                            EventTypes.SLA_MET,
                            replied,
                            new ConversationEvents.SlaMet(
                                    id, inbox, "whatsapp", team, agent, "first_response", "p", created, replied, 3600)
                        },
                        new Object[] {
                            EventTypes.CONVERSATION_RESOLVED,
                            resolved,
                            new ConversationEvents.Resolved(
                                    id, inbox, "whatsapp", team, agent, created, resolved, 1020, agent, 1020)
                        },
                        new Object[] {
                            EventTypes.CSAT_REQUESTED,
                            resolved,
                            new ConversationEvents.CsatRequested(id, inbox, survey, "csat", resolved)
                        },
                        new Object[] {
                            EventTypes.CSAT_RESPONDED,
                            resolved,
                            new ConversationEvents.CsatResponded(
                                    id, inbox, "whatsapp", team, agent, survey, "csat", 1 + n % 5, null, resolved)
                        });
                for (Object[] event : conversation) {
                    producer.send(new ProducerRecord<>(
                            Topics.CONVERSATION_EVENTS,
                            id.toString(),
                            EventCodec.encode(
                                    UUID.randomUUID(),
                                    (String) event[0],
                                    EventTypes.AGGREGATE_CONVERSATION,
                                    id.toString(),
                                    (Instant) event[1],
                                    event[2])));
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    private static long count(Connection db, String table) throws Exception {
        try (Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
