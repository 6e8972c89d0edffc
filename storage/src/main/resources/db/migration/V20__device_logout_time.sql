-- When a device was logged out of an account. A login re-attaches the device only if it happened at or
-- after that time: imported history (a server-mode timestamp before the logout), or an evaluation that
-- read the link as attached just before a logout committed, must not undo the logout. Null for links
-- never logged out, and for logouts made before this column existed.
ALTER TABLE user_devices ADD COLUMN detached_at BIGINT;
