-- Hibernate writes an identity-keyed row the moment it is persisted, one statement each. Ids taken 50 at a time from
-- a sequence let the assignments of a routed batch go out with the batch's other inserts.
alter table assignment alter column id drop identity;
create sequence assignment_seq increment by 50;
select setval('assignment_seq', coalesce((select max(id) from assignment), 0) + 100);
