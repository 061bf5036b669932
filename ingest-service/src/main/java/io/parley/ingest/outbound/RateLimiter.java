package io.parley.ingest.outbound;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Paces each inbox's sends to its channel's rate: every send reserves the next free slot, one interval after the
 * previous one, and waits for it. In one instance; several instances share a channel's limit only if it is divided
 * among them.
 */
@ApplicationScoped
public class RateLimiter {
    private final ConcurrentHashMap<String, long[]> nextSlot = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public RateLimiter() {
        this(System::nanoTime);
    }

    RateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    public Uni<Void> acquire(String inboxId, int perSecond) {
        Duration wait = reserve(inboxId, perSecond);
        return wait.isZero()
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(timerDelay(wait));
    }

    /**
     * The wait as a timer can take it: Vert.x timers count whole milliseconds, at least one, and refuse less (a
     * reservation a few microseconds away failed the reply). Rounded up, so no slot is taken early.
     */
    static Duration timerDelay(Duration wait) {
        return Duration.ofMillis(Math.max(1, (wait.toNanos() + 999_999) / 1_000_000));
    }

    /** How long the caller must wait for its slot. */
    Duration reserve(String inboxId, int perSecond) {
        long interval = 1_000_000_000L / Math.max(1, perSecond);
        long[] slot = nextSlot.computeIfAbsent(inboxId, id -> new long[] {Long.MIN_VALUE});
        synchronized (slot) {
            long now = nanoClock.getAsLong();
            long at = slot[0] == Long.MIN_VALUE ? now : Math.max(now, slot[0]);
            slot[0] = at + interval;
            return Duration.ofNanos(at - now);
        }
    }
}
