-- The W3C trace context an outbox event was caused in (io.parley.tracing.TraceParent): the span that routed a
-- customer's message, or the agent's request. The relay sends the event as part of that trace. Null: tracing off.
alter table outbox_event add column trace_parent text;
