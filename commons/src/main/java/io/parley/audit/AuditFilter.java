package io.parley.audit;

import io.parley.problem.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The query parameters of a service's {@code GET /audit}, all optional; a {@code @BeanParam}. */
public class AuditFilter {
    @QueryParam("actor")
    public String actor;

    @QueryParam("objectType")
    public String objectType;

    @QueryParam("objectId")
    public String objectId;

    /** ISO-8601 instant, inclusive. */
    @QueryParam("from")
    public String from;

    /** ISO-8601 instant, exclusive. */
    @QueryParam("to")
    public String to;

    @QueryParam("limit")
    @DefaultValue("100")
    public int limit;

    /** "{at}_{id}" of an entry: only the entries after it, in the order the log lists them (newest first, then id). */
    @QueryParam("after")
    public String after;

    public AuditTrail.Query toQuery() {
        return new AuditTrail.Query(
                actor, objectType, objectId, instant("from", from), instant("to", to), limit, position(after));
    }

    /** Filters made in code rather than read from a request. */
    public static AuditFilter of(
            String actor, String objectType, String objectId, String from, String to, int limit, String after) {
        AuditFilter filter = new AuditFilter();
        filter.actor = actor;
        filter.objectType = objectType;
        filter.objectId = objectId;
        filter.from = from;
        filter.to = to;
        filter.limit = limit;
        filter.after = after;
        return filter;
    }

    /** A copy of these filters that lists the entries after {@code position}. */
    public AuditFilter after(AuditTrail.Position position) {
        return of(actor, objectType, objectId, from, to, limit, position == null ? null : position.encode());
    }

    private static AuditTrail.Position position(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AuditTrail.Position.parse(value);
        } catch (RuntimeException e) {
            throw ProblemException.unprocessable("after must be an entry's position, {at}_{id}");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.unprocessable(name + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }
}
