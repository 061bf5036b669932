package io.parley.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is answered 413 as a problem like every other error: declared
 * sizes before the body is read, and bodies that turn out too large while streaming through the router's error handler.
 */
@ApplicationScoped
public class BodyLimitProblem {
    static final int STATUS = 413;
    static final String DETAIL = "The body is larger than this endpoint takes";

    private final Optional<MemorySize> limit;

    public BodyLimitProblem(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit;
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route().order(Integer.MIN_VALUE).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && tooLarge(declared, max.asLongValue())) {
                respond(context, max.asLongValue());
            } else {
                context.next();
            }
        }));
        router.errorHandler(
                STATUS,
                context -> respond(context, limit.map(MemorySize::asLongValue).orElse(-1L)));
    }

    private static boolean tooLarge(String declared, long max) {
        try {
            return Long.parseLong(declared.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void respond(RoutingContext context, long max) {
        if (context.response().headWritten()) {
            return;
        }
        String detail = max > 0 ? DETAIL + " (" + max + " bytes)." : DETAIL + ".";
        context.response()
                .setStatusCode(STATUS)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"" + detail
                        + "\"}");
    }
}
