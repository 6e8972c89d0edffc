-- Account patterns (issue 6), written with the evaluation that observed them. level_rank only rises
-- (1 suspicious, 2 dangerous); current_value and last_seen move.
CREATE TABLE account_patterns (
    app_id         VARCHAR(64)  NOT NULL,
    user_id        VARCHAR(256) NOT NULL,
    pattern        VARCHAR(32)  NOT NULL,
    level_rank     INTEGER      NOT NULL,
    current_value  BIGINT       NOT NULL,
    first_detected BIGINT       NOT NULL,
    last_seen      BIGINT       NOT NULL,
    PRIMARY KEY (app_id, user_id, pattern)
);
CREATE INDEX account_patterns_by_pattern ON account_patterns (app_id, pattern, level_rank, last_seen);
CREATE INDEX account_patterns_by_seen ON account_patterns (app_id, last_seen);
