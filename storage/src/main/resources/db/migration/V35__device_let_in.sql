-- When a device was first let in to the app without an account: an allowed signup, or an owner
-- verification passed on it.
-- An evaluation without an account judges is_new_device by it ("new to the app"), so a signup abandoned
-- at its challenge, which stored the device, still finds the device new at the next try (seed 003).
-- Null for a device only ever challenged, denied, or evaluated for other actions. A device an account's link vouches for
-- (attached, or logged out after it was) counts as let in without it (SqlDeviceDirectory.wasLetIn), so
-- allowed logins need not write it.
--
-- Devices stored before this column existed count as let in from when they were first seen: which of
-- them were only ever challenged is not kept in a form worth reading back from every evaluation, and
-- treating them as new would challenge every known browser's next signup after an upgrade.
ALTER TABLE devices ADD COLUMN let_in_at BIGINT;
UPDATE devices SET let_in_at = first_seen;
