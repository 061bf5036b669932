-- Routing writes a batch's new contacts, conversations, messages, tags and timers table by table, each table's rows in
-- one batched statement (hibernate.order_inserts), instead of row by row in the order they were made: a message's
-- insert may then come before its conversation's. References to conversations and contacts are checked at commit.
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
