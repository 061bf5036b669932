-- reporting_event becomes append-only, so sums over it can be kept: seq numbers the rows in insertion order, and the
-- rollups below hold everything up to a seq per reporting time zone (report_zone.rolled_up_to).
alter table reporting_event add column seq bigint generated always as identity;
create unique index reporting_event_by_seq on reporting_event (seq);

-- The two flags that changed after the fact become facts of their own, each in the bucket and with the dimensions of
-- the event it qualifies: conversation_answered (an opened conversation has had its first response) and
-- first_contact_resolution (value +1 when a resolution counts as one, -1 when its conversation was reopened since).
insert into reporting_event (event_id, name, occurred_at, conversation_id, inbox_id, channel, team, agent, priority,
                             contact_id)
select md5(event_id::text || ':answered')::uuid, 'conversation_answered', occurred_at, conversation_id, inbox_id,
       channel, team, agent, priority, contact_id
  from reporting_event where name = 'conversation_opened' and answered;
insert into reporting_event (event_id, name, value, occurred_at, conversation_id, inbox_id, channel, team, agent,
                             priority, contact_id)
select md5(event_id::text || ':first-contact')::uuid, 'first_contact_resolution', 1, occurred_at, conversation_id,
       inbox_id, channel, team, agent, priority, contact_id
  from reporting_event where name = 'conversation_resolved' and first_contact;
alter table reporting_event drop column answered;
alter table reporting_event drop column first_contact;

-- The bin of a timing's value, for its percentiles: every second below 64 s its own, then 32 bins a doubling (each at
-- most 1/32 of its values wide). Only a grouping key: percentiles read each bin's count, least and greatest value.
create function report_bin(v bigint) returns integer language sql immutable parallel safe
    as $$ select case when v < 64 then v::integer else 64 + floor(32 * ln(v::float8 / 64) / ln(2::float8))::integer end $$;

-- The reporting time zones and how far (reporting_event.seq) their rollups have summed.
create table report_zone (
    zone          varchar(64)  primary key,
    rolled_up_to  bigint       not null
);

-- Sums of reporting events per day and per month (period 'd' or 'm', starts: the local date in zone), under six
-- groupings of the dimensions: 0 everything, 1 team, 2 team and agent, 3 team and inbox, 4 team and channel,
-- 5 team and priority (dim_value: that second dimension). '' stands for a missing team or dimension.
-- facet: the policy of an SLA outcome, the rating of a survey response, else ''.
create table report_rollup (
    zone          varchar(64)   not null,
    grouping      smallint      not null,
    period        char(1)       not null,
    starts        date          not null,
    name          varchar(32)   not null,
    detail        varchar(32)   not null,
    facet         varchar(64)   not null,
    team          varchar(64)   not null,
    dim_value     varchar(128)  not null,
    n             bigint        not null,
    value_sum     bigint        not null,
    value_n       bigint        not null,
    business_sum  bigint        not null,
    business_n    bigint        not null,
    primary key (zone, grouping, period, starts, name, detail, facet, team, dim_value)
);

-- The timings' values per bin (measure 'v' seconds, 'b' business seconds), under the same periods and groupings: one
-- row per key with its bins in order, each bin's count, least and greatest value side by side in arrays (a report reads
-- a few thousand rows, not a row per bin).
create table report_histogram (
    zone             varchar(64)   not null,
    grouping         smallint      not null,
    period           char(1)       not null,
    starts           date          not null,
    name             varchar(32)   not null,
    measure          char(1)       not null,
    team             varchar(64)   not null,
    dim_value        varchar(128)  not null,
    bins             integer[]     not null,
    counts           bigint[]      not null,
    least_values     bigint[]      not null,
    greatest_values  bigint[]      not null,
    primary key (zone, grouping, period, starts, name, measure, team, dim_value)
);
