package io.parley.routing.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contracts.EventCodec;
import io.parley.contracts.InboundMessage;
import io.parley.idempotency.ProcessedEvents;
import io.parley.routing.support.RoutingClient;
import io.quarkus.arc.ClientProxy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a batch is known to bring for the first time, read from PostgreSQL against what an earlier message stored. */
@QuarkusTest
class NewArrivalsTest {
    @Inject
    Vertx vertx;

    @Inject
    Mutiny.SessionFactory sessionFactory;

    RoutingClient routing;
    RoutingClient otherInbox;

    @BeforeEach
    void setUp() {
        routing = new RoutingClient();
        otherInbox = new RoutingClient();
        routing.member(routing.team, "a-" + routing.team, null);
        routing.customer("known-1", "cust-known", "Hello");
        routing.awaitConversationOf("cust-known", c -> c.get("assignee") != null);
    }

    @AfterEach
    void tearDown() {
        routing.close();
        otherInbox.close();
    }

    @Test
    void onlyWhatNothingStoredYetIsNewAndEachFactIsUsedOnce() throws Exception {
        NewArrivals arrivals = inSession(() -> NewArrivals.of(List.of(
                message(routing, "known-1", "cust-known", b -> {}),
                message(routing, "fresh-1", "cust-known", b -> {}),
                message(routing, "fresh-2", "cust-fresh", b -> {}),
                message(
                        routing,
                        "edit-1",
                        "cust-edits",
                        b -> b.kind(InboundMessage.Kind.EDIT).target("known-1")),
                message(otherInbox, "known-1", "cust-known", b -> {}))));

        assertFalse(arrivals.isNewMessage(routing.inbox, "known-1"), "stored before the batch");
        assertTrue(arrivals.isNewMessage(routing.inbox, "fresh-1"));
        assertFalse(arrivals.isNewMessage(routing.inbox, "fresh-1"), "used up by the first message asking");
        assertTrue(arrivals.isNewMessage(otherInbox.inbox, "known-1"), "ids are per inbox");
        assertFalse(arrivals.isNewMessage(routing.inbox, "edit-1"), "an edit stores no message of its own");

        assertFalse(arrivals.isNewSender(routing.inbox, "cust-known"));
        assertTrue(arrivals.isNewSender(routing.inbox, "cust-fresh"));
        assertFalse(arrivals.isNewSender(routing.inbox, "cust-fresh"));
        assertTrue(arrivals.isNewSender(otherInbox.inbox, "cust-known"));
        assertFalse(arrivals.isNewSender(routing.inbox, "cust-edits"));

        assertFalse(arrivals.isNewThread(routing.inbox, "cust-known"));
        assertTrue(arrivals.isNewThread(routing.inbox, "cust-fresh"));
        assertFalse(arrivals.isNewThread(routing.inbox, "cust-fresh"));
        assertTrue(arrivals.isNewThread(otherInbox.inbox, "cust-known"));
    }

    /**
     * A batch's fixed statements find their plan in Hibernate's cache instead of adding one per batch: every entry of
     * one statement has the same hash, and lookups walked thousands of them (JFR, docs/benchmarks.md).
     */
    @Test
    void theBatchStatementsReuseOnePlan() throws Exception {
        List<InboundMessage> batch = List.of(message(routing, "fresh-3", "cust-known", b -> {}));
        List<UUID> events = List.of(UUID.randomUUID());
        inSession(() -> NewArrivals.of(batch).call(() -> ProcessedEvents.markFirstTime(events)));
        QueryInterpretationCache plans = ormFactory().getQueryEngine().getInterpretationCache();
        int before = plans.getNumberOfCachedQueryPlans();
        for (int i = 0; i < 5; i++) {
            List<UUID> more = List.of(UUID.randomUUID(), UUID.randomUUID());
            inSession(() -> NewArrivals.of(batch).call(() -> ProcessedEvents.markFirstTime(more)));
        }
        assertEquals(before, plans.getNumberOfCachedQueryPlans());
    }

    @Test
    void noneKnowsNothing() {
        assertFalse(NewArrivals.NONE.isNewMessage(routing.inbox, "fresh-1"));
        assertFalse(NewArrivals.NONE.isNewSender(routing.inbox, "cust-fresh"));
        assertFalse(NewArrivals.NONE.isNewThread(routing.inbox, "cust-fresh"));
    }

    private static InboundMessage message(
            RoutingClient client, String providerId, String customer, Consumer<InboundMessage.Builder> customise) {
        return EventCodec.payload(client.inbound(providerId, customer, "text", customise), InboundMessage.class);
    }

    /** Hibernate Reactive's factory keeps ORM's, whose plan cache it uses, to itself. */
    private SessionFactoryImplementor ormFactory() throws ReflectiveOperationException {
        Object factory = ClientProxy.unwrap(sessionFactory);
        for (Class<?> type = factory.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (SessionFactoryImplementor.class.isAssignableFrom(field.getType())) {
                    field.setAccessible(true);
                    return (SessionFactoryImplementor) field.get(factory);
                }
            }
        }
        throw new IllegalStateException("no ORM session factory in " + factory.getClass());
    }

    /** Runs on a Vert.x context of its own with a reactive session, as routing's consumer does. */
    private <T> T inSession(Supplier<Uni<T>> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(
                ignored -> Panache.withSession(work).subscribe().with(result::complete, result::completeExceptionally));
        return result.get(20, TimeUnit.SECONDS);
    }
}
