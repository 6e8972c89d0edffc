-- App-wide device matching (issue 3): each device's hardware class, so resolution can find look-alikes
-- of a browser without comparing it with every device of the app, and count how many browsers
-- (tokens) a hardware class holds.
ALTER TABLE device_components ADD COLUMN blocking_key VARCHAR(32);
CREATE INDEX device_components_by_block ON device_components (app_id, blocking_key, updated_at);
CREATE INDEX device_tokens_by_device ON device_tokens (app_id, device_id);
