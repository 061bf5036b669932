package io.parley.stack.bench;

import io.parley.contracts.WebhookSignature;
import io.parley.stack.ServiceNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bench/ingest: starts PostgreSQL, Kafka and ingest-service on free ports, then measures on this machine
 *
 * <ol>
 *   <li>saturation throughput of signed, distinct WhatsApp webhooks, and of the bare baseline endpoint, in five
 *       alternating rounds (the median round's ratio is the result), with the same
 *       number of concurrent connections, and their ratio;
 *   <li>ack latency (request sent → 200 once the claim is committed) at a fixed arrival rate, p50/p99, after five
 *       unmeasured seconds at that rate.
 * </ol>
 *
 * A webhook phase lasts until the relay has every event it accepted on Kafka ({@link RelayWatch}), and its rate is
 * counted over that time.
 *
 * Arguments: [seconds per phase, default 20] [fixed rate per second, default 500] [concurrency, default 32] [warm-up
 * seconds, default 60].
 */
public final class IngestBench {
    /** The bench inbox's WhatsApp number; every delivery is for it. */
    static final String PHONE_NUMBER_ID = "100000000000001";

    static final String SECRET = "bench-secret-0123456789abcdef";
    /** Odd, so that the median is one round's ratio. */
    private static final int ROUNDS = 5;

    private static final int FIXED_WARM_UP_SECONDS = 5;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4))
            .build();
    private final AtomicLong sequence = new AtomicLong();
    /** Which seconds of the fixed-rate phase the slow acks fell in: one stall or a steady tail read differently. */
    private final ConcurrentSkipListMap<Long, AtomicInteger> fixedSlowSeconds = new ConcurrentSkipListMap<>();

    private final RelayWatch relay;
    /** Webhooks answered 2xx so far, each one new event: what the topic must hold once the relay caught up. */
    private long accepted;

    IngestBench(RelayWatch relay) {
        this.relay = relay;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        System.out.println(MachineCheck.run());
        try (BenchStack stack = BenchStack.start("ingest", List.of("ingest"))) {
            ServiceNode ingest = stack.service("ingest-service", Map.of("parley.bench.baseline-enabled", "true"));
            try (RelayWatch relay = new RelayWatch(stack.bootstrapServers())) {
                new IngestBench(relay).run(stack.adminToken(), ingest.url(), seconds, rate, concurrency, warmUp);
            }
        }
        System.exit(0);
    }

    void run(String adminToken, String base, int seconds, int rate, int concurrency, int warmUp) throws Exception {
        put(
                adminToken,
                base + "/inboxes/bench-wa",
                "{\"channel\":\"whatsapp\",\"name\":\"Bench\",\"team\":\"support\",\"secret\":\"" + SECRET
                        + "\",\"verifyToken\":\"bench-verify\",\"accountId\":\"" + PHONE_NUMBER_ID + "\"}");
        String webhook = base + "/webhooks/whatsapp/bench-wa";
        String baseline = base + "/bench/baseline";
        System.out.printf(
                "ingest bench: %d s per phase after %d s of warm-up, %d concurrent connections, fixed rate %d/s%n",
                seconds, warmUp, concurrency, rate);
        // Unmeasured: a cold JVM spends its first half minute compiling (C2 took 40 % of the service's CPU 20 s in).
        accepted += saturate(webhook, warmUp, concurrency).count();
        relay.awaitAtLeast(accepted);
        saturate(baseline, Math.max(1, warmUp / 6), concurrency);
        // Webhooks and baseline take turns: on two shared cores one phase alone swings by +-20 % between runs, and a
        // drift (a compaction, a checkpoint) then lands on one side of the ratio only.
        List<Double> ratios = new ArrayList<>();
        Result webhooks = null;
        Result bare = null;
        for (int round = 1; round <= ROUNDS; round++) {
            Result w = relayed(saturate(webhook, seconds, concurrency));
            Result b = saturate(baseline, seconds, concurrency);
            ratios.add(w.perSecond() / b.perSecond());
            System.out.printf(
                    "round %d: webhooks %6.0f req/s (p50 %.1f ms, p99 %.1f ms, errors %d, relay %d ms behind),"
                            + " baseline %6.0f req/s"
                            + " (p50 %.1f ms, p99 %.1f ms, errors %d), ratio %.2f%n",
                    round,
                    w.perSecond(),
                    w.percentile(50),
                    w.percentile(99),
                    w.errors,
                    TimeUnit.NANOSECONDS.toMillis(w.relayNanos),
                    b.perSecond(),
                    b.percentile(50),
                    b.percentile(99),
                    b.errors,
                    ratios.get(ratios.size() - 1));
            webhooks = webhooks == null ? w : webhooks.plus(w);
            bare = bare == null ? b : bare.plus(b);
        }
        System.out.printf(
                "saturation  webhooks: %8.0f req/s  (p50 %.1f ms, p99 %.1f ms, errors %d)%n",
                webhooks.perSecond(), webhooks.percentile(50), webhooks.percentile(99), webhooks.errors);
        System.out.printf(
                "saturation  baseline: %8.0f req/s  (p50 %.1f ms, p99 %.1f ms, errors %d)%n",
                bare.perSecond(), bare.percentile(50), bare.percentile(99), bare.errors);
        List<Double> sorted = ratios.stream().sorted().toList();
        System.out.printf(
                "ratio webhooks/baseline: %.2f  (median of %d rounds, each %s; over all rounds %.2f; target >= 0.50)%n",
                sorted.get(sorted.size() / 2),
                ROUNDS,
                ratios.stream().map(r -> String.format("%.2f", r)).toList(),
                webhooks.perSecond() / bare.perSecond());
        // The open loop's own warm-up: right after the saturated rounds, two runs held a one-second stall in the first
        // seconds at 500/s, where each delivery gets a claim statement of its own (most likely recompilation).
        relayed(fixedRate(webhook, FIXED_WARM_UP_SECONDS, rate));
        fixedSlowSeconds.clear();
        Result fixed = relayed(fixedRate(webhook, seconds, rate));
        System.out.printf(
                "fixed rate %d/s: sent %d, %8.0f req/s done, ack p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d,"
                        + " relay %d ms behind at the end  (target p99 <= 25 ms)%n",
                rate,
                fixed.count(),
                fixed.perSecond(),
                fixed.percentile(50),
                fixed.percentile(99),
                fixed.percentile(100),
                fixed.errors,
                TimeUnit.NANOSECONDS.toMillis(fixed.relayNanos));
        // Wall-clock times, so a slow second can be matched with the GC and server logs of the same moment.
        fixedSlowSeconds.forEach((second, slow) -> System.out.printf(
                "  second %d of the fixed-rate phase (from %s): %d acks over 25 ms%n",
                second, java.time.Instant.ofEpochMilli(fixed.startedAtMillis + second * 1000), slow.get()));
    }

    /**
     * Webhooks are answered once their claims are committed; the relay puts the events on Kafka after. A phase ends
     * when the topic holds every event it accepted, so relaying that lags behind the answers is paid for in the
     * phase's rate, not in the next phase's.
     */
    private Result relayed(Result phase) {
        accepted += phase.count();
        return phase.withRelay(relay.awaitAtLeast(accepted));
    }

    /** Closed loop: each connection sends its next request when the previous one is answered. */
    private Result saturate(String url, int seconds, int concurrency) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long startedAtMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            loops.add(loop(url, end, latencies, errors));
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get();
        return new Result(latencies, errors.get(), System.nanoTime() - start, startedAtMillis, 0);
    }

    private CompletableFuture<Void> loop(
            String url, long end, ConcurrentLinkedQueue<Long> latencies, AtomicInteger errors) {
        if (System.nanoTime() >= end) {
            return CompletableFuture.completedFuture(null);
        }
        long sent = System.nanoTime();
        return http.sendAsync(request(url), HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    record(sent, response, failure, latencies, errors);
                    return null;
                })
                .thenCompose(ignored -> loop(url, end, latencies, errors));
    }

    /** Open loop: requests leave on schedule whether or not earlier ones are answered, as webhooks arrive. */
    private Result fixedRate(String url, int seconds, int rate) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<Void>> inFlight = java.util.Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long startedAtMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        var task = scheduler.scheduleAtFixedRate(
                () -> {
                    long sent = System.nanoTime();
                    inFlight.add(http.sendAsync(request(url), HttpResponse.BodyHandlers.discarding())
                            .handle((response, failure) -> {
                                record(sent, response, failure, latencies, errors);
                                if (System.nanoTime() - sent > TimeUnit.MILLISECONDS.toNanos(25)) {
                                    fixedSlowSeconds
                                            .computeIfAbsent(
                                                    TimeUnit.NANOSECONDS.toSeconds(sent - start),
                                                    second -> new AtomicInteger())
                                            .incrementAndGet();
                                }
                                return null;
                            }));
                },
                0,
                intervalNanos,
                TimeUnit.NANOSECONDS);
        scheduler.schedule(() -> task.cancel(false), seconds, TimeUnit.SECONDS).get();
        scheduler.shutdown();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return new Result(latencies, errors.get(), System.nanoTime() - start, startedAtMillis, 0);
    }

    private static void record(
            long sent,
            HttpResponse<Void> response,
            Throwable failure,
            ConcurrentLinkedQueue<Long> latencies,
            AtomicInteger errors) {
        if (failure != null || response.statusCode() >= 300) {
            errors.incrementAndGet();
        } else {
            latencies.add(System.nanoTime() - sent);
        }
    }

    private HttpRequest request(String url) {
        long n = sequence.incrementAndGet();
        byte[] body =
                ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\""
                                + PHONE_NUMBER_ID + "\"},\"contacts\":[{\"profile\":{\"name\":\"Bench "
                                + (n % 1000) + "\"},\"wa_id\":\"" + (5511900000000L + n % 1000)
                                + "\"}],\"messages\":[{\"from\":\""
                                + (5511900000000L + n % 1000) + "\",\"id\":\"wamid.bench." + n + "\",\"timestamp\":\""
                                + System.currentTimeMillis() / 1000
                                + "\",\"type\":\"text\",\"text\":{\"body\":\"Olá, pedido "
                                + n + " atrasado\"}}]}}]}]}")
                        .getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private void put(String bearer, String url, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT " + url + " → " + response.statusCode() + " " + response.body());
        }
    }

    /** @param relayNanos how long after the phase's last answer the relay had all its events on Kafka */
    record Result(
            ConcurrentLinkedQueue<Long> latencies,
            int errors,
            long elapsedNanos,
            long startedAtMillis,
            long relayNanos) {
        int count() {
            return latencies.size();
        }

        /** Answered requests per second, over the phase and the relay's catching up after it. */
        double perSecond() {
            return latencies.size() / ((elapsedNanos + relayNanos) / 1e9);
        }

        Result withRelay(long nanos) {
            return new Result(latencies, errors, elapsedNanos, startedAtMillis, nanos);
        }

        double percentile(double p) {
            return Latencies.percentileMillis(latencies, p);
        }

        Result plus(Result other) {
            ConcurrentLinkedQueue<Long> both = new ConcurrentLinkedQueue<>(latencies);
            both.addAll(other.latencies);
            return new Result(
                    both,
                    errors + other.errors,
                    elapsedNanos + other.elapsedNanos,
                    startedAtMillis,
                    relayNanos + other.relayNanos);
        }
    }
}
