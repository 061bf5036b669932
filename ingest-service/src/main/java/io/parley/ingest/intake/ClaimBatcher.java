package io.parley.ingest.intake;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Group commit for intake claims. A claim arriving while {@code maxInFlight} statements are already running waits and
 * goes out with the others that arrived meanwhile, in one statement: at low load every claim has its own statement
 * and waits for nothing; under load PostgreSQL sees a few large statements instead of one commit per webhook, which
 * cut its CPU per webhook to a third in bench/ingest (docs/benchmarks.md).
 *
 * <p>A batch that fails is retried claim by claim, so that one claim the database refuses cannot fail the webhooks that
 * happened to share its statement.
 */
final class ClaimBatcher<C, R> {
    private final int maxInFlight;
    private final int maxBatch;
    private final Function<List<C>, Uni<List<R>>> statement;

    private final List<Waiting<C, R>> waiting = new ArrayList<>();
    private int inFlight;

    /** @param statement runs one batch; its result has one entry per claim, in order */
    ClaimBatcher(int maxInFlight, int maxBatch, Function<List<C>, Uni<List<R>>> statement) {
        this.maxInFlight = maxInFlight;
        this.maxBatch = maxBatch;
        this.statement = statement;
    }

    Uni<R> submit(C claim) {
        return Uni.createFrom().emitter(emitter -> {
            List<Waiting<C, R>> batch;
            synchronized (this) {
                waiting.add(new Waiting<>(claim, emitter));
                batch = takeBatch();
            }
            if (batch != null) {
                run(batch);
            }
        });
    }

    private List<Waiting<C, R>> takeBatch() {
        if (waiting.isEmpty() || inFlight >= maxInFlight) {
            return null;
        }
        inFlight++;
        int size = Math.min(maxBatch, waiting.size());
        List<Waiting<C, R>> batch = new ArrayList<>(waiting.subList(0, size));
        waiting.subList(0, size).clear();
        return batch;
    }

    private void run(List<Waiting<C, R>> batch) {
        Uni<List<R>> results;
        try {
            results = statement.apply(batch.stream().map(Waiting::claim).toList());
        } catch (RuntimeException e) {
            results = Uni.createFrom().failure(e);
        }
        results.subscribe()
                .with(
                        list -> {
                            finished();
                            for (int i = 0; i < batch.size(); i++) {
                                batch.get(i).emitter().complete(list.get(i));
                            }
                        },
                        failure -> {
                            finished();
                            if (batch.size() == 1) {
                                batch.get(0).emitter().fail(failure);
                            } else {
                                batch.forEach(this::alone);
                            }
                        });
    }

    private void alone(Waiting<C, R> one) {
        statement
                .apply(List.of(one.claim()))
                .subscribe()
                .with(list -> one.emitter().complete(list.get(0)), one.emitter()::fail);
    }

    /** Frees the slot and, if claims queued up meanwhile, sends them at once. */
    private void finished() {
        List<Waiting<C, R>> next;
        synchronized (this) {
            inFlight--;
            next = takeBatch();
        }
        if (next != null) {
            run(next);
        }
    }

    private record Waiting<C, R>(C claim, UniEmitter<? super R> emitter) {}
}
