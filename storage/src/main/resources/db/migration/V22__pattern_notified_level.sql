-- The highest level a pattern.flagged event was sent for. The level itself is raised by an upsert that
-- cannot tell a concurrent raiser apart: two PostgreSQL nodes observing one account at once both read
-- the old level and both sent the event. Claiming the send with a conditional update of this column
-- lets exactly one of them win. Rows stored before it were sent for their level already.
ALTER TABLE account_patterns ADD COLUMN notified_rank INTEGER NOT NULL DEFAULT 0;
UPDATE account_patterns SET notified_rank = level_rank;
