-- One migration history for SQLite and PostgreSQL: only types and statements both accept.
-- Times are epoch milliseconds (BIGINT); booleans are avoided (consumed = consumed_at IS NOT NULL).
-- Every table but settings is keyed by app first, so every hot query stays inside one tenant and, past
-- one database, inside one (app, user) shard (DESIGN.md "Growing past one machine").

CREATE TABLE settings (
    name  VARCHAR(100) PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE apps (
    id              VARCHAR(64)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    client_id       VARCHAR(64)  NOT NULL UNIQUE,
    secret_lookup   VARCHAR(32)  NOT NULL UNIQUE,
    secret_hash     VARCHAR(64)  NOT NULL,
    allowed_origins TEXT         NOT NULL,
    created_at      BIGINT       NOT NULL
);

CREATE TABLE evaluations (
    app_id      VARCHAR(64)  NOT NULL,
    id          VARCHAR(36)  NOT NULL,
    user_id     VARCHAR(256),
    action      VARCHAR(64)  NOT NULL,
    verdict     VARCHAR(16)  NOT NULL,
    device_id   VARCHAR(36)  NOT NULL,
    ip          VARCHAR(45)  NOT NULL,
    created_at  BIGINT       NOT NULL,
    consumed_at BIGINT,
    document    TEXT         NOT NULL,
    PRIMARY KEY (app_id, id)
);
CREATE INDEX evaluations_by_user ON evaluations (app_id, user_id, created_at);

CREATE TABLE devices (
    app_id     VARCHAR(64)  NOT NULL,
    id         VARCHAR(36)  NOT NULL,
    type       VARCHAR(16)  NOT NULL,
    browser    VARCHAR(100) NOT NULL,
    os         VARCHAR(100) NOT NULL,
    first_seen BIGINT       NOT NULL,
    last_seen  BIGINT       NOT NULL,
    PRIMARY KEY (app_id, id)
);

-- Tokens are kept as SHA-256 hashes: a leaked table must not let anyone pose as a device.
CREATE TABLE device_tokens (
    app_id     VARCHAR(64) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    device_id  VARCHAR(36) NOT NULL,
    created_at BIGINT      NOT NULL,
    PRIMARY KEY (app_id, token_hash)
);

CREATE TABLE device_fingerprints (
    app_id         VARCHAR(64) NOT NULL,
    fingerprint_id VARCHAR(32) NOT NULL,
    device_id      VARCHAR(36) NOT NULL,
    first_seen     BIGINT      NOT NULL,
    last_seen      BIGINT      NOT NULL,
    PRIMARY KEY (app_id, fingerprint_id)
);

CREATE TABLE users (
    app_id     VARCHAR(64)  NOT NULL,
    id         VARCHAR(256) NOT NULL,
    first_seen BIGINT       NOT NULL,
    last_seen  BIGINT       NOT NULL,
    PRIMARY KEY (app_id, id)
);

CREATE TABLE user_devices (
    app_id     VARCHAR(64)  NOT NULL,
    user_id    VARCHAR(256) NOT NULL,
    device_id  VARCHAR(36)  NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    first_seen BIGINT       NOT NULL,
    last_seen  BIGINT       NOT NULL,
    PRIMARY KEY (app_id, user_id, device_id)
);

CREATE TABLE user_ips (
    app_id     VARCHAR(64)  NOT NULL,
    user_id    VARCHAR(256) NOT NULL,
    ip         VARCHAR(45)  NOT NULL,
    first_seen BIGINT       NOT NULL,
    last_seen  BIGINT       NOT NULL,
    PRIMARY KEY (app_id, user_id, ip)
);

CREATE TABLE user_fingerprints (
    app_id         VARCHAR(64)  NOT NULL,
    user_id        VARCHAR(256) NOT NULL,
    fingerprint_id VARCHAR(32)  NOT NULL,
    first_seen     BIGINT       NOT NULL,
    last_seen      BIGINT       NOT NULL,
    PRIMARY KEY (app_id, user_id, fingerprint_id)
);
