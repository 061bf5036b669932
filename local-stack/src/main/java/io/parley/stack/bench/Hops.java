package io.parley.stack.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Where a webhook's time to assignment goes, from wall-clock stamps the run already has: the bench's send, the
 * inbound record's timestamp (ingest's relay sending it), the assigned event's occurredAt (the clock routing read for
 * the last record of the batch that queued the conversation: the batch's queue pass serves the team with that time),
 * that event's record timestamp (routing's relay sending it after the commit) and its arrival here. Stamps are
 * milliseconds, so each hop is only good to a millisecond or so.
 */
final class Hops {
    private static final List<String> NAMES =
            List.of("ingest", "routing its batch's records", "queue pass, commit, relay", "Kafka to the bench");

    private final List<ConcurrentLinkedQueue<Long>> hops = List.of(
            new ConcurrentLinkedQueue<>(),
            new ConcurrentLinkedQueue<>(),
            new ConcurrentLinkedQueue<>(),
            new ConcurrentLinkedQueue<>());

    /** Whole latencies by the 5-second window their webhook left in: a stall shows as one window's p99. */
    private final java.util.concurrent.ConcurrentSkipListMap<Long, ConcurrentLinkedQueue<Long>> windows =
            new java.util.concurrent.ConcurrentSkipListMap<>();

    /** The target, in milliseconds: webhooks over it are the tail. */
    private static final long SLOW_MILLIS = 100;

    /** The hops of each webhook over the target, to say which hop its tail comes from. */
    private final ConcurrentLinkedQueue<long[]> slow = new ConcurrentLinkedQueue<>();

    /** Every webhook's stamps, for {@link #writeStamps}. */
    private final ConcurrentLinkedQueue<long[]> stamps = new ConcurrentLinkedQueue<>();

    void add(long sent, long relayedByIngest, long assigned, long relayedByRouting, long arrived) {
        long[] at = {sent, relayedByIngest, assigned, relayedByRouting, arrived};
        stamps.add(at);
        windows.computeIfAbsent(sent / 5000, w -> new ConcurrentLinkedQueue<>()).add((arrived - sent) * 1_000_000L);
        long[] millis = new long[NAMES.size()];
        for (int i = 0; i < NAMES.size(); i++) {
            millis[i] = at[i + 1] - at[i];
            hops.get(i).add(millis[i] * 1_000_000L);
        }
        if (arrived - sent > SLOW_MILLIS) {
            slow.add(millis);
        }
    }

    /** One line: how many webhooks took longer than the target and the mean of each hop among them. */
    String slowest() {
        List<long[]> all = List.copyOf(slow);
        StringBuilder line = new StringBuilder(String.format("over %d ms: %d messages", SLOW_MILLIS, all.size()));
        if (!all.isEmpty()) {
            line.append(", their mean hops ms:");
            for (int i = 0; i < NAMES.size(); i++) {
                int hop = i;
                line.append(String.format(
                        " %s %.0f;",
                        NAMES.get(i),
                        all.stream().mapToLong(m -> m[hop]).average().orElse(0)));
            }
        }
        return line.toString();
    }

    void clear() {
        hops.forEach(ConcurrentLinkedQueue::clear);
        windows.clear();
        slow.clear();
        stamps.clear();
    }

    /** One line: p99 of each 5-second window, in milliseconds, in the order they were sent. */
    String byWindow() {
        StringBuilder line = new StringBuilder("p99 ms by 5 s window:");
        windows.values().forEach(w -> line.append(String.format(" %.0f", Latencies.percentileMillis(w, 99))));
        return line.toString();
    }

    /** One line: p50 / p99 of each hop, in milliseconds. */
    String report() {
        StringBuilder line =
                new StringBuilder("hops p50 / p99 ms (" + hops.get(0).size() + " messages):");
        for (int i = 0; i < NAMES.size(); i++) {
            line.append(String.format(
                    " %s %.0f / %.0f;",
                    NAMES.get(i),
                    Latencies.percentileMillis(hops.get(i), 50),
                    Latencies.percentileMillis(hops.get(i), 99)));
        }
        return line.toString();
    }

    /**
     * The five wall-clock stamps (ms) of every webhook, one line each, to line the tail up with what else ran at that
     * moment (a CPU sampler, a service's log): the 5-second windows are too coarse for a stall of a few hundred ms.
     */
    void writeStamps(Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("sent ingest_relayed routing_assigned routing_relayed arrived");
            for (long[] at : stamps) {
                out.printf("%d %d %d %d %d%n", at[0], at[1], at[2], at[3], at[4]);
            }
        }
    }
}
