package io.parley.routing.roster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where team rosters come from. */
@ConfigMapping(prefix = "parley.roster")
public interface RosterConfig {
    enum Source {
        /** Keycloak's groups are the rosters: synced in, and membership changes written to Keycloak first. */
        KEYCLOAK,
        /** routing keeps rosters of its own (tests, and installations without Keycloak's admin API). */
        ROUTING
    }

    @WithDefault("keycloak")
    Source source();

    /**
     * How often rosters are brought in line with Keycloak's groups (changes made in Keycloak's console): a duration
     * such as 60s, or off.
     */
    @WithDefault("60s")
    String syncInterval();

    /**
     * The parley-routing client's secret, with which routing gets its token for Keycloak's admin API (read by
     * quarkus.oidc-client.roster.credentials.secret). Never logged.
     */
    Optional<String> clientSecret();

    /** The realm whose groups are the teams. */
    @WithDefault("parley")
    String realm();

    default boolean fromKeycloak() {
        return source() == Source.KEYCLOAK;
    }
}
