package io.parley.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Every error leaves a Parley service as problem+json, without stack traces or exception class names. */
public final class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private ProblemMappers() {}

    @Provider
    public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            Response response = e.problem().toResponse();
            if (e.status() == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
                return Response.fromResponse(response)
                        .header("Retry-After", "5")
                        .build();
            }
            return response;
        }
    }

    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            Response.StatusType status = original.getStatusInfo();
            // Framework messages can quote internals; the reason phrase plus our own wording is enough.
            String detail = switch (status.getStatusCode()) {
                case 400 -> "The request could not be read.";
                case 404 -> "No such resource.";
                case 405 -> "This method is not allowed here.";
                case 406 -> "No acceptable representation.";
                case 413 -> "The request body is too large.";
                case 415 -> "This content type is not supported here.";
                default -> status.getReasonPhrase();
            };
            Response.ResponseBuilder builder = Response.fromResponse(original)
                    .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail))
                    .type(Problem.PROBLEM_JSON);
            return builder.build();
        }
    }

    @Provider
    public static class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return Problem.of(Response.Status.BAD_REQUEST, "Malformed JSON: " + e.getOriginalMessage())
                    .toResponse();
        }
    }

    @Provider
    /** Throwable, not Exception: the reactive clients fail with Throwables too (Vert.x's NoStackTraceThrowable). */
    public static class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            LOG.error("unexpected failure while handling a request", e);
            return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "Unexpected error; it has been logged.")
                    .toResponse();
        }
    }
}
