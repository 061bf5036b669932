package io.parley.routing.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row whose lock makes one relay at a time publish, whichever instance it runs on. */
@Entity
@Table(name = "outbox_relay_lock")
public class OutboxRelayLock extends PanacheEntityBase {
    public static final int ROW = 1;

    @Id
    public Integer id;
}
