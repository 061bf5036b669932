package io.parley.reactive;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs work on a Vert.x context of its own: a reactive Hibernate session, and whatever else is kept in context locals,
 * belongs to the context it was opened on, so work started from a busy caller (a consumer handing its batch's events
 * to a relay) must not run on the caller's.
 */
public final class OwnContext {
    private OwnContext() {}

    /**
     * On subscription, runs {@code work} on a new duplicated context and emits its outcome on the subscriber's context
     * (where there is one).
     */
    public static <T> Uni<T> run(Vertx vertx, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Context own = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(own, true);
            Uni<T> ran = Uni.createFrom()
                    .emitter(emitter ->
                            own.runOnContext(ignored -> work.get().subscribe().with(emitter::complete, emitter::fail)));
            return caller == null ? ran : ran.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }
}
