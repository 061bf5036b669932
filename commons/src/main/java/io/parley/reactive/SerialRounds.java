package io.parley.reactive;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs a job's rounds one at a time. Asking while a round runs is neither lost nor queued once per caller: it makes the
 * running job do one more round when the current one ends. Outbox relays use it, woken once per committed write and
 * publishing whatever those writes left in as few rounds as it takes.
 */
public final class SerialRounds {
    /** What a round did, and whether it knows that more is waiting (a full batch). */
    public record Round(int done, boolean more) {}

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final Supplier<Uni<Round>> round;

    public SerialRounds(Supplier<Uni<Round>> round) {
        this.round = round;
    }

    /**
     * On subscription, runs rounds until none is asked for, or, if they already run, asks them for one more and
     * completes at once. Nothing happens without a subscription: a run started but never subscribed would hold the
     * rounds as running for good.
     *
     * @return how much this call's rounds did (0 when it only asked)
     */
    public Uni<Integer> request() {
        return Uni.createFrom().deferred(() -> {
            again.set(true);
            return runIfIdle();
        });
    }

    /**
     * Asks the rounds already running for one more, for a caller that would start them elsewhere (on a context of its
     * own) otherwise.
     *
     * @return false when none runs: the caller subscribes to {@link #request()} then
     */
    public boolean askRunning() {
        again.set(true);
        // Read after the write, as the ending run clears running before it reads again: one of the two sees the other.
        return running.get();
    }

    public boolean isRunning() {
        return running.get();
    }

    private Uni<Integer> runIfIdle() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return rounds(0)
                .onTermination()
                .invoke(() -> running.set(false))
                // A request that came after the last round looked and before running was cleared.
                .flatMap(done -> again.get()
                        ? runIfIdle().map(more -> done + more)
                        : Uni.createFrom().item(done));
    }

    private Uni<Integer> rounds(int done) {
        if (!again.getAndSet(false)) {
            return Uni.createFrom().item(done);
        }
        return Uni.createFrom().<Round>deferred(round::get).flatMap(result -> {
            if (result.more()) {
                again.set(true);
            }
            return rounds(done + result.done());
        });
    }
}
