-- The tables every customer's message adds to. While they are young, autoanalyze comes back after every 10 % of
-- growth (once a minute in bench/routing), and at the default target each analyze samples 30,000 rows, reading most of
-- the table: 0.1–0.25 s of CPU each, together a second in which the two cores had less to give routing. The planner
-- reads these by key or through partial indexes, and the columns it estimates (status, priority, team, assignee, ...)
-- have few values or many spread evenly, so a target of 10 (3,000 rows sampled) tells it enough. Free text gets no
-- statistics: the conversation search matches lower(content) against '%...%', which the column's would not help.
-- Columns added later start at the default target and need the same.
do $$
declare
    col record;
begin
    for col in
        select c.relname, a.attname
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        where c.relnamespace = current_schema()::regnamespace
          and c.relname in ('conversation', 'message', 'contact', 'assignment', 'processed_event')
          and a.attnum > 0
          and not a.attisdropped
    loop
        execute format('alter table %I alter column %I set statistics 10', col.relname, col.attname);
    end loop;
end
$$;

alter table message alter column content set statistics 0;
alter table contact alter column attributes set statistics 0;
