-- Retention walks webhook messages and challenges by age, a thousand rows per transaction. Without an
-- index on their age each batch read the whole table while holding the single writer: with a million
-- delivered messages, one to two seconds per batch.
CREATE INDEX webhook_messages_by_age ON webhook_messages (created_at);
CREATE INDEX challenges_by_age ON challenges (created_at);

-- Claims take each endpoint's oldest due deliveries, a few per endpoint (SqlWebhooks.claim): one queue
-- for all endpoints in next_attempt_at order let a receiver that never answers hold up every other
-- endpoint's deliveries behind its backlog. The due index now leads with the endpoint.
DROP INDEX webhook_deliveries_due;
CREATE INDEX webhook_deliveries_due_by_endpoint ON webhook_deliveries (app_id, endpoint_id, status, next_attempt_at);
