-- One row the outbox relay locks (SKIP LOCKED) for its round: one relay per database publishes at a time, in order.
create table outbox_relay_lock (
    id  int  primary key
);
insert into outbox_relay_lock (id) values (1);
