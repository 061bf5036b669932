package io.parley.gateway.validation;

import io.parley.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request that breaks its Bean Validation constraints gets 422 problem+json naming each field and what is wrong,
 * like every other unacceptable value the API refuses (not the validator's own report format).
 */
public class ValidationProblems {
    @ServerExceptionMapper(priority = 1)
    public Response invalid(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(ValidationProblems::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        return ProblemException.unprocessable(detail.isEmpty() ? "The request is not valid." : detail)
                .problem()
                .toResponse();
    }

    /** "text: must not be blank" — the field's name, without the method and parameter it was found through. */
    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        String field =
                parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : "body";
        return field + ": " + violation.getMessage();
    }
}
