-- Who changed what, when (AuditTrail in commons): conversation actions and configuration changes, each with the actor
-- from the caller's token. Admins read it through agent-gateway's /api/admin/audit, newest first, by actor or object.
create table audit_entry (
    id          uuid         primary key,
    at          timestamptz  not null,
    actor       varchar(200) not null,
    action      varchar(64)  not null,
    object_type varchar(32)  not null,
    object_id   varchar(200) not null,
    detail      text
);
create index audit_entry_at on audit_entry (at desc);
create index audit_entry_actor on audit_entry (actor, at desc);
create index audit_entry_object on audit_entry (object_type, object_id, at desc);
