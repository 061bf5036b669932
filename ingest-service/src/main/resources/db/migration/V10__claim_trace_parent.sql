-- The W3C trace context of the webhook that brought the event (io.parley.tracing.TraceParent): the relay sends the
-- event to Kafka as part of that trace. Null where tracing is off.
alter table received_message add column trace_parent text;
