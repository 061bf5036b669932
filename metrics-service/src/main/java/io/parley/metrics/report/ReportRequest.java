package io.parley.metrics.report;

import io.parley.problem.ProblemException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's range, time zone, grouping and filters, checked, with the caller's scope already applied to the filters:
 * a supervisor asking for a team outside theirs, or an agent for someone else's figures, is refused here.
 *
 * @param teams empty = any team
 */
public record ReportRequest(
        Instant from,
        Instant to,
        ZoneId zone,
        Dimension groupBy,
        Bucket bucket,
        String inbox,
        String channel,
        List<String> teams,
        String agent,
        String tag,
        String priority) {

    public static ReportRequest of(ReportParams params, ReportScope scope) {
        ZoneId zone = zone(params.timeZone);
        if (params.from == null || params.to == null) {
            throw ProblemException.badRequest("from and to are required: dates (2026-11-02) or instants");
        }
        Instant from = instant("from", params.from, zone);
        Instant to = instant("to", params.to, zone);
        if (!to.isAfter(from)) {
            throw ProblemException.badRequest("to must be after from");
        }
        Bucket bucket = Bucket.parse(params.bucket);
        if (bucket == Bucket.HOUR && Duration.between(from, to).compareTo(Bucket.LONGEST_HOURLY_RANGE) > 0) {
            throw ProblemException.badRequest("hourly buckets cover at most 92 days; use day, week or month");
        }
        List<String> teams = new ArrayList<>(params.team == null ? List.of() : params.team);
        teams.removeIf(t -> t == null || t.isBlank());
        if (!scope.teams().isEmpty()) {
            for (String team : teams) {
                if (!scope.seesTeam(team)) {
                    throw new io.quarkus.security.ForbiddenException("You do not supervise team " + team + ".");
                }
            }
            if (teams.isEmpty()) {
                teams.addAll(scope.teams());
            }
        }
        String agent = blankToNull(params.agent);
        if (scope.agent() != null) {
            if (agent != null && !agent.equals(scope.agent())) {
                throw new io.quarkus.security.ForbiddenException("Agents see only their own figures.");
            }
            agent = scope.agent();
        }
        return new ReportRequest(
                from,
                to,
                zone,
                Dimension.parse(params.groupBy),
                bucket,
                blankToNull(params.inbox),
                blankToNull(params.channel),
                List.copyOf(teams),
                agent,
                blankToNull(params.tag),
                blankToNull(params.priority));
    }

    static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("timeZone must be an IANA time zone such as Europe/Berlin");
        }
    }

    private static Instant instant(String name, String value, ZoneId zone) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(
                    name + " must be a date (2026-11-02) or an instant (2026-11-02T08:00:00Z)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
