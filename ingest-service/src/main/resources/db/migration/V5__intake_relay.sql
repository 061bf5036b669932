-- Accepted events reach Kafka after the webhook's answer, relayed from their claim rows: the claim is the outbox.
-- The relay reads claims in (relay_tx, relay_seq) order behind a cursor instead of deleting or marking each row,
-- so relaying costs no write per event. relay_tx is the claiming transaction's id; the relay only reads claims of
-- transactions older than every one still running, so a claim that commits late can never fall behind the cursor.
-- Claims made before this migration were published by the webhook itself: their relay_tx stays null, never relayed.
alter table received_message add column kafka_key text;
alter table received_message add column relay_tx bigint;
alter table received_message add column relay_seq bigint;
alter table received_message alter column relay_tx set default pg_current_xact_id()::text::bigint;
create sequence received_message_relay_seq cache 64;
alter table received_message alter column relay_seq set default nextval('received_message_relay_seq');
create index received_message_relay on received_message (relay_tx, relay_seq) where relay_tx is not null;

-- Where the relay got to. One row; its relays take turns under an advisory lock.
create table intake_relay (
    id           integer primary key,
    relayed_tx   bigint  not null,
    relayed_seq  bigint  not null
);
insert into intake_relay (id, relayed_tx, relayed_seq) values (1, 0, 0);
