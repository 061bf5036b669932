-- What ingest now tells about a message: its kind, e-mail subject, public or private, machine-sent; and later changes.
alter table message add column kind varchar(32) not null default 'text';
alter table message add column subject varchar(998);
alter table message add column public_post boolean not null default false;
alter table message add column auto_reply boolean not null default false;
alter table message add column edited_at timestamptz;
alter table message add column deleted_at timestamptz;
