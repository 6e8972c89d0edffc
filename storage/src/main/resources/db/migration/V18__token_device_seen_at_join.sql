-- When a token's device had last been seen before the token joined it (DeviceResolver.separate, issue 3):
-- a token that joins a device in use minutes before is that browser on another origin of the app, or a
-- private window opened beside it, never a second install, and is never separated from it.
--
-- NULL for a token that created its device, and for tokens stored before this migration: those count
-- as "not joined beside it", as every token did until now.
ALTER TABLE device_tokens ADD COLUMN device_seen_at_join BIGINT;
