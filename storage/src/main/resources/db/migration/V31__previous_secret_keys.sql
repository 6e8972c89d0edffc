-- A rotated secret key may stay valid for a while (POST /v3/apps/{id}/rotate-secret with
-- previous_key_valid_for), so that every backend of an app can move to the new key without an outage.
-- One previous key at a time: its lookup prefix, the SHA-256 of the whole key, and until when (epoch ms).
-- Nullable columns only: the release before still reads and writes apps (docs/architecture.md).
ALTER TABLE apps ADD COLUMN previous_secret_lookup VARCHAR(32);
ALTER TABLE apps ADD COLUMN previous_secret_hash VARCHAR(64);
ALTER TABLE apps ADD COLUMN previous_secret_until BIGINT;
CREATE INDEX apps_by_previous_secret ON apps (previous_secret_lookup);
