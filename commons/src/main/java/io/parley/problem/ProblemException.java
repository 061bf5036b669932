package io.parley.problem;

import jakarta.ws.rs.core.Response;

/** Thrown by services to end a request with a problem response; the detail is shown to the caller, so no secrets. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final String type;

    public ProblemException(Response.Status status, String detail) {
        this(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, "about:blank");
    }

    /** @param type a URI naming this kind of problem, for clients that act on it (RFC 7807 "type") */
    public ProblemException(int status, String title, String detail, String type) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public Problem problem() {
        return new Problem(type, title, status, getMessage());
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Response.Status.NOT_FOUND, detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Response.Status.UNAUTHORIZED, detail);
    }

    /** Well-formed but not acceptable: required fields missing or values out of range. */
    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "Unprocessable Content", detail);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(Response.Status.SERVICE_UNAVAILABLE, detail);
    }
}
