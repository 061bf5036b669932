package io.parley.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rounds are completed by hand here, so the test decides what is still running when a request comes. */
class SerialRoundsTest {
    private final List<UniEmitter<? super SerialRounds.Round>> started = new ArrayList<>();
    private final SerialRounds rounds = new SerialRounds(() -> Uni.createFrom().emitter(started::add));

    @Test
    void requestsDuringARoundMakeOneMoreRoundNotOneEach() {
        AtomicInteger done = new AtomicInteger(-1);
        rounds.request().subscribe().with(done::set);
        assertEquals(1, started.size());
        assertTrue(rounds.isRunning());

        rounds.request().await().atMost(Duration.ofSeconds(1));
        rounds.request().await().atMost(Duration.ofSeconds(1));
        assertEquals(1, started.size(), "no second round while the first runs");

        started.get(0).complete(new SerialRounds.Round(3, false));
        assertEquals(2, started.size(), "one more round for both requests");
        started.get(1).complete(new SerialRounds.Round(2, false));

        assertEquals(5, done.get());
        assertFalse(rounds.isRunning());
        assertEquals(2, started.size());
    }

    @Test
    void aFullBatchIsFollowedByAnotherRound() {
        AtomicInteger done = new AtomicInteger(-1);
        rounds.request().subscribe().with(done::set);
        started.get(0).complete(new SerialRounds.Round(256, true));
        assertEquals(2, started.size());
        started.get(1).complete(new SerialRounds.Round(10, false));
        assertEquals(266, done.get());
        assertFalse(rounds.isRunning());
    }

    @Test
    void aFailedRoundEndsTheRunAndTheNextRequestStartsAgain() {
        List<Throwable> failures = new ArrayList<>();
        rounds.request().subscribe().with(ignored -> {}, failures::add);
        started.get(0).fail(new IllegalStateException("broker away"));
        assertEquals(1, failures.size());
        assertFalse(rounds.isRunning());

        rounds.request().subscribe().with(ignored -> {});
        assertEquals(2, started.size());
    }

    @Test
    void aRequestNobodySubscribesToStartsNothingAndBlocksNothing() {
        rounds.request();
        assertFalse(rounds.isRunning());
        assertFalse(rounds.askRunning());

        rounds.request().subscribe().with(ignored -> {});
        assertEquals(1, started.size());
        assertTrue(rounds.askRunning());
        started.get(0).complete(new SerialRounds.Round(1, false));
        assertEquals(2, started.size(), "the ask made one more round");
    }
}
