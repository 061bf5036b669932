-- Meta's subscription handshake token, and the provider account the inbox is (page, phone number, X user id).
alter table inbox add column verify_token varchar(512);
alter table inbox add column account_id varchar(255);

-- Every verified webhook request, byte for byte as received. Append-only: the audit trail and the source of replays.
create table webhook_delivery (
    id            uuid          primary key,
    inbox_id      varchar(64)   not null references inbox (id),
    channel       varchar(32)   not null,
    content_type  varchar(255),
    body          bytea         not null,
    received_at   timestamptz   not null
);
create index webhook_delivery_inbox_time on webhook_delivery (inbox_id, received_at);

create function webhook_delivery_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'webhook_delivery is append-only';
end;
$$;
create trigger webhook_delivery_append_only
    before update or delete on webhook_delivery
    for each row execute function webhook_delivery_is_append_only();

-- The claim now also keeps the event as published, so a replay re-publishes exactly the same event (same id).
alter table received_message add column delivery_id uuid references webhook_delivery (id);
alter table received_message add column event text;
create index received_message_inbox_time on received_message (inbox_id, received_at);
