-- The oldest customer message nobody of the brand has answered yet: each reply reports the wait it ended (reply time,
-- in wall-clock and business seconds), which metrics-service reports.
alter table conversation add column awaiting_reply_since timestamptz;
