-- Webhook endpoints can be disabled, by hand (PATCH /v3/webhooks/{id}) or when their tries have failed
-- for five days with no 2xx between (docs/webhooks.md, "Disabled endpoints"). Before, a dead endpoint
-- was tried for ~27.5 h per message, for ever. All times in epoch milliseconds; NULL disabled_at: enabled.
-- disabled_reason is 'manual' or 'failing'. failing_since: when the first try that failed since the last
-- 2xx started; NULL when the last try succeeded. Written with each try's outcome, in its transaction.
ALTER TABLE webhook_endpoints ADD COLUMN disabled_at BIGINT;
ALTER TABLE webhook_endpoints ADD COLUMN disabled_reason VARCHAR(16);
ALTER TABLE webhook_endpoints ADD COLUMN failing_since BIGINT;
