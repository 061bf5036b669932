package io.parley.routing.support;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Replaces routing's system clock in tests (it outranks the default bean): it runs with real time, plus whatever a test
 * moved it by, so SLA due dates, business hours and snoozes can be crossed without waiting for them.
 */
@Singleton
public class MutableClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Pins the clock at an instant (real time stops moving it) until {@link #reset()}. */
    public void set(Instant at) {
        fixed.set(at);
    }

    public void reset() {
        offset.set(Duration.ZERO);
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant pinned = fixed.get();
        return (pinned != null ? pinned : Instant.now()).plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("routing works in UTC");
    }
}
