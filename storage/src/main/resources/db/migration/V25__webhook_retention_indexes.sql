-- Retention walks webhook messages and challenges by age, a thousand rows per transaction. Without an
-- index on their age each batch read the whole table while holding the single writer: with a million
-- delivered messages, one to two seconds per batch.
CREATE INDEX webhook_messages_by_age ON webhook_messages (created_at);
CREATE INDEX challenges_by_age ON challenges (created_at);
