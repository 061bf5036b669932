package io.parley.gateway.live;

import io.parley.gateway.security.Agent;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open stream: the agent it belongs to and what they may see. Ends itself when the agent's token expires (the
 * client reconnects with a fresh one and its Last-Event-ID), or when the client falls too far behind.
 */
final class LiveSubscriber {
    private final Agent agent;
    private final Instant expiresAt;
    private final SseEventSink sink;
    private final Sse sse;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();

    LiveSubscriber(Agent agent, Instant expiresAt, SseEventSink sink, Sse sse, int maxPending) {
        this.agent = agent;
        this.expiresAt = expiresAt;
        this.sink = sink;
        this.sse = sse;
        this.maxPending = maxPending;
    }

    Agent agent() {
        return agent;
    }

    /** Sends the event if this agent may see it; false once the stream is over. */
    synchronized boolean offer(LiveEvent event) {
        if (!open()) {
            return false;
        }
        if (!event.audience().includes(agent)) {
            return true;
        }
        OutboundSseEvent.Builder builder = sse.newEventBuilder()
                .name(event.name())
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(event.data());
        if (event.id() != null) {
            builder.id(event.id());
        }
        return send(builder.build());
    }

    /** A comment line on an idle stream; ends the stream when the token has expired. */
    synchronized boolean heartbeat(Instant now) {
        if (!open()) {
            return false;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            sink.close();
            return false;
        }
        return send(sse.newEventBuilder().comment("keep-alive").build());
    }

    boolean open() {
        return !sink.isClosed();
    }

    void close() {
        if (!sink.isClosed()) {
            sink.close();
        }
    }

    private boolean send(OutboundSseEvent event) {
        if (pending.incrementAndGet() > maxPending) {
            // Further behind than we buffer for: it reconnects with its Last-Event-ID and catches up.
            sink.close();
            return false;
        }
        sink.send(event).whenComplete((done, failure) -> {
            pending.decrementAndGet();
            if (failure != null) {
                close();
            }
        });
        return true;
    }
}
