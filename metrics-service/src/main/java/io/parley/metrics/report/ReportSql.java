package io.parley.metrics.report;

import io.parley.metrics.rollup.RollupSql;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One report query: the sums (tallies) or the timings' histograms of the request's reporting events, per group and
 * bucket, over its range and filters. Where a {@link RollupPlan} applies, the whole days and months come from the
 * rollups, and reporting_event gives the partial days at either end and the events the rollups have not summed yet;
 * otherwise reporting_event gives everything. Both sides produce the same columns, summed once more on the way out.
 * Only fixed text becomes SQL; every value the caller gave is a parameter.
 */
final class ReportSql {
    /** Sums per group, bucket, name, detail and facet: what every count, rate and average is made from. */
    private static final String TALLY_COLUMNS = "name, detail, facet, n, value_sum, value_n, business_sum, business_n";

    private static final String RAW_TALLIES = "e.name, coalesce(e.detail, '') as detail, " + RollupSql.FACET
            + " as facet, count(*) as n, coalesce(sum(e.value), 0) as value_sum, count(e.value) as value_n,"
            + " coalesce(sum(e.business_value), 0) as business_sum, count(e.business_value) as business_n";

    private static final String TALLY_SUMS =
            "name, detail, facet, sum(n)::int8 as n, sum(value_sum)::int8 as value_sum,"
                    + " sum(value_n)::int8 as value_n, sum(business_sum)::int8 as business_sum,"
                    + " sum(business_n)::int8 as business_n";

    /**
     * Values per bin, per group, bucket, timing and measure, packed in arrays in bin order: what percentiles are read
     * from. A key may come in several rows (days, months, the rest of the range); they are merged on the way out. A
     * rollup row holds its own median and p90 too (null from reporting_event).
     */
    private static final String BIN_COLUMNS = "name, measure, bins, counts, least_values, greatest_values, median, p90";

    /**
     * A key answered by one rollup row whole gives its median and p90 and no bins (they stay unread in PostgreSQL);
     * every other row gives its bins.
     */
    private static final String ONE_ROW_PERCENTILES = "select grp, bucket, name, measure,"
            + " case when parts = 1 and median is not null then null else bins end as bins,"
            + " case when parts = 1 and median is not null then null else counts end as counts,"
            + " case when parts = 1 and median is not null then null else least_values end as least_values,"
            + " case when parts = 1 and median is not null then null else greatest_values end as greatest_values,"
            + " case when parts = 1 then median end as median, case when parts = 1 then p90 end as p90"
            + " from (select h.*, count(*) over (partition by grp, bucket, name, measure) as parts from (";

    private static final String RAW_BINS =
            "e.name, m.measure, report_bin(m.x) as bin, count(*) as n," + " min(m.x) as lo, max(m.x) as hi";

    private static final String PACKED_BINS = "name, measure, array_agg(bin order by bin) as bins,"
            + " array_agg(n order by bin) as counts, array_agg(lo order by bin) as least_values,"
            + " array_agg(hi order by bin) as greatest_values, null::float8 as median, null::float8 as p90";

    private final List<Object> params = new ArrayList<>();
    private final String sql;

    static ReportSql tallies(ReportRequest request, List<String> names, Optional<RollupPlan> plan) {
        return new ReportSql(request, names, plan, false);
    }

    static ReportSql histograms(ReportRequest request, List<String> names, Optional<RollupPlan> plan) {
        return new ReportSql(request, names, plan, true);
    }

    /** The reporting events themselves, oldest first, for the export. */
    static ReportSql listing(ReportRequest request, List<String> names, String columns) {
        return new ReportSql(request, names, columns);
    }

    private ReportSql(ReportRequest request, List<String> names, String columns) {
        sql = "select " + columns + " from reporting_event e"
                + rawWhere(request, names, request.from(), request.to(), null) + " order by e.occurred_at, e.event_id";
    }

    private ReportSql(ReportRequest request, List<String> names, Optional<RollupPlan> plan, boolean bins) {
        List<String> branches = new ArrayList<>();
        if (plan.isEmpty()) {
            branches.add(raw(request, names, request.from(), request.to(), null, bins));
        } else {
            RollupPlan p = plan.get();
            branches.add(rollup(request, names, p, "d", p.firstDay(), p.firstMonth(), bins));
            branches.add(rollup(request, names, p, "m", p.firstMonth(), p.endMonth(), bins));
            branches.add(rollup(request, names, p, "d", p.endMonth(), p.endDay(), bins));
            if (request.from().isBefore(p.coveredFrom())) {
                branches.add(raw(request, names, request.from(), p.coveredFrom(), null, bins));
            }
            if (p.coveredTo().isBefore(request.to())) {
                branches.add(raw(request, names, p.coveredTo(), request.to(), null, bins));
            }
            // A zone not registered yet (the refresher's first run) has summed nothing.
            String notYetSummed = " and e.seq > coalesce((select rolled_up_to from report_zone where zone = "
                    + param(request.zone().getId()) + "), 0)";
            branches.add(raw(request, names, p.coveredFrom(), p.coveredTo(), notYetSummed, bins));
        }
        sql = bins
                ? ONE_ROW_PERCENTILES + String.join(" union all ", branches) + ") h) w"
                : "select grp, bucket, " + TALLY_SUMS + " from (" + String.join(" union all ", branches)
                        + ") x group by grp, bucket, name, detail, facet";
    }

    /** Rows of one period of the rollups, [from, to) in local dates. */
    private String rollup(
            ReportRequest request,
            List<String> names,
            RollupPlan plan,
            String period,
            LocalDate from,
            LocalDate to,
            boolean bins) {
        StringBuilder b = new StringBuilder("select ")
                .append(rollupGroup(request.groupBy()))
                .append(" as grp, ")
                .append(rollupBucket(request.bucket()))
                .append(" as bucket, ")
                .append(bins ? BIN_COLUMNS : TALLY_COLUMNS)
                .append(bins ? " from report_histogram r" : " from report_rollup r")
                .append(" where r.zone = ")
                .append(param(request.zone().getId()))
                .append(" and r.grouping = ")
                .append(param((short) plan.grouping()))
                .append(" and r.period = '")
                .append(period) // fixed text: "d" or "m"
                .append("' and r.starts >= ")
                .append(param(from))
                .append(" and r.starts < ")
                .append(param(to))
                .append(" and r.name = any(")
                .append(param(names.toArray(String[]::new)))
                .append("::text[])");
        if (!request.teams().isEmpty()) {
            b.append(" and r.team = any(")
                    .append(param(request.teams().toArray(String[]::new)))
                    .append("::text[])");
        }
        String filtered = plan.dimension() == null ? null : filterValue(request, plan.dimension());
        if (filtered != null) {
            b.append(" and r.dim_value = ").append(param(filtered));
        }
        return b.toString();
    }

    private static String filterValue(ReportRequest request, Dimension d) {
        return switch (d) {
            case AGENT -> request.agent();
            case INBOX -> request.inbox();
            case CHANNEL -> request.channel();
            case PRIORITY -> request.priority();
            default -> null;
        };
    }

    private static String rollupGroup(Dimension groupBy) {
        return switch (groupBy) {
            case NONE -> "null::text";
            case TEAM -> "nullif(r.team, '')";
            default -> "nullif(r.dim_value, '')";
        };
    }

    private static String rollupBucket(Bucket bucket) {
        return switch (bucket) {
            case NONE -> "null::timestamp";
            case DAY -> "r.starts::timestamp";
            case WEEK -> "date_trunc('week', r.starts::timestamp)";
            case MONTH -> "date_trunc('month', r.starts::timestamp)";
            case HOUR -> throw new IllegalArgumentException("hourly reports read reporting_event");
        };
    }

    /** reporting_event's rows of [from, to), aggregated per group and bucket. */
    private String raw(
            ReportRequest request, List<String> names, Instant from, Instant to, String extra, boolean bins) {
        String zone =
                request.bucket() == Bucket.NONE ? null : param(request.zone().getId());
        StringBuilder tables = new StringBuilder(" from reporting_event e");
        if (request.groupBy() == Dimension.TAG) {
            tables.append(" join report_conversation_tag t on t.conversation_id = e.conversation_id");
        }
        if (bins) {
            tables.append(RollupSql.measures("e"));
        }
        String where = rawWhere(request, names, from, to, extra) + (bins ? " and m.x is not null" : "");
        String grouped = "select " + request.groupBy().column + " as grp, "
                + request.bucket().expression(zone) + " as bucket, " + (bins ? RAW_BINS : RAW_TALLIES) + tables + where
                + " group by 1, 2, 3, 4, 5";
        return bins ? "select grp, bucket, " + PACKED_BINS + " from (" + grouped + ") b group by 1, 2, 3, 4" : grouped;
    }

    private String rawWhere(ReportRequest request, List<String> names, Instant from, Instant to, String extra) {
        StringBuilder where = new StringBuilder(" where e.occurred_at >= " + param(utc(from)) + " and e.occurred_at < "
                + param(utc(to)) + " and e.name = any(" + param(names.toArray(String[]::new)) + "::text[])");
        if (extra != null) {
            where.append(extra);
        }
        if (request.inbox() != null) {
            where.append(" and e.inbox_id = ").append(param(request.inbox()));
        }
        if (request.channel() != null) {
            where.append(" and e.channel = ").append(param(request.channel()));
        }
        if (!request.teams().isEmpty()) {
            where.append(" and e.team = any(")
                    .append(param(request.teams().toArray(String[]::new)))
                    .append("::text[])");
        }
        if (request.agent() != null) {
            where.append(" and e.agent = ").append(param(request.agent()));
        }
        if (request.priority() != null) {
            where.append(" and e.priority = ").append(param(request.priority()));
        }
        if (request.tag() != null) {
            where.append(" and exists (select 1 from report_conversation_tag f where f.conversation_id"
                            + " = e.conversation_id and f.tag = ")
                    .append(param(request.tag()))
                    .append(")");
        }
        return where.toString();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private String param(Object value) {
        params.add(value);
        return "$" + params.size();
    }

    String sql() {
        return sql;
    }

    Tuple tuple() {
        return Tuple.from(params);
    }

    /** part ÷ whole × 100, to hundredths; null when whole is 0. */
    static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 100.0;
    }
}
