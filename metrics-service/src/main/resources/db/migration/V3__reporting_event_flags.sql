-- Reports read a range of one or a few event names: the name first lets a CSAT or SLA report read only its events.
create index reporting_event_by_name_time on reporting_event (name, occurred_at);
drop index reporting_event_by_time;

-- Facts about the conversation *now* that two figures need, kept on the event they qualify so no report joins
-- report_conversation: an opened conversation has had a first response (response rate); a resolution had exactly one
-- reply and the conversation has never been reopened since (first-contact resolution).
alter table reporting_event add column answered boolean;
alter table reporting_event add column first_contact boolean;
update reporting_event e set answered = c.first_reply_at is not null
  from report_conversation c where c.conversation_id = e.conversation_id and e.name = 'conversation_opened';
update reporting_event e set first_contact = e.replies = 1 and not c.reopened
  from report_conversation c where c.conversation_id = e.conversation_id and e.name = 'conversation_resolved';
