package io.parley.security;

import io.parley.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 and 403 as problem+json in every service; 401 also tells the client to bring a bearer token. */
public class SecurityProblems {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized("A valid bearer token from the parley realm is required.");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized("The bearer token is invalid or expired.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail =
                e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : "Your role does not allow this.";
        return Problem.of(Response.Status.FORBIDDEN, detail).toResponse();
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(
                        Problem.of(Response.Status.UNAUTHORIZED, detail).toResponse())
                .header("WWW-Authenticate", "Bearer realm=\"parley\"")
                .build();
    }
}
