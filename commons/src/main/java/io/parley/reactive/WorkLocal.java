package io.parley.reactive;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * A value that belongs to one piece of reactive work, such as a consumer batch's transaction: kept on the Vert.x context
 * the work runs on, which every step of it (Hibernate Reactive's included) resumes on, and visible to the code it calls
 * without being passed down through every signature. Outside such work, {@link #get} is null.
 */
public final class WorkLocal<T> {
    private final String key;

    /** @param key unique among the context's locals, e.g. "parley.outbox.pending" */
    public WorkLocal(String key) {
        this.key = key;
    }

    /** The value of the work running on this context, or null. */
    public T get() {
        Context context = Vertx.currentContext();
        return context == null ? null : context.getLocal(key);
    }

    /**
     * Runs {@code work} with {@code value} set, on subscription; the value is removed when the work ends, however it
     * ends. Call on a Vert.x context.
     */
    public <R> Uni<R> during(T value, Supplier<? extends Uni<? extends R>> work) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            if (context == null) {
                throw new IllegalStateException(key + ": not on a Vert.x context");
            }
            context.putLocal(key, value);
            return Uni.createFrom().<R>deferred(work::get).eventually(() -> context.removeLocal(key));
        });
    }
}
