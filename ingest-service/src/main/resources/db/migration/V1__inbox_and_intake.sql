-- One connected channel account. The secret verifies webhook signatures, so it is kept, but never returned.
create table inbox (
    id          varchar(64)  primary key,
    channel     varchar(32)  not null,
    name        varchar(200) not null,
    team        varchar(64)  not null,
    secret      varchar(512) not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

-- Provider message ids already accepted per inbox: a redelivered webhook finds its row and publishes nothing.
create table received_message (
    inbox_id             varchar(64)  not null references inbox (id),
    provider_message_id  varchar(255) not null,
    event_id             uuid         not null,
    received_at          timestamptz  not null,
    primary key (inbox_id, provider_message_id)
);
