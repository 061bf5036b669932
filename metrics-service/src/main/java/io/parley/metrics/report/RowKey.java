package io.parley.metrics.report;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDateTime;
import java.util.Comparator;

/** A report row's group and bucket start; nulls first, as reports list them. */
record RowKey(String group, LocalDateTime bucket) {
    static final Comparator<RowKey> ORDER = Comparator.comparing(
                    RowKey::group, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(RowKey::bucket, Comparator.nullsFirst(Comparator.<LocalDateTime>naturalOrder()));

    static RowKey of(Row row) {
        return new RowKey(row.getString("grp"), row.getLocalDateTime("bucket"));
    }
}
