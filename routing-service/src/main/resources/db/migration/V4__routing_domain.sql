-- Conversation lifecycle: snooze, resolution, first reply, the team queue, what routing learnt about the text.
alter table conversation add column snoozed_until timestamptz;
alter table conversation add column resolved_at timestamptz;
alter table conversation add column first_reply_at timestamptz;
-- Set while the conversation waits in its team's queue; the queue is served by priority, then by this.
alter table conversation add column waiting_since timestamptz;
alter table conversation add column awaiting_reply_since timestamptz;
alter table conversation add column language varchar(8);
alter table conversation add column sentiment varchar(16);
alter table conversation add column public_post boolean not null default false;
alter table conversation add column spam boolean not null default false;
alter table conversation add column away_sent_at timestamptz;
create index conversation_queue on conversation (team, waiting_since) where assignee is null and status = 'OPEN';
create index conversation_snoozed on conversation (snoozed_until) where status = 'SNOOZED';
create index conversation_thread on conversation (inbox_id, thread_key, resolved_at);

alter table message add column language varchar(8);
alter table message add column sentiment varchar(16);

-- One person across channels: a contact merged into another points at it; the target is the profile shown.
-- email/phone are only set when the channel itself proves them (an e-mail sender, a WhatsApp number).
alter table contact add column email varchar(320);
alter table contact add column phone varchar(32);
alter table contact add column merged_into uuid references contact (id);
alter table contact add column attributes text not null default '{}';
create index contact_email on contact (email) where merged_into is null;
create index contact_phone on contact (phone) where merged_into is null;

create table contact_note (
    id          uuid         primary key,
    contact_id  uuid         not null references contact (id),
    author      varchar(255) not null,
    body        text         not null,
    created_at  timestamptz  not null
);

create table tag (
    name         varchar(64)  primary key,
    description  varchar(255),
    created_at   timestamptz  not null
);
insert into tag (name, description, created_at) values
    ('sales-lead', 'Someone who may buy', now()),
    ('feature-request', 'Asks for something the product does not do', now()),
    ('incident', 'Something is down or unsafe: senior staff', now()),
    ('technical-issue', 'Something does not work for this customer', now()),
    ('ugc', 'User-generated content worth sharing', now()),
    ('spam', 'Not a customer request', now());

create table conversation_tag (
    conversation_id  uuid         not null references conversation (id),
    tag              varchar(64)  not null references tag (name),
    tagged_at        timestamptz  not null,
    primary key (conversation_id, tag)
);
create index conversation_tag_tag on conversation_tag (tag);

create table automation_rule (
    id          uuid          primary key,
    name        varchar(255)  not null,
    position    int           not null,
    triggers    varchar(255)  not null,
    conditions  text          not null,
    actions     text          not null,
    enabled     boolean       not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);

-- Every change to a rule, with who made it and the rule before and after; never updated.
create table automation_rule_audit (
    id          bigint generated always as identity primary key,
    rule_id     uuid          not null,
    change      varchar(16)   not null,
    actor       varchar(255)  not null,
    before      text,
    after       text,
    changed_at  timestamptz   not null
);

create table agent (
    username      varchar(255) primary key,
    availability  varchar(16)  not null,
    updated_at    timestamptz  not null
);
insert into agent (username, availability, updated_at) select distinct agent, 'ONLINE', now() from team_member;

alter table team_member add column skills varchar(1000) not null default '';
alter table team_member add column capacity int;

create table assignment_policy (
    team                 varchar(64)  primary key references team (id),
    strategy             varchar(32)  not null,
    capacity             int,
    skills_match         boolean      not null,
    fair_limit           int,
    fair_window_minutes  int,
    updated_at           timestamptz  not null
);

-- Every assignment ever made: the fair-distribution limit counts these per agent and window.
create table assignment (
    id               bigint generated always as identity primary key,
    conversation_id  uuid          not null references conversation (id),
    team             varchar(64)   not null,
    agent            varchar(255)  not null,
    assigned_at      timestamptz   not null
);
create index assignment_window on assignment (team, agent, assigned_at);

create table business_hours (
    id            varchar(64)  primary key,
    time_zone     varchar(64)  not null,
    weekly        text         not null,
    holidays      text         not null,
    away_message  text,
    updated_at    timestamptz  not null
);

create table sla_policy (
    id                      varchar(64)  primary key,
    first_response_minutes  int,
    next_response_minutes   int,
    resolution_minutes      int,
    business_hours          boolean      not null,
    unanswered_minutes      int,
    escalation_team         varchar(64),
    updated_at              timestamptz  not null
);

alter table team add column business_hours_id varchar(64) references business_hours (id);
alter table team add column overnight_team varchar(64);
alter table team add column sla_policy_id varchar(64) references sla_policy (id);

-- Durable SLA timers: a breach is found by the checker from these rows, so it survives restarts.
create table sla_timer (
    id                 uuid          primary key,
    conversation_id    uuid          not null references conversation (id),
    metric             varchar(32)   not null,
    policy_id          varchar(64)   not null,
    target_seconds     bigint        not null,
    business_hours_id  varchar(64),
    consumed_seconds   bigint        not null,
    running_since      timestamptz,
    due_at             timestamptz,
    state              varchar(16)   not null,
    started_at         timestamptz   not null,
    ended_at           timestamptz
);
create index sla_timer_due on sla_timer (due_at) where state = 'RUNNING';
create index sla_timer_conversation on sla_timer (conversation_id, state);

create table inbox_settings (
    inbox_id               varchar(64)  primary key,
    survey                 varchar(8)   not null,
    reopen_window_minutes  int          not null,
    updated_at             timestamptz  not null
);

create table csat_survey (
    id               uuid         primary key,
    conversation_id  uuid         not null references conversation (id),
    kind             varchar(8)   not null,
    requested_at     timestamptz  not null,
    rating           int,
    comment          text,
    responded_at     timestamptz,
    unique (conversation_id, kind)
);

-- Routing also writes to ingest's outbound topic (away messages, auto-replies, surveys, agents' replies).
alter table outbox_event add column topic varchar(128) not null default 'parley.conversation-events';
