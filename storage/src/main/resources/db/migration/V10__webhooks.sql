-- Webhooks (issue 6). Secrets are kept as they are shown: signing needs them. A rotated secret stays
-- valid beside the new one until previous_expires_at.
CREATE TABLE webhook_endpoints (
    app_id              VARCHAR(64)   NOT NULL,
    id                  VARCHAR(64)   NOT NULL,
    url                 VARCHAR(2048) NOT NULL,
    events              VARCHAR(512)  NOT NULL,
    secret              VARCHAR(64)   NOT NULL,
    previous_secret     VARCHAR(64),
    previous_expires_at BIGINT,
    created_at          BIGINT        NOT NULL,
    PRIMARY KEY (app_id, id)
);

-- The transactional outbox: a message is written in the transaction of the change it reports, with
-- one delivery per endpoint subscribed at that moment.
CREATE TABLE webhook_messages (
    app_id     VARCHAR(64)  NOT NULL,
    id         VARCHAR(64)  NOT NULL,
    event_type VARCHAR(64)  NOT NULL,
    user_id    VARCHAR(256),
    payload    TEXT         NOT NULL,
    created_at BIGINT       NOT NULL,
    PRIMARY KEY (app_id, id)
);
CREATE INDEX webhook_messages_by_user ON webhook_messages (app_id, user_id);

CREATE TABLE webhook_deliveries (
    app_id          VARCHAR(64)  NOT NULL,
    message_id      VARCHAR(64)  NOT NULL,
    endpoint_id     VARCHAR(64)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at BIGINT       NOT NULL,
    locked_until    BIGINT,
    lock_token      VARCHAR(64),
    last_status     INTEGER,
    last_error      VARCHAR(500),
    last_attempt_at BIGINT,
    created_at      BIGINT       NOT NULL,
    PRIMARY KEY (app_id, message_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (app_id, endpoint_id, created_at);
CREATE INDEX webhook_deliveries_by_lock ON webhook_deliveries (lock_token);

CREATE TABLE webhook_attempts (
    app_id      VARCHAR(64) NOT NULL,
    message_id  VARCHAR(64) NOT NULL,
    endpoint_id VARCHAR(64) NOT NULL,
    attempt     INTEGER     NOT NULL,
    at          BIGINT      NOT NULL,
    status      INTEGER,
    error       VARCHAR(500),
    duration_ms BIGINT      NOT NULL,
    PRIMARY KEY (app_id, message_id, endpoint_id, attempt)
);
