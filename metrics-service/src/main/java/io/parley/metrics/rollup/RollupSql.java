package io.parley.metrics.rollup;

import io.parley.metrics.report.ReportsConfig;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** SQL that the rollups and the reports reading reporting_event directly must write the same way. */
public final class RollupSql {
    /** A rollup row's facet: the policy of an SLA outcome, the rating of a survey response, else ''. */
    public static final String FACET = "(case when name = 'csat_response' then coalesce(value::text, '')"
            + " when name in ('sla_met', 'sla_breached') then coalesce(policy_id, '') else '' end)";

    /**
     * A timing's two measures, each a row of the events aliased {@code alias}: 'v' its seconds, 'b' its business
     * seconds (m.x null when missing).
     */
    public static String measures(String alias) {
        return " cross join lateral (values ('v', " + alias + ".value), ('b', " + alias + ".business_value))"
                + " as m(measure, x)";
    }

    /**
     * Which groupings (V4 migration) the rollups keep per day and per month. Per day: sums for everything, per team
     * and per agent, timings' histograms for everything and per agent (a report by agent over any range then reads
     * reporting_event only for partial days). Per month: sums for every grouping, histograms for everything, per team
     * and per agent. Day rows per inbox, channel or priority would each add about as many rows again as per agent
     * (bench/reports: 80 pairs of team and inbox a day against 50 agents) for reports asked for less often, so those
     * are kept per month. A report outside these reads reporting_event for what they do not hold.
     */
    public record Coverage(List<Integer> days, List<Integer> months) {
        /** The groupings as SQL text, e.g. {0,1}: fixed, never the caller's. */
        static String array(List<Integer> groupings) {
            return "'{" + groupings.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}'::int2[]";
        }
    }

    public static final Coverage TALLIES = new Coverage(List.of(0, 1, 2), List.of(0, 1, 2, 3, 4, 5));
    public static final Coverage HISTOGRAMS = new Coverage(List.of(0, 2), List.of(0, 1, 2));

    private static final Pattern MEMORY = Pattern.compile("\\d{1,7}(kB|MB|GB)");

    private RollupSql() {}

    /**
     * The settings of a report or rollup transaction: room to sort and hash in memory, and no JIT compilation (it cost
     * a report more than it saved; docs/benchmarks.md).
     */
    public static String settings(ReportsConfig config) {
        if (!MEMORY.matcher(config.workMem()).matches()) {
            throw new IllegalArgumentException("parley.reports.work-mem must be a number with kB, MB or GB");
        }
        return "set local work_mem = '" + config.workMem() + "'; set local jit = off";
    }
}
