package io.parley.metrics.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** How report queries run in PostgreSQL. */
@ConfigMapping(prefix = "parley.reports")
public interface ReportsConfig {
    /**
     * Memory each sort and hash of a report query may use before it spills to disk (PostgreSQL work_mem, for report
     * transactions only): the median and p90 sort each figure's values. A number with kB, MB or GB.
     */
    @WithDefault("64MB")
    String workMem();

    /**
     * The time zones reports are summed up in ahead (rollups per local day and month): reports in these zones, over
     * whole days, read the sums; in other zones they read every reporting event (exact too, slower). IANA ids.
     */
    @WithDefault("UTC")
    List<String> zones();

    /** {@link #zones()} as ZoneId spells them (what reports and the rollups compare), each once. */
    default List<String> reportingZones() {
        return zones().stream().map(z -> ZoneId.of(z).getId()).distinct().toList();
    }

    /** How often the rollups add the reporting events appended since. */
    @WithDefault("5s")
    Duration rollupInterval();

    /** Reporting events summed in one transaction (a new zone, or a backlog, takes several). */
    @WithDefault("500000")
    long rollupChunk();
}
