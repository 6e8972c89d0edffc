-- Dashboard operators (issue 7). Passwords are Argon2id hashes; session tokens are SHA-256 hashes.
CREATE TABLE operators (
    id            VARCHAR(64)  PRIMARY KEY,
    email         VARCHAR(254) NOT NULL UNIQUE,
    password_hash VARCHAR(255) NOT NULL,
    created_at    BIGINT       NOT NULL
);

-- Failed sign-ins per email and client address, for the back-off.
CREATE TABLE operator_failures (
    email      VARCHAR(254) NOT NULL,
    client_key VARCHAR(64)  NOT NULL,
    at         BIGINT       NOT NULL
);
CREATE INDEX operator_failures_by_email ON operator_failures (email, client_key, at);

CREATE TABLE operator_sessions (
    token_hash  VARCHAR(64) PRIMARY KEY,
    operator_id VARCHAR(64) NOT NULL,
    csrf_token  VARCHAR(64) NOT NULL,
    created_at  BIGINT      NOT NULL,
    expires_at  BIGINT      NOT NULL
);
