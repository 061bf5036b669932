package io.parley.gateway.validation;

import io.parley.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
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
        java.util.List<String> fields = new java.util.ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() != ElementKind.METHOD
                    && node.getKind() != ElementKind.PARAMETER
                    && node.getName() != null) {
                fields.add(node.getName());
            }
        }
        return (fields.isEmpty() ? "body" : String.join(".", fields)) + ": " + violation.getMessage();
    }

    /**
     * Checks a request's constraints where the resource chooses to (after an authorisation check that must come first);
     * a violation answers 422 as above, a missing body too.
     */
    public static void check(Validator validator, Object request) {
        if (request == null) {
            throw ProblemException.unprocessable("A request body is required.");
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
