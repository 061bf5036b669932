package io.parley.metrics.rollup;

import io.parley.metrics.rollup.RollupSql.Coverage;
import java.util.ArrayList;
import java.util.List;

/**
 * The rollups' groupings (V4 migration) as one GROUP BY GROUPING SETS over the events of a chunk (alias e, with day,
 * month, team, agent, inbox, channel and priority columns, none null), and the expressions that tell an output row's
 * grouping, period, start, team and dim_value apart. Each grouping is summed per day where the coverage keeps day rows
 * for it, else per month. One pass over the events; PostgreSQL hashes each set on its own.
 */
final class GroupingSets {
    /** The second dimension of groupings 2–5. */
    private static final List<String> SECOND = List.of("e.agent", "e.inbox", "e.channel", "e.priority");

    private GroupingSets() {}

    /** "group by grouping sets (...)" with the given keys (e.g. "e.name, e.detail") in every set. */
    static String groupBy(Coverage coverage, String keys) {
        List<String> sets = new ArrayList<>();
        for (int g : coverage.months()) {
            StringBuilder set = new StringBuilder("(")
                    .append(coverage.days().contains(g) ? "e.day" : "e.month")
                    .append(", ")
                    .append(keys);
            if (g >= 1) {
                set.append(", e.team");
            }
            if (g >= 2) {
                set.append(", ").append(SECOND.get(g - 2));
            }
            sets.add(set.append(")").toString());
        }
        return " group by grouping sets (" + String.join(", ", sets) + ")";
    }

    /** grouping, period, starts, team and dim_value of an output row, in that order, as select-list items. */
    static String keys(Coverage coverage) {
        StringBuilder grouping = new StringBuilder("(case");
        List<String> seconds = new ArrayList<>();
        for (int g : coverage.months()) {
            if (g >= 2) {
                String column = SECOND.get(g - 2);
                grouping.append(" when grouping(")
                        .append(column)
                        .append(") = 0 then ")
                        .append(g);
                seconds.add(column);
            }
        }
        boolean team = coverage.months().stream().anyMatch(g -> g >= 1);
        grouping.append(team ? " when grouping(e.team) = 0 then 1" : "").append(" else 0 end)::int2 as grouping");
        boolean days = !coverage.days().isEmpty();
        boolean months = !coverage.days().containsAll(coverage.months());
        String period = days && months
                ? "(case when grouping(e.day) = 0 then 'd' else 'm' end)::char(1)"
                : days ? "'d'::char(1)" : "'m'::char(1)";
        String starts = days && months ? "coalesce(e.day, e.month)" : days ? "e.day" : "e.month";
        seconds.add("''");
        return grouping + ", " + period + " as period, " + starts + " as starts, "
                + (team ? "coalesce(e.team, '')" : "''") + " as team, coalesce(" + String.join(", ", seconds)
                + ") as dim_value";
    }
}
