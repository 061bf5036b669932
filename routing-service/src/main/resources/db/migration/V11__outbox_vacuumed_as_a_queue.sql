-- The relay deletes every row it published, thousands a second under load. With the default thresholds (20 % of the
-- table) autovacuum came too late: bench/routing found 64,000 dead rows under 1,400 live ones, and the relay's
-- "oldest 200" index scan visiting every dead entry took a growing share of PostgreSQL's CPU.
alter table outbox_event set (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 5000
);
