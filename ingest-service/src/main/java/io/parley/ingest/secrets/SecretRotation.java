package io.parley.ingest.secrets;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Re-encrypts every inbox secret that is not under the active key: after an operator adds a key and makes it active
 * (rotation), and for values an older version stored in plain text. Runs at start-up and on demand
 * ({@code POST /inboxes/secrets/rotate}, {@code ./parley rotate-secrets}); each row is updated only if it still holds
 * what was read, so two instances rotating at once cannot overwrite a secret changed in between.
 */
@ApplicationScoped
public class SecretRotation {
    private static final Logger LOG = Logger.getLogger(SecretRotation.class);
    static final List<String> COLUMNS = List.of("secret", "verify_token", "access_token");

    private final Pool pool;
    private final SecretCipher cipher;

    public SecretRotation(Pool pool, SecretCipher cipher) {
        this.pool = pool;
        this.cipher = cipher;
    }

    void onStart(@Observes StartupEvent event) {
        rotate().subscribe()
                .with(
                        count -> {
                            if (count > 0) {
                                LOG.infof("re-encrypted the secrets of %d inboxes under the active key", count);
                            }
                        },
                        failure -> LOG.warnf("secret rotation at start-up failed: %s", failure.getMessage()));
    }

    /** @return how many inboxes had a value re-encrypted */
    public Uni<Integer> rotate() {
        return pool.query("select id, secret, verify_token, access_token from inbox")
                .execute()
                .map(rows -> {
                    List<Row> stale = new ArrayList<>();
                    rows.forEach(row -> {
                        if (COLUMNS.stream().anyMatch(column -> !cipher.current(row.getString(column)))) {
                            stale.add(row);
                        }
                    });
                    return stale;
                })
                .flatMap(stale -> pool.withTransaction(connection -> update(connection, stale, 0, 0)))
                .ifNoItem()
                .after(Duration.ofMinutes(1))
                .fail();
    }

    private Uni<Integer> update(SqlConnection connection, List<Row> stale, int index, int updated) {
        if (index == stale.size()) {
            return Uni.createFrom().item(updated);
        }
        Row row = stale.get(index);
        List<Object> values = new ArrayList<>();
        for (String column : COLUMNS) {
            values.add(reencrypt(row.getString(column)));
        }
        values.add(row.getString("id"));
        for (String column : COLUMNS) {
            values.add(row.getString(column));
        }
        return connection
                .preparedQuery("update inbox set secret = $1, verify_token = $2, access_token = $3 where id = $4"
                        + " and secret is not distinct from $5 and verify_token is not distinct from $6"
                        + " and access_token is not distinct from $7")
                .execute(Tuple.from(values))
                .flatMap(result -> update(connection, stale, index + 1, updated + result.rowCount()));
    }

    private String reencrypt(String stored) {
        return cipher.current(stored) ? stored : cipher.encrypt(cipher.decrypt(stored));
    }
}
