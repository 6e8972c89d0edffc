-- Every recipient each owner notice went to, one row each. V21 kept one recipient per notice (the phone
-- when it went by SMS), so a notice that went by SMS and email counted against the phone alone and one
-- email address could be sent any number of notices by naming a new phone each time. The per-recipient
-- daily cap now counts these rows; owner_notices.recipient is no longer written.
CREATE TABLE owner_notice_recipients (
    app_id    VARCHAR(64)  NOT NULL,
    user_id   VARCHAR(256) NOT NULL,
    device_id VARCHAR(36)  NOT NULL,
    recipient VARCHAR(254) NOT NULL,
    sent_at   BIGINT       NOT NULL
);
CREATE INDEX owner_notice_recipients_by_recipient ON owner_notice_recipients (app_id, recipient, sent_at);
-- Erasing an account deletes its rows.
CREATE INDEX owner_notice_recipients_by_user ON owner_notice_recipients (app_id, user_id);
-- The last day's counts carry over.
INSERT INTO owner_notice_recipients (app_id, user_id, device_id, recipient, sent_at)
    SELECT app_id, user_id, device_id, recipient, sent_at FROM owner_notices WHERE recipient IS NOT NULL;
