package io.parley.reactive;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Kafka acknowledgements complete on the producer's I/O thread. Hibernate Reactive sessions may only be used on the
 * Vert.x context that opened them, so whatever follows an ack must hop back there first.
 */
public final class CallerContext {
    private CallerContext() {}

    public static <T> Uni<T> resumeOnCallerContext(Uni<T> uni) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return uni;
        }
        return uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
