package io.parley.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A W3C trace context ("traceparent": version, trace id, span id, flags) as a value. One customer message is one trace
 * from its webhook to routing, metrics and the gateway's live stream, across hops where no span is current: the
 * webhook's context is stored with its claim and put in the Kafka record's header by ingest's relay; routing stores
 * the context of the span that routed a record with the outbox events it caused, and its relay sends them under it;
 * consumers start their spans from the record's header. Null where tracing is off (no valid span).
 */
public record TraceParent(String value) {
    /** The W3C header, as the Kafka connector's own tracing writes it. */
    public static final String HEADER = "traceparent";

    private static final TextMapGetter<TraceParent> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceParent carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(TraceParent carrier, String key) {
            return carrier == null || !HEADER.equals(key) ? null : carrier.value();
        }
    };

    /** The span's context, or null for a span that is not recorded anywhere (tracing off). */
    public static TraceParent of(Span span) {
        SpanContext context = span.getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return new TraceParent("00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex());
    }

    /** The context of the span current where the caller stands: the HTTP server span of a request being handled. */
    public static TraceParent current() {
        return of(Span.current());
    }

    /** A stored value, or null. */
    public static TraceParent ofNullable(String value) {
        return value == null || value.isBlank() ? null : new TraceParent(value);
    }

    /** The record's traceparent header (the last, should there be several), or null. */
    public static TraceParent of(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header == null ? null : ofNullable(new String(header.value(), StandardCharsets.US_ASCII));
    }

    /** The value of a nullable trace parent, for a column. */
    public static String valueOf(TraceParent trace) {
        return trace == null ? null : trace.value();
    }

    /** The context to start a child span in. */
    public Context context() {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), this, GETTER);
    }

    /**
     * The message, to be sent as a child of {@code trace}: the Kafka connector starts its producer span there and
     * writes that span's traceparent header. Without a trace, the message as it is.
     */
    public static <T> Message<T> parentOf(TraceParent trace, Message<T> message) {
        return trace == null ? message : message.addMetadata(TracingMetadata.withCurrent(trace.context()));
    }

    /** A consumer span for work on a record, child of the record's trace (a new trace without one). Ended by the caller. */
    public static Span startConsumerSpan(Tracer tracer, String name, TraceParent parent) {
        return tracer.spanBuilder(name)
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(parent == null ? Context.root() : parent.context())
                .startSpan();
    }
}
