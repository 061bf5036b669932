-- The webhook archive stays append-only with two exceptions:
-- * redaction (erasing a person): the body is replaced by nothing and redacted_at set, id, inbox, channel, content
--   type and time kept, once;
-- * retention: rows older than the retention period are deleted by the retention job, which says so for its own
--   transaction (set local parley.archive_purge = 'on').
alter table webhook_delivery add column redacted_at timestamptz;

create or replace function webhook_delivery_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
        and old.redacted_at is null and new.redacted_at is not null
        and new.body = ''::bytea
        and new.id = old.id and new.inbox_id = old.inbox_id and new.channel = old.channel
        and new.received_at = old.received_at
        and new.content_type is not distinct from old.content_type then
        return new;
    end if;
    if tg_op = 'DELETE' and current_setting('parley.archive_purge', true) = 'on' then
        return old;
    end if;
    raise exception 'webhook_delivery is append-only (only redaction and the retention job may change it)';
end;
$$;
