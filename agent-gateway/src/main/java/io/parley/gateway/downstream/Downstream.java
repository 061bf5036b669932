package io.parley.gateway.downstream;

import io.parley.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * What a caller sees when a service behind the gateway fails: its 4xx answers pass through as problems of their own,
 * anything else becomes a 502 or 503 naming the service, never the failure's internals.
 */
public final class Downstream {
    private static final Logger LOG = Logger.getLogger(Downstream.class);

    public static final String ROUTING = "routing-service";
    public static final String INGEST = "ingest-service";
    public static final String METRICS = "metrics-service";

    private Downstream() {}

    public static <T> Uni<T> call(String service, Uni<T> call) {
        return call.onFailure().transform(failure -> translate(service, failure));
    }

    /** A streamed answer (a CSV export): a failure before its first line becomes the same problem as a call's. */
    public static <T> io.smallrye.mutiny.Multi<T> stream(String service, io.smallrye.mutiny.Multi<T> stream) {
        return stream.onFailure().transform(failure -> translate(service, failure));
    }

    static RuntimeException translate(String service, Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 404) {
                return ProblemException.notFound("Not found.");
            }
            if (status >= 400 && status < 500) {
                String detail = web.getResponse().hasEntity() ? readDetail(web) : "Rejected by " + service + ".";
                return new ProblemException(status, reason(status), detail);
            }
            LOG.warnf("%s answered %d", service, status);
            return new ProblemException(Response.Status.BAD_GATEWAY, service + " failed; try again later.");
        }
        LOG.warnf("%s unreachable: %s", service, failure.getMessage());
        return ProblemException.unavailable(service + " is unavailable; try again later.");
    }

    /** JAX-RS has no constant for 422, the answer routing gives most often. */
    static String reason(int status) {
        if (status == 422) {
            return "Unprocessable Content";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Client Error" : known.getReasonPhrase();
    }

    private static String readDetail(WebApplicationException web) {
        try {
            com.fasterxml.jackson.databind.JsonNode body =
                    web.getResponse().readEntity(com.fasterxml.jackson.databind.JsonNode.class);
            return body.path("detail").asText("Rejected.");
        } catch (RuntimeException e) {
            return "Rejected.";
        }
    }
}
