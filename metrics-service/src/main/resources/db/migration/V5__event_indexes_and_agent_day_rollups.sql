-- Every consumed event writes each index of reporting_event, and an index keyed by a random uuid takes its writes all
-- over its pages: at ten million rows those pages no longer stay in memory. Two such indexes remain, each as small as
-- its readers allow.
-- The key: an event's id within its conversation. It also serves the reads by conversation (the facts derived from a
-- conversation's earlier events), which had an index of their own.
alter table reporting_event drop constraint reporting_event_pkey;
alter table reporting_event add primary key (conversation_id, event_id);
drop index reporting_event_by_conversation;
-- A customer's CSAT trend is the only read by contact.
drop index reporting_event_by_contact;
create index reporting_event_by_contact on reporting_event (contact_id, occurred_at) where name = 'csat_response';

-- The rollups now keep day rows per agent too (RollupSql.Coverage): they are summed again from the first event.
-- Until the refresher has caught up, reports read reporting_event for what the rollups do not hold yet.
truncate report_rollup, report_histogram;
update report_zone set rolled_up_to = 0;

-- Each histogram row's median and p90 as reports give them (Histogram), written with the row: a report row that one
-- histogram row answers whole (a day of a report by day) reads these two figures instead of the bins.
alter table report_histogram add column median double precision, add column p90 double precision;
-- The rows the refresher has just written and not measured yet, found without reading the others.
create index report_histogram_unmeasured on report_histogram (zone) where median is null;
