-- Signed identity: each app's identity secret, kept in clear (Seatguard computes the same HMAC to check a
-- browser's signature), the secrets rotations replaced that are still accepted ("secret@untilMillis"
-- separated by spaces, newest first, as webhook_endpoints.retired_secrets; an ids_ secret is base62: no
-- space, no @), and whether browser evaluations must be signed (0 or 1: booleans are avoided, V1).
-- Apps made before this have no identity secret until one is rotated in, and do not require one.
ALTER TABLE apps ADD COLUMN identity_secret VARCHAR(64);
ALTER TABLE apps ADD COLUMN identity_retired_secrets VARCHAR(1000);
ALTER TABLE apps ADD COLUMN require_signed_identity INTEGER NOT NULL DEFAULT 0;
