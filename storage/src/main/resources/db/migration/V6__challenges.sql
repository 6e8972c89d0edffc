-- Hosted challenges (issue 5). Keyed by id alone: the hosted page knows only the unguessable id. The
-- moving parts are columns (status, attempts, sends, the current code's keyed hash), so a step is one
-- conditional UPDATE; what is fixed at opening (type, plan, destinations, reasons) is a JSON document.
CREATE TABLE challenges (
    id            VARCHAR(64)  PRIMARY KEY,
    app_id        VARCHAR(64)  NOT NULL,
    evaluation_id VARCHAR(36)  NOT NULL,
    account_key   VARCHAR(330) NOT NULL,
    device_id     VARCHAR(36)  NOT NULL,
    type          VARCHAR(16)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    attempts      INTEGER      NOT NULL,
    sends         INTEGER      NOT NULL,
    code_hash     VARCHAR(64),
    code_sent_at  BIGINT,
    created_at    BIGINT       NOT NULL,
    expires_at    BIGINT       NOT NULL,
    finished_at   BIGINT,
    document      TEXT         NOT NULL
);
-- A newer challenge overrides the pending ones of the same account and device.
CREATE INDEX challenges_by_account ON challenges (app_id, account_key, device_id);
CREATE INDEX challenges_by_evaluation ON challenges (app_id, evaluation_id);

-- Owner notices a policy asked for: one per account and device, ever; the count per account over a day
-- rate limits them.
CREATE TABLE owner_notices (
    app_id    VARCHAR(64)  NOT NULL,
    user_id   VARCHAR(256) NOT NULL,
    device_id VARCHAR(36)  NOT NULL,
    sent_at   BIGINT       NOT NULL,
    PRIMARY KEY (app_id, user_id, device_id)
);
