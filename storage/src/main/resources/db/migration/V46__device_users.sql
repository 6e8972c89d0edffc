-- The accounts each device was used on, one row per (account, device), written by every evaluation that
-- names both (allowed, challenged or denied alike, as user_fingerprints are): device_user_count and the
-- many_accounts_on_device pattern count them. Counting the accounts on an exact fingerprint instead
-- counted look-alike people as one machine (every iPhone of a model and version in one language, a
-- company's laptops from one disk image: docs/checks.md, "One fingerprint is not one device"); device ids
-- keep those apart by their tokens. A row is written when the account's link to the device is (the write
-- throttle's five minutes) or, for a device the account never let in, with each evaluation.
-- "vouched" is 1 once a vouched evaluation (server mode, signed identity) showed the account on the
-- device; a vouched evaluation counts only those rows, as it does the fingerprint's (V44).
CREATE TABLE device_users (
    app_id     VARCHAR(64)  NOT NULL,
    user_id    VARCHAR(256) NOT NULL,
    device_id  VARCHAR(36)  NOT NULL,
    first_seen BIGINT       NOT NULL,
    last_seen  BIGINT       NOT NULL,
    vouched    SMALLINT     NOT NULL DEFAULT 0,
    PRIMARY KEY (app_id, user_id, device_id)
);
-- A device's accounts, vouched ones first in each device's range: covers both counts (every account other
-- than the evaluation's own, and vouched ones) and the deletion of a device's rows.
CREATE INDEX device_users_by_device ON device_users (app_id, device_id, vouched, user_id);
-- The accounts already linked to a device were used on it: counted from the start. A link's vouched
-- (V37) is the same fact for the link. Rows a node of the release before writes during a rolling upgrade
-- are links only, so an account challenged or denied on a device there counts from its next evaluation.
INSERT INTO device_users (app_id, user_id, device_id, first_seen, last_seen, vouched)
    SELECT app_id, user_id, device_id, first_seen, last_seen, vouched FROM user_devices;
