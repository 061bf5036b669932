package io.parley.persistence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * The reactive PostgreSQL pool on /q/metrics: {@code parley_db_pool_connections}, the connections it holds now. At the
 * pool's maximum (quarkus.datasource.reactive.max-size, 20 unless set) statements queue for a connection. A service
 * without a database (the gateway) has no pool and no gauge.
 */
@ApplicationScoped
public class PoolFigures {
    void register(@Observes StartupEvent started, Instance<Pool> pool, MeterRegistry registry) {
        if (pool.isResolvable()) {
            Pool connections = pool.get();
            Gauge.builder("parley.db.pool.connections", connections, Pool::size).register(registry);
        }
    }
}
