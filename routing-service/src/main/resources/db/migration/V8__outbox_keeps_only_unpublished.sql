-- The relay now deletes what it published (Kafka keeps the events); rows marked by earlier versions go too.
delete from outbox_event where published_at is not null;
