package io.parley.metrics.report;

import io.parley.metrics.rollup.RollupSql;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Which part of a report the rollups can answer: the whole local days (and, without finer buckets, the whole months
 * among them) of the range, in a reporting zone, under the one grouping that holds the report's dimensions. The rest of
 * the range (a partial first or last day, or month where the grouping has no day rows) and whatever the rollups have not summed yet come from reporting_event.
 *
 * <p>Days [firstDay, firstMonth) and [endMonth, endDay) are read from day rows, [firstMonth, endMonth) from month rows;
 * firstMonth = endMonth when no month is whole or the buckets are days or weeks.
 *
 * @param grouping the rollup grouping (V4 migration): 0 everything, 1 team, 2–5 team and agent, inbox, channel,
 *     priority
 * @param dimension the second dimension of groupings 2–5 (its filter or group reads dim_value), else null
 */
record RollupPlan(
        int grouping,
        Dimension dimension,
        LocalDate firstDay,
        LocalDate firstMonth,
        LocalDate endMonth,
        LocalDate endDay,
        Instant coveredFrom,
        Instant coveredTo) {

    /** @param coverage which groupings the rollups read keep per day and per month */
    static Optional<RollupPlan> of(ReportRequest request, List<String> zones, RollupSql.Coverage coverage) {
        ZoneId zone = request.zone();
        if (!zones.contains(zone.getId())
                || request.bucket() == Bucket.HOUR
                || request.tag() != null
                || request.groupBy() == Dimension.TAG) {
            return Optional.empty();
        }
        Dimension second = null;
        for (Dimension d : List.of(Dimension.AGENT, Dimension.INBOX, Dimension.CHANNEL, Dimension.PRIORITY)) {
            if (request.groupBy() == d || filters(request, d)) {
                if (second != null) {
                    return Optional.empty(); // two dimensions besides the team: no rollup holds them together
                }
                second = d;
            }
        }
        int grouping;
        if (second != null) {
            grouping = 2
                    + List.of(Dimension.AGENT, Dimension.INBOX, Dimension.CHANNEL, Dimension.PRIORITY)
                            .indexOf(second);
        } else {
            grouping = request.groupBy() == Dimension.TEAM || !request.teams().isEmpty() ? 1 : 0;
        }
        if (!coverage.months().contains(grouping)) {
            return Optional.empty();
        }
        boolean dayRows = coverage.days().contains(grouping);
        if (!dayRows && (request.bucket() == Bucket.DAY || request.bucket() == Bucket.WEEK)) {
            return Optional.empty();
        }
        LocalDate firstDay = LocalDate.ofInstant(request.from(), zone);
        if (firstDay.atStartOfDay(zone).toInstant().isBefore(request.from())) {
            firstDay = firstDay.plusDays(1);
        }
        LocalDate endDay = LocalDate.ofInstant(request.to(), zone);
        if (!dayRows) { // whole months only
            if (firstDay.getDayOfMonth() != 1) {
                firstDay = firstDay.withDayOfMonth(1).plusMonths(1);
            }
            endDay = endDay.withDayOfMonth(1);
        }
        if (!endDay.isAfter(firstDay)) {
            return Optional.empty();
        }
        LocalDate firstMonth = endDay;
        LocalDate endMonth = endDay;
        if (request.bucket() == Bucket.NONE || request.bucket() == Bucket.MONTH) {
            LocalDate first = firstDay.getDayOfMonth() == 1
                    ? firstDay
                    : firstDay.withDayOfMonth(1).plusMonths(1);
            LocalDate end = endDay.withDayOfMonth(1);
            if (first.isBefore(end)) {
                firstMonth = first;
                endMonth = end;
            }
        }
        return Optional.of(new RollupPlan(
                grouping,
                second,
                firstDay,
                firstMonth,
                endMonth,
                endDay,
                firstDay.atStartOfDay(zone).toInstant(),
                endDay.atStartOfDay(zone).toInstant()));
    }

    private static boolean filters(ReportRequest request, Dimension d) {
        return switch (d) {
            case AGENT -> request.agent() != null;
            case INBOX -> request.inbox() != null;
            case CHANNEL -> request.channel() != null;
            case PRIORITY -> request.priority() != null;
            default -> false;
        };
    }
}
