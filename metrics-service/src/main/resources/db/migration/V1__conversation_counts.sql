create table processed_event (
    event_id      uuid         primary key,
    processed_at  timestamptz  not null
);

-- Conversations started, per inbox and channel: the first figure of the summary report.
create table conversation_count (
    inbox_id       varchar(64)  not null,
    channel        varchar(32)  not null,
    conversations  bigint       not null,
    updated_at     timestamptz  not null,
    primary key (inbox_id, channel)
);
