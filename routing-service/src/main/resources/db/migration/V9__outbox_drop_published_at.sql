-- Published rows are deleted (V8), so every row is unpublished: the mark and its partial index carry nothing.
drop index outbox_unpublished;
alter table outbox_event drop column published_at;
