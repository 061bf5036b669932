-- Replies sent through ingest: who wrote them and what became of them (delivered, read, failed and why).
alter table message add column agent varchar(255);
alter table message add column delivery_status varchar(16);
alter table message add column delivery_error varchar(1000);
alter table message alter column provider_message_id drop not null;
