-- The customer as one inbox knows them (their id on that channel). Cross-channel merging comes later.
create table contact (
    id            uuid         primary key,
    inbox_id      varchar(64)  not null,
    source_id     varchar(255) not null,
    display_name  varchar(255),
    created_at    timestamptz  not null,
    unique (inbox_id, source_id)
);

create table conversation (
    id               uuid         primary key,
    inbox_id         varchar(64)  not null,
    channel          varchar(32)  not null,
    thread_key       varchar(255) not null,
    contact_id       uuid         not null references contact (id),
    team             varchar(64)  not null,
    status           varchar(16)  not null,
    priority         varchar(16)  not null,
    assignee         varchar(255),
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    last_message_at  timestamptz  not null
);
-- At most one unresolved conversation per thread: a new message joins it instead of starting another.
create unique index conversation_open_thread on conversation (inbox_id, thread_key) where status <> 'RESOLVED';
create index conversation_assignee on conversation (assignee, status);
create index conversation_team on conversation (team, status);

create table message (
    id                   uuid         primary key,
    conversation_id      uuid         not null references conversation (id),
    inbox_id             varchar(64)  not null,
    provider_message_id  varchar(255) not null,
    direction            varchar(16)  not null,
    content              text,
    sent_at              timestamptz  not null,
    created_at           timestamptz  not null,
    unique (inbox_id, provider_message_id)
);
create index message_conversation on message (conversation_id, sent_at);

-- A team row is locked while one of its conversations is assigned, which serialises its round-robin cursor.
create table team (
    id                   varchar(64)  primary key,
    round_robin_cursor   varchar(255),
    created_at           timestamptz  not null
);

create table team_member (
    team        varchar(64)  not null references team (id),
    agent       varchar(255) not null,
    created_at  timestamptz  not null,
    primary key (team, agent)
);

create table processed_event (
    event_id      uuid         primary key,
    processed_at  timestamptz  not null
);

-- Transactional outbox: events are written with the state change and relayed to Kafka afterwards.
create table outbox_event (
    seq             bigint generated always as identity primary key,
    event_id        uuid         not null unique,
    aggregate_type  varchar(64)  not null,
    aggregate_id    varchar(255) not null,
    type            varchar(64)  not null,
    payload         text         not null,
    occurred_at     timestamptz  not null,
    published_at    timestamptz
);
create index outbox_unpublished on outbox_event (seq) where published_at is null;
