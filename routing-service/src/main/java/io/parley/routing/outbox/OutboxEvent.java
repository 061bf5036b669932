package io.parley.routing.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event written in the same transaction as the state change it describes; relayed to Kafka in seq order and
 * deleted once the broker has it, so every row is still to be published.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "aggregate_type")
    public String aggregateType;

    @Column(name = "aggregate_id")
    public String aggregateId;

    /** parley.conversation-events, or parley.outbound-messages for what routing sends the customer itself. */
    public String topic;

    public String type;

    /** The whole envelope as it goes on the topic. */
    public String payload;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** The trace the event was caused in (io.parley.tracing.TraceParent's value), null where tracing is off. */
    @Column(name = "trace_parent")
    public String traceParent;
}
