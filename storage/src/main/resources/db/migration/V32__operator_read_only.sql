-- Read-only operators: they see the dashboard pages of their apps and change nothing (but their own
-- password). 0 for every operator made before, who keep managing what they managed.
ALTER TABLE operators ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0;
