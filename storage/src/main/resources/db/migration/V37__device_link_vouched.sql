-- Whether the account's link to a device was attached by a vouched-for evaluation (server mode, or a
-- signed identity: 1) or only by unsigned browser calls (0), whose account is the caller's word. A
-- vouched evaluation reads an unvouched link as a new device (is_new_device): with the public client id,
-- anyone could otherwise name an account in an unsigned call, be let in, and so make their browser one of
-- the account's devices, so that a later login from it with a stolen password, evaluated by the app's
-- backend, passed every new-device policy (noticed in review, session 48).
-- Links stored before this column existed count as vouched: they keep reading as they did.
ALTER TABLE user_devices ADD COLUMN vouched SMALLINT NOT NULL DEFAULT 1;
