package io.parley.ingest.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final RateLimiter limiter = new RateLimiter(now::get);

    @Test
    void spacesSendsOfOneInboxByTheRateInterval() {
        assertEquals(Duration.ZERO, limiter.reserve("wa", 80));
        assertEquals(Duration.ofNanos(12_500_000), limiter.reserve("wa", 80));
        assertEquals(Duration.ofNanos(25_000_000), limiter.reserve("wa", 80));
    }

    @Test
    void timeThatPassedIsNotOwed() {
        limiter.reserve("tg", 20);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(Duration.ZERO, limiter.reserve("tg", 20));
        assertEquals(Duration.ofMillis(50), limiter.reserve("tg", 20));
    }

    @Test
    void inboxesDoNotShareTheirBudget() {
        limiter.reserve("a", 1);
        assertEquals(Duration.ZERO, limiter.reserve("b", 1));
        assertEquals(Duration.ofSeconds(1), limiter.reserve("a", 1));
    }

    @Test
    void waitsShorterThanAMillisecondStillWaitOne() {
        assertEquals(Duration.ofMillis(1), RateLimiter.timerDelay(Duration.ofNanos(400)));
        assertEquals(Duration.ofMillis(1), RateLimiter.timerDelay(Duration.ofNanos(1_000_000)));
        assertEquals(Duration.ofMillis(13), RateLimiter.timerDelay(Duration.ofNanos(12_500_000)));
    }
}
