-- Both tables grow by every webhook and are read only by key or key range (dedup, relay cursor, thread, replay), so
-- the planner needs little from their statistics: a target of 10 samples 3,000 rows instead of 30,000. While a table
-- is young, autoanalyze comes back after every 10 % of growth, once a minute in bench/routing, and at the default
-- target the analyze of received_message read nearly all of it (0.5 s of CPU, 1 s in all; its 30,000 rows span most
-- of its pages), the slowest seconds of the run. Columns no query filters or orders by get no statistics at all.
-- Columns added later start at the default target again and need the same.
alter table received_message
    alter column inbox_id set statistics 10,
    alter column provider_message_id set statistics 10,
    alter column received_at set statistics 10,
    alter column thread_key set statistics 10,
    alter column customer_message set statistics 10,
    alter column relay_tx set statistics 10,
    alter column relay_seq set statistics 10,
    alter column event_id set statistics 0,
    alter column delivery_id set statistics 0,
    alter column event set statistics 0,
    alter column kafka_key set statistics 0;

alter table webhook_delivery
    alter column id set statistics 10,
    alter column inbox_id set statistics 10,
    alter column received_at set statistics 10,
    alter column channel set statistics 0,
    alter column content_type set statistics 0,
    alter column body set statistics 0;
