package io.parley.metrics.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How report queries run in PostgreSQL. */
@ConfigMapping(prefix = "parley.reports")
public interface ReportsConfig {
    /**
     * Memory each sort and hash of a report query may use before it spills to disk (PostgreSQL work_mem, for report
     * transactions only): the median and p90 sort each figure's values. A number with kB, MB or GB.
     */
    @WithDefault("64MB")
    String workMem();
}
