package io.parley.gateway.live;

import io.parley.problem.ProblemException;
import java.util.Arrays;

/**
 * Where a live stream stands: for each partition of the conversation events topic, the offset of the next event. It
 * is the SSE id of every event, so a client that reconnects with Last-Event-ID resumes where it was, on any replica
 * (every replica reads the same partitions and offsets). Written as the offsets joined by dots, partition 0 first.
 */
public final class StreamPosition {
    private final long[] next;

    private StreamPosition(long[] next) {
        this.next = next;
    }

    public static StreamPosition of(long[] next) {
        return new StreamPosition(next.clone());
    }

    /** @throws ProblemException 400 when the id is not a position of this topic's partitions */
    public static StreamPosition parse(String id, int partitions) {
        String[] parts = id.trim().split("\\.");
        if (parts.length != partitions) {
            throw ProblemException.badRequest("Last-Event-ID is not a position of this stream.");
        }
        long[] next = new long[partitions];
        try {
            for (int i = 0; i < partitions; i++) {
                next[i] = Long.parseLong(parts[i]);
                if (next[i] < 0) {
                    throw ProblemException.badRequest("Last-Event-ID is not a position of this stream.");
                }
            }
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Last-Event-ID is not a position of this stream.");
        }
        return new StreamPosition(next);
    }

    public int partitions() {
        return next.length;
    }

    public long next(int partition) {
        return next[partition];
    }

    /** This position once the event at {@code offset} of {@code partition} has been read. */
    public StreamPosition after(int partition, long offset) {
        long[] moved = next.clone();
        moved[partition] = Math.max(moved[partition], offset + 1);
        return new StreamPosition(moved);
    }

    /** Whether the event at {@code offset} of {@code partition} comes after this position (not yet seen). */
    public boolean precedes(int partition, long offset) {
        return offset >= next[partition];
    }

    /** Whether every partition is at least as far as {@code other}'s. */
    public boolean reached(StreamPosition other) {
        for (int i = 0; i < next.length; i++) {
            if (next[i] < other.next[i]) {
                return false;
            }
        }
        return true;
    }

    public String id() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < next.length; i++) {
            if (i > 0) {
                id.append('.');
            }
            id.append(next[i]);
        }
        return id.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamPosition other && Arrays.equals(next, other.next);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(next);
    }

    @Override
    public String toString() {
        return id();
    }
}
