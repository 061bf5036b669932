-- When a running timer has only parley.sla.warn-when-left of its target left (warn_at, moved with due_at), and when
-- sla.warning was sent for it; the partial index serves the warning scan as sla_timer_due serves the breach scan.
alter table sla_timer add column warn_at timestamptz, add column warned_at timestamptz;
create index sla_timer_warn on sla_timer (warn_at) where state = 'RUNNING' and warned_at is null;
