package io.parley.stack.bench;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Where a webhook's time to assignment goes, from wall-clock stamps the run already has: the bench's send, the
 * inbound record's timestamp (ingest's relay sending it), the assigned event's occurredAt (the clock routing read when
 * it took the message's record: the assignment itself comes in the queue pass at the end of the batch), that event's
 * record timestamp (routing's relay sending it after the commit) and its arrival here. Stamps are milliseconds, so each
 * hop is only good to a millisecond or so.
 */
final class Hops {
    private static final List<String> NAMES = List.of(
            "ingest", "routing until its record's turn", "rest of its batch, commit, relay", "Kafka to the bench");

    private final List<ConcurrentLinkedQueue<Long>> hops = List.of(
            new ConcurrentLinkedQueue<>(),
            new ConcurrentLinkedQueue<>(),
            new ConcurrentLinkedQueue<>(),
            new ConcurrentLinkedQueue<>());

    void add(long sent, long relayedByIngest, long assigned, long relayedByRouting, long arrived) {
        long[] stamps = {sent, relayedByIngest, assigned, relayedByRouting, arrived};
        for (int i = 0; i < NAMES.size(); i++) {
            hops.get(i).add((stamps[i + 1] - stamps[i]) * 1_000_000L);
        }
    }

    void clear() {
        hops.forEach(ConcurrentLinkedQueue::clear);
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
}
