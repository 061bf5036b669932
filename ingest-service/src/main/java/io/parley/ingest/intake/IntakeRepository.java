package io.parley.ingest.intake;

import io.parley.ingest.channel.WebhookRequest;
import io.parley.ingest.inbox.Inbox;
import io.parley.problem.ProblemException;
import io.parley.tracing.TraceParent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The intake's write on the hot path, on the reactive client directly: one statement archives deliveries and claims
 * their events (a single statement is atomic, so no BEGIN/COMMIT round trips); the claims are the outbox that
 * {@link IntakeRelay} reads. The ORM's per-request session costs more than the insert itself here (see
 * docs/benchmarks.md). Concurrent deliveries share a statement through {@link ClaimBatcher}.
 */
@ApplicationScoped
public class IntakeRepository {
    private static final Logger LOG = Logger.getLogger(IntakeRepository.class);

    /**
     * Each claim carries its inbox and arrival time itself ($7, $10) although its delivery has them: joining the claims
     * to the deliveries' array instead materialised the bodies once more and cost ~15 % of bench/ingest's throughput.
     */
    private static final String ARCHIVE_AND_CLAIM = """
            with delivery as (
                insert into webhook_delivery (id, inbox_id, channel, content_type, body, received_at)
                select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::bytea[], $6::timestamptz[])
            )
            insert into received_message (inbox_id, provider_message_id, event_id, received_at, delivery_id, event,
                                          thread_key, customer_message, kafka_key, trace_parent)
            select claim.inbox_id, claim.key, claim.event_id, claim.received_at, claim.delivery_id, claim.event,
                   claim.thread_key, claim.customer_message, claim.kafka_key, claim.trace_parent
            from unnest($7::text[], $8::text[], $9::uuid[], $10::timestamptz[], $11::uuid[], $12::text[], $13::text[],
                        $14::boolean[], $15::text[], $16::text[])
                with ordinality as claim(inbox_id, key, event_id, received_at, delivery_id, event, thread_key,
                                         customer_message, kafka_key, trace_parent, position)
            order by claim.position
            on conflict do nothing
            returning delivery_id, provider_message_id
            """;

    private static final int MAX_DELIVERIES_PER_STATEMENT = 64;

    private final Pool pool;
    private final ClaimBatcher<Delivery, Set<String>> claims;

    /** @param statementsInFlight claim statements running at once; a claim arriving meanwhile waits to share the next */
    public IntakeRepository(
            Pool pool, @ConfigProperty(name = "parley.intake.claim-statements-in-flight") int statementsInFlight) {
        this.pool = pool;
        this.claims = new ClaimBatcher<>(statementsInFlight, MAX_DELIVERIES_PER_STATEMENT, this::archiveAndClaimAll);
    }

    /**
     * @return the dedup keys claimed now; the others were claimed before (duplicates). Fails with 503 when the
     *     database cannot take the delivery, so that the provider retries.
     */
    public Uni<Set<String>> archiveAndClaim(Inbox inbox, WebhookRequest request, List<PendingEvent> events) {
        // No hop back to the caller's context here (IntakeService makes one at the end): handing each delivery of a
        // shared statement to its own event loop only to send it to Kafka cost a thread wake-up each.
        return claims.submit(new Delivery(UUID.randomUUID(), inbox, request, events))
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(failure -> {
                    LOG.warnf("could not archive a delivery to inbox %s: %s", inbox.id, failure.getMessage());
                    return ProblemException.unavailable("The message could not be stored; retry later.");
                });
    }

    private record Delivery(UUID id, Inbox inbox, WebhookRequest request, List<PendingEvent> events) {
        /** Archive metadata only: a header longer than the column is cut rather than refused. */
        String contentType() {
            if (request.contentType() == null) {
                return null;
            }
            String type = request.contentType().toString();
            return type.length() <= 255 ? type : type.substring(0, 255);
        }
    }

    private Uni<List<Set<String>>> archiveAndClaimAll(List<Delivery> deliveries) {
        List<PendingEvent> events = new ArrayList<>();
        List<Delivery> eventDeliveries = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            for (PendingEvent event : delivery.events()) {
                events.add(event);
                eventDeliveries.add(delivery);
            }
        }
        Tuple parameters = Tuple.tuple()
                .addArrayOfUUID(deliveries.stream().map(Delivery::id).toArray(UUID[]::new))
                .addArrayOfString(deliveries.stream().map(d -> d.inbox().id).toArray(String[]::new))
                .addArrayOfString(
                        deliveries.stream().map(d -> d.inbox().channel).toArray(String[]::new))
                .addArrayOfString(deliveries.stream().map(Delivery::contentType).toArray(String[]::new))
                .addValue(deliveries.stream()
                        .map(d -> io.vertx.core.buffer.Buffer.buffer(d.request().body()))
                        .toArray(io.vertx.core.buffer.Buffer[]::new))
                .addArrayOfOffsetDateTime(deliveries.stream()
                        .map(d -> d.request().receivedAt().atOffset(ZoneOffset.UTC))
                        .toArray(OffsetDateTime[]::new))
                .addArrayOfString(
                        eventDeliveries.stream().map(d -> d.inbox().id).toArray(String[]::new))
                .addArrayOfString(events.stream().map(PendingEvent::dedupKey).toArray(String[]::new))
                .addArrayOfUUID(events.stream().map(e -> e.eventId()).toArray(UUID[]::new))
                .addArrayOfOffsetDateTime(eventDeliveries.stream()
                        .map(d -> d.request().receivedAt().atOffset(ZoneOffset.UTC))
                        .toArray(OffsetDateTime[]::new))
                .addArrayOfUUID(eventDeliveries.stream().map(Delivery::id).toArray(UUID[]::new))
                .addArrayOfString(events.stream().map(PendingEvent::encoded).toArray(String[]::new))
                .addArrayOfString(events.stream().map(PendingEvent::threadKey).toArray(String[]::new))
                .addArrayOfBoolean(
                        events.stream().map(PendingEvent::customerMessage).toArray(Boolean[]::new))
                .addArrayOfString(events.stream().map(PendingEvent::kafkaKey).toArray(String[]::new))
                .addArrayOfString(eventDeliveries.stream()
                        .map(d -> TraceParent.valueOf(d.request().trace()))
                        .toArray(String[]::new));
        return pool.preparedQuery(ARCHIVE_AND_CLAIM).execute(parameters).map(rows -> {
            Map<UUID, Set<String>> claimed = new HashMap<>();
            for (Row row : rows) {
                claimed.computeIfAbsent(row.getUUID(0), id -> new HashSet<>()).add(row.getString(1));
            }
            return deliveries.stream()
                    .map(d -> claimed.getOrDefault(d.id(), Set.of()))
                    .toList();
        });
    }

    /** When the customer last wrote in this thread, if ever: WhatsApp's customer-service window runs from there. */
    public Uni<java.util.Optional<java.time.Instant>> lastCustomerMessage(String inboxId, String threadKey) {
        return pool.preparedQuery("select max(received_at) from received_message"
                        + " where inbox_id = $1 and thread_key = $2 and customer_message")
                .execute(Tuple.of(inboxId, threadKey))
                .map(rows -> {
                    java.time.OffsetDateTime at = rows.iterator().next().getOffsetDateTime(0);
                    return java.util.Optional.ofNullable(at).map(java.time.OffsetDateTime::toInstant);
                });
    }
}
