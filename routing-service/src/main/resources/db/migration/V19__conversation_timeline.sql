-- What a conversation's timeline shows besides its messages: who assigned, tagged, moved, prioritised, snoozed or
-- resolved it, and SLA breaches. The outbox writes a row with each such event, in the statement that records the
-- events, in their order (seq). event is the event's envelope as text, as the outbox holds it: parsed as JSON only when
-- a timeline is read, which is rare next to writing.
create table conversation_timeline (
    seq              bigint        generated always as identity,
    event_id         uuid          primary key,
    conversation_id  uuid          not null references conversation (id) on delete cascade deferrable initially deferred,
    type             varchar(64)   not null,
    event            text          not null,
    occurred_at      timestamptz   not null
);
create index conversation_timeline_by_conversation on conversation_timeline (conversation_id, seq);
