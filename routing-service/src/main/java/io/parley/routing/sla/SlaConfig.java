package io.parley.routing.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How SLA timers are checked and when agents are warned before a target runs out. */
@ConfigMapping(prefix = "parley.sla")
public interface SlaConfig {
    /** How often running timers are checked for warnings and breaches (read by the scheduler, e.g. 5s). */
    String checkInterval();

    /**
     * sla.warning goes out when this share of a target is left (0.2: 6 minutes before a 30-minute first response is
     * due, counted in the team's business hours when the policy counts them); 0 sends no warnings.
     */
    @WithDefault("0.2")
    double warnWhenLeft();
}
