package io.parley.metrics.rollup;

import io.parley.metrics.projection.ReportingEvent.Name;
import io.parley.metrics.report.ReportsConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Keeps the rollups (report_rollup, report_histogram) summed up to the newest committed reporting event, per reporting
 * time zone: every {@code parley.reports.rollup-interval} it adds the reporting events appended since, at most {@code
 * parley.reports.rollup-chunk} of them a transaction. Reports add what the rollups do not hold yet from
 * reporting_event itself, so a report is exact whether the refresher is behind or not. Each histogram row it writes
 * gets its median and p90 in the same transaction, for reports that one row answers whole.
 *
 * <p>A zone added to {@code parley.reports.zones} is summed from the first event on; a zone removed loses its rows.
 * Several replicas may run this at once: a chunk is claimed by moving its zone's rolled_up_to first.
 */
@ApplicationScoped
public class RollupRefresher {
    private static final Logger LOG = Logger.getLogger(RollupRefresher.class);

    /** A chunk's reporting events with their day and month in the zone ($1), '' for a missing dimension. */
    private static final String DIMENSIONS = "select (occurred_at at time zone $1::text)::date as day,"
            + " date_trunc('month', occurred_at at time zone $1::text)::date as month, name,"
            + " coalesce(detail, '') as detail, " + RollupSql.FACET + " as facet, coalesce(team, '') as team,"
            + " coalesce(agent, '') as agent, coalesce(inbox_id, '') as inbox, coalesce(channel, '') as channel,"
            + " coalesce(priority, '') as priority, value, business_value"
            + " from reporting_event where seq > $2 and seq <= $3";

    private static final String ROLLUP_KEY = "grouping, period, starts, team, dim_value, name, detail, facet";

    /** Sums per day or month ({@link GroupingSets}), then the months of the day-row groupings from their days. */
    private static final String ROLLUP = "with e as (" + DIMENSIONS + "),"
            + " a as (select " + GroupingSets.keys(RollupSql.TALLIES) + ", e.name, e.detail, e.facet, count(*) as n,"
            + " coalesce(sum(e.value), 0)::int8 as value_sum, count(e.value) as value_n,"
            + " coalesce(sum(e.business_value), 0)::int8 as business_sum, count(e.business_value) as business_n"
            + " from e" + GroupingSets.groupBy(RollupSql.TALLIES, "e.name, e.detail, e.facet") + "),"
            + " fresh as (select * from a union all select grouping, 'm'::char(1), date_trunc('month', starts)::date,"
            + " team, dim_value, name, detail, facet, sum(n)::int8, sum(value_sum)::int8, sum(value_n)::int8,"
            + " sum(business_sum)::int8, sum(business_n)::int8 from a where period = 'd'"
            + " group by 1, 2, 3, 4, 5, 6, 7, 8)"
            + " insert into report_rollup (zone, " + ROLLUP_KEY + ", n, value_sum, value_n, business_sum, business_n)"
            + " select $1::text, * from fresh on conflict (zone, " + ROLLUP_KEY + ") do update set"
            + " n = report_rollup.n + excluded.n, value_sum = report_rollup.value_sum + excluded.value_sum,"
            + " value_n = report_rollup.value_n + excluded.value_n,"
            + " business_sum = report_rollup.business_sum + excluded.business_sum,"
            + " business_n = report_rollup.business_n + excluded.business_n";

    private static final String HISTOGRAM_KEY = "grouping, period, starts, team, dim_value, name, measure";

    /**
     * The new values' bins per day or month, merged with the bins the touched rows hold already (unnested, summed per
     * bin, packed again in bin order).
     */
    private static final String HISTOGRAM = "with v as (" + DIMENSIONS + " and name = any($4::text[])),"
            + " e as (select v.*, m.measure, m.x, report_bin(m.x) as bin from v"
            + RollupSql.measures("v")
            + " where m.x is not null),"
            + " a as (select " + GroupingSets.keys(RollupSql.HISTOGRAMS) + ", e.name, e.measure, e.bin, count(*) as n,"
            + " min(e.x) as lo, max(e.x) as hi from e"
            + GroupingSets.groupBy(RollupSql.HISTOGRAMS, "e.name, e.measure, e.bin") + "),"
            + " fresh as (select * from a union all select grouping, 'm'::char(1), date_trunc('month', starts)::date,"
            + " team, dim_value, name, measure, bin, sum(n)::int8, min(lo), max(hi) from a where period = 'd'"
            + " group by 1, 2, 3, 4, 5, 6, 7, 8),"
            + " touched as (select distinct " + HISTOGRAM_KEY + " from fresh),"
            + " held as (select h.grouping, h.period, h.starts, h.team, h.dim_value, h.name, h.measure, u.bin, u.n,"
            + " u.lo, u.hi from touched k join report_histogram h on h.zone = $1::text and h.grouping = k.grouping"
            + " and h.period = k.period and h.starts = k.starts and h.name = k.name and h.measure = k.measure"
            + " and h.team = k.team and h.dim_value = k.dim_value cross join lateral unnest(h.bins, h.counts,"
            + " h.least_values, h.greatest_values) as u(bin, n, lo, hi)),"
            + " merged as (select " + HISTOGRAM_KEY + ", bin, sum(n)::int8 as n, min(lo) as lo, max(hi) as hi"
            + " from (select * from fresh union all select * from held) a group by 1, 2, 3, 4, 5, 6, 7, 8)"
            + " insert into report_histogram (zone, " + HISTOGRAM_KEY + ", bins, counts, least_values,"
            + " greatest_values) select $1::text, " + HISTOGRAM_KEY + ", array_agg(bin order by bin),"
            + " array_agg(n order by bin), array_agg(lo order by bin), array_agg(hi order by bin) from merged"
            + " group by " + HISTOGRAM_KEY + " on conflict (zone, " + HISTOGRAM_KEY + ") do update set"
            + " bins = excluded.bins, counts = excluded.counts, least_values = excluded.least_values,"
            + " greatest_values = excluded.greatest_values, median = null, p90 = null";

    /**
     * The rows written above, which have no median and p90 until {@link #measure} gives them theirs: a page at a time,
     * so a chunk that touched many rows never sits in memory at once.
     */
    private static final String UNMEASURED = "select " + HISTOGRAM_KEY + ", bins, counts, least_values,"
            + " greatest_values from report_histogram where zone = $1 and median is null limit $2";

    private static final int PAGE = 500;

    /** Each row's median and p90 as {@link Histogram} reads them from its bins. */
    private static final String PERCENTILES = "update report_histogram h set median = u.median, p90 = u.p90"
            + " from unnest($2::int2[], $3::char(1)[], $4::date[], $5::text[], $6::text[], $7::text[], $8::char(1)[],"
            + " $9::float8[], $10::float8[]) as u(" + HISTOGRAM_KEY + ", median, p90)"
            + " where h.zone = $1::text and h.grouping = u.grouping and h.period = u.period and h.starts = u.starts"
            + " and h.team = u.team and h.dim_value = u.dim_value and h.name = u.name and h.measure = u.measure";

    private final Pool pool;
    private final ReportsConfig config;
    private final List<String> zones;
    private final String settings;
    private static final String[] TIMED = Name.TIMED.toArray(String[]::new);
    private volatile boolean zonesKnown;

    RollupRefresher(Pool pool, ReportsConfig config) {
        this.pool = pool;
        this.config = config;
        this.settings = RollupSql.settings(config);
        this.zones = config.reportingZones();
    }

    @Scheduled(
            every = "${parley.reports.rollup-interval}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return refresh().onFailure().recoverWithUni(failure -> {
            LOG.warnf("Report rollups not refreshed this time: %s", failure.toString());
            return Uni.createFrom().voidItem();
        });
    }

    /** Adds every reporting event committed so far to every zone's rollups. */
    public Uni<Void> refresh() {
        Uni<Void> known = zonesKnown ? Uni.createFrom().voidItem() : registerZones();
        return known.flatMap(v -> newestCommittedSeq())
                .flatMap(upTo -> rolledUpTo().flatMap(progress -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Map.Entry<String, Long> zone : progress.entrySet()) {
                        all = all.flatMap(x -> rollUp(zone.getKey(), zone.getValue(), upTo));
                    }
                    return all;
                }));
    }

    private Uni<Void> registerZones() {
        return pool.withTransaction(c -> c.preparedQuery("insert into report_zone (zone, rolled_up_to)"
                                + " select z, 0 from unnest($1::text[]) as z on conflict do nothing")
                        .execute(Tuple.of(zones.toArray(String[]::new)))
                        .flatMap(r -> c.preparedQuery(
                                        "delete from report_zone where zone <> all($1::text[])" + " returning zone")
                                .execute(Tuple.of(zones.toArray(String[]::new))))
                        .flatMap(removed -> {
                            List<String> gone = new ArrayList<>();
                            removed.forEach(row -> gone.add(row.getString(0)));
                            if (gone.isEmpty()) {
                                return Uni.createFrom().voidItem();
                            }
                            LOG.infof("Reporting zones %s no longer configured: their rollups are removed", gone);
                            Tuple params = Tuple.of(gone.toArray(String[]::new));
                            return c.preparedQuery("delete from report_rollup where zone = any($1::text[])")
                                    .execute(params)
                                    .flatMap(x -> c.preparedQuery(
                                                    "delete from report_histogram where zone = any($1::text[])")
                                            .execute(params))
                                    .replaceWithVoid();
                        }))
                .invoke(() -> zonesKnown = true);
    }

    private Uni<Long> newestCommittedSeq() {
        return pool.withTransaction(c -> c.query(RollupLock.REFRESHER)
                .execute()
                .flatMap(locked -> c.query("select coalesce(max(seq), 0) from reporting_event")
                        .execute())
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    private Uni<Map<String, Long>> rolledUpTo() {
        return pool.query("select zone, rolled_up_to from report_zone")
                .execute()
                .map(rows -> {
                    Map<String, Long> progress = new TreeMap<>();
                    for (Row row : rows) {
                        progress.put(row.getString(0), row.getLong(1));
                    }
                    return progress;
                });
    }

    private Uni<Void> rollUp(String zone, long from, long upTo) {
        if (from >= upTo) {
            return Uni.createFrom().voidItem();
        }
        long to = Math.min(upTo, from + config.rollupChunk());
        return pool.withTransaction(c -> claim(c, zone, from, to).flatMap(claimed -> {
                    if (!claimed) {
                        return Uni.createFrom().item(false);
                    }
                    Tuple range = Tuple.of(zone, from, to);
                    return c.query(settings)
                            .execute()
                            .flatMap(x -> c.preparedQuery(ROLLUP).execute(range))
                            .flatMap(x -> c.preparedQuery(HISTOGRAM).execute(Tuple.of(zone, from, to, TIMED)))
                            .flatMap(x -> measure(c, zone))
                            .replaceWith(true);
                }))
                .flatMap(claimed ->
                        claimed ? rollUp(zone, to, upTo) : Uni.createFrom().voidItem());
    }

    /** Gives every row without a median its median and p90, a page at a time. */
    private static Uni<Void> measure(SqlConnection c, String zone) {
        // The next page is asked for once this one is done with, so no page stays reachable from the chain.
        return measurePage(c, zone)
                .flatMap(full -> full ? measure(c, zone) : Uni.createFrom().voidItem());
    }

    /** @return whether the page was full, so more rows may wait */
    private static Uni<Boolean> measurePage(SqlConnection c, String zone) {
        return c.preparedQuery(UNMEASURED).execute(Tuple.of(zone, PAGE)).flatMap(page -> {
            int read = page.rowCount();
            if (read == 0) {
                return Uni.createFrom().item(false);
            }
            return c.preparedQuery(PERCENTILES).execute(percentiles(zone, page)).flatMap(updated -> {
                if (updated.rowCount() != read) { // else the next page would read the same rows again
                    return Uni.createFrom()
                            .failure(new IllegalStateException(
                                    updated.rowCount() + " of " + read + " histogram rows measured in " + zone));
                }
                return Uni.createFrom().item(read == PAGE);
            });
        });
    }

    /** The keys of a page of histogram rows, each with its median and p90. */
    private static Tuple percentiles(String zone, RowSet<Row> written) {
        int n = written.rowCount();
        Short[] groupings = new Short[n];
        String[] periods = new String[n];
        LocalDate[] starts = new LocalDate[n];
        String[] teams = new String[n];
        String[] dimValues = new String[n];
        String[] names = new String[n];
        String[] measures = new String[n];
        Double[] medians = new Double[n];
        Double[] p90s = new Double[n];
        int i = 0;
        for (Row row : written) {
            groupings[i] = row.getShort("grouping");
            periods[i] = row.getString("period");
            starts[i] = row.getLocalDate("starts");
            teams[i] = row.getString("team");
            dimValues[i] = row.getString("dim_value");
            names[i] = row.getString("name");
            measures[i] = row.getString("measure");
            Histogram histogram = Histogram.of(
                    row.getArrayOfIntegers("bins"),
                    row.getArrayOfLongs("counts"),
                    row.getArrayOfLongs("least_values"),
                    row.getArrayOfLongs("greatest_values"));
            medians[i] = histogram.percentile(0.5);
            p90s[i] = histogram.percentile(0.9);
            i++;
        }
        return Tuple.from(
                new Object[] {zone, groupings, periods, starts, teams, dimValues, names, measures, medians, p90s});
    }

    /** Moves the zone's mark first: a replica that got there before has moved it already and this one stops. */
    private static Uni<Boolean> claim(SqlConnection c, String zone, long from, long to) {
        return c.preparedQuery("update report_zone set rolled_up_to = $3 where zone = $1 and rolled_up_to = $2")
                .execute(Tuple.of(zone, from, to))
                .map(rows -> rows.rowCount() == 1);
    }
}
