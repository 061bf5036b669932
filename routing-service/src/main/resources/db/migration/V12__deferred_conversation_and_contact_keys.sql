-- Routing persists a new conversation once rules, hours, timers and the queue have set it up, after its first message,
-- tags and timers (inserted first, it was then updated in the same flush). References to conversations, and to
-- contacts, are therefore checked at commit.
do $$
declare
    fk record;
begin
    for fk in
        select conrelid::regclass as tbl, conname
        from pg_constraint
        where contype = 'f'
          and connamespace = current_schema()::regnamespace
          and confrelid in ('conversation'::regclass, 'contact'::regclass)
    loop
        execute format('alter table %s alter constraint %I deferrable initially deferred', fk.tbl, fk.conname);
    end loop;
end $$;
