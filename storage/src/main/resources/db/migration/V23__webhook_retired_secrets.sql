-- Every secret a rotation replaced that still signs, as "secret@untilMillis" separated by spaces, newest
-- first. One "previous" slot lost the first secret when an endpoint was rotated twice within the
-- day's overlap, cutting off receivers that still held it. (A whsec_ secret is base64: no space, no @.)
ALTER TABLE webhook_endpoints ADD COLUMN retired_secrets VARCHAR(1000);
UPDATE webhook_endpoints SET retired_secrets = previous_secret || '@' || CAST(previous_expires_at AS VARCHAR(20))
    WHERE previous_secret IS NOT NULL AND previous_expires_at IS NOT NULL;
ALTER TABLE webhook_endpoints DROP COLUMN previous_secret;
ALTER TABLE webhook_endpoints DROP COLUMN previous_expires_at;
