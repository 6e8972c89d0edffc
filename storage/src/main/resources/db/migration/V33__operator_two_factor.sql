-- Two-factor sign-in for operators (TOTP, RFC 6238). NULL: not turned on. totp_last_step is the time
-- step of the last code accepted, so that a code seen over a shoulder or in a log cannot be used again.
ALTER TABLE operators ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE operators ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
