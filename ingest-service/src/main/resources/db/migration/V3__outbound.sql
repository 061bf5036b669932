-- What sending needs: the channel API's access token (write-only, like the secret) and the sender address
-- (the From of e-mail replies).
alter table inbox add column access_token varchar(2048);
alter table inbox add column sender_address varchar(320);

-- The thread of each accepted event, so WhatsApp's 24-hour window can be checked against the customer's last message.
alter table received_message add column thread_key varchar(255);
alter table received_message add column customer_message boolean not null default false;
create index received_message_thread on received_message (inbox_id, thread_key, received_at) where customer_message;

-- One row per reply: delivery is idempotent on the reply id, and its outcome is kept.
create table outbound_delivery (
    reply_id             uuid          primary key,
    inbox_id             varchar(64)   not null,
    status               varchar(16)   not null,
    provider_message_id  varchar(255),
    error                varchar(1000),
    attempts             integer       not null,
    updated_at           timestamptz   not null
);
