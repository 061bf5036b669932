-- The intake statement is the only writer of these two tables, and it takes the inbox from a lookup and the delivery
-- from the same statement, so these references hold by construction; inboxes are never deleted. Checked by
-- PostgreSQL they cost a trigger and a locking SELECT per row on every webhook, and concurrent intake statements
-- share-locking the same inbox row turned those locks into multixacts (bench/ingest, docs/benchmarks.md).
alter table received_message drop constraint received_message_inbox_id_fkey;
alter table received_message drop constraint received_message_delivery_id_fkey;
alter table webhook_delivery drop constraint webhook_delivery_inbox_id_fkey;
