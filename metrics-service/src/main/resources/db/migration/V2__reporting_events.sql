-- Reports are built from reporting events, so the count of conversations per inbox retires.
drop table conversation_count;

-- One row per measured interval or fact, made from one conversation event (its id): docs/metrics.md defines each name.
-- Dimensions are the conversation's when the fact happened; value is seconds (a rating for csat_response), business_value
-- the same seconds inside the team's business hours (as routing counted them).
create table reporting_event (
    event_id         uuid          primary key,
    name             varchar(32)   not null,
    detail           varchar(32),
    policy_id        varchar(64),
    value            bigint,
    business_value   bigint,
    started_at       timestamptz,
    occurred_at      timestamptz   not null,
    conversation_id  uuid          not null,
    inbox_id         varchar(64)   not null,
    channel          varchar(32)   not null,
    team             varchar(64),
    agent            varchar(128),
    priority         varchar(16),
    contact_id       uuid,
    replies          integer
);
create index reporting_event_by_time on reporting_event (occurred_at, name);
create index reporting_event_by_conversation on reporting_event (conversation_id);
create index reporting_event_by_contact on reporting_event (contact_id, occurred_at) where contact_id is not null;

-- Each conversation as reports need it now: its dimensions, and the facts some figures depend on (reopened ever, a
-- first reply, how many agent replies) and the live view counts (status, assignee, queued).
create table report_conversation (
    conversation_id  uuid          primary key,
    inbox_id         varchar(64)   not null,
    channel          varchar(32)   not null,
    team             varchar(64),
    assignee         varchar(128),
    priority         varchar(16),
    contact_id       uuid,
    status           varchar(16)   not null,
    created_at       timestamptz   not null,
    first_reply_at   timestamptz,
    queued_since     timestamptz,
    agent_replies    integer       not null,
    reopened         boolean       not null,
    updated_at       timestamptz   not null
);
create index report_conversation_live on report_conversation (team) where status <> 'resolved';

create table report_conversation_tag (
    conversation_id  uuid          not null,
    tag              varchar(64)   not null,
    primary key (conversation_id, tag)
);
create index report_conversation_tag_by_tag on report_conversation_tag (tag);

-- Who is online or away, and in which teams, for the live view. changed_at orders replays and redeliveries.
create table agent_presence (
    agent         varchar(128)  primary key,
    availability  varchar(16)   not null,
    teams         text[]        not null,
    changed_at    timestamptz   not null
);
