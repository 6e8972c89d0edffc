-- Owner-notice caps (per account, per recipient) are counted and then written in one transaction. On
-- PostgreSQL, under read committed, two nodes could both count below a cap and both send. A claim now
-- first upserts one row for the account and one per recipient, in one order, which holds those rows'
-- locks to the end of its transaction: claims that share an account or a recipient run one after the
-- other, and each counts what the one before it wrote. SQLite's single writer already did the same.
CREATE TABLE owner_notice_claims (
    app_id     VARCHAR(64)  NOT NULL,
    claim_key  VARCHAR(300) NOT NULL,
    claimed_at BIGINT       NOT NULL,
    PRIMARY KEY (app_id, claim_key)
);
-- Retention deletes them by age, as it does the recipients (V28).
CREATE INDEX owner_notice_claims_by_age ON owner_notice_claims (claimed_at);
