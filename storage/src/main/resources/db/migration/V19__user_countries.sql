-- The countries each account was placed in, with the first and last time (issue 4). "Seen in this
-- country before" and "countries of the last 24 hours" read the account's few rows here. Before, they
-- walked its evaluations: with PostgreSQL, which has no in-process activity cache, that cost grew with
-- the account's history, 38 ms of database time per evaluation of an account under attack
-- (docs/benchmarks.md, "An account's countries").
--
-- Like user_ips, a row outlives the evaluation retention and goes when the account is erased. Its
-- last_seen moves at most once a minute (SqlEvaluationStore): the account's latest event there lies
-- within a minute after it, which readers that need the exact time look up in that minute only.
CREATE TABLE user_countries (
    app_id     VARCHAR(64)  NOT NULL,
    user_id    VARCHAR(256) NOT NULL,
    country    VARCHAR(2)   NOT NULL,
    first_seen BIGINT       NOT NULL,
    last_seen  BIGINT       NOT NULL,
    PRIMARY KEY (app_id, user_id, country)
);

INSERT INTO user_countries (app_id, user_id, country, first_seen, last_seen)
    SELECT app_id, user_id, country, MIN(created_at), MAX(created_at) FROM evaluations
    WHERE user_id IS NOT NULL AND country IS NOT NULL
    GROUP BY app_id, user_id, country;
