-- The lock token of the try that was in flight when the delivery was redelivered (review finding: a
-- redelivery freed that try's lock, so a second copy went out at once and the try's outcome was dropped).
-- The try keeps its lock and records its outcome and log row, but leaves the redelivery's fresh schedule
-- in place; the redelivery goes out once it has ended. Tokens are never reused, so a stale value (the try's
-- node died) matches no later claim.
ALTER TABLE webhook_deliveries ADD COLUMN redelivered_under_lock VARCHAR(64);
