-- Operator sign-in tries are counted and then recorded in one transaction. On PostgreSQL, under read
-- committed, two nodes could both count below the limit and each record one try past it. A try now
-- first upserts the lock row of its email's bucket, which holds that row's lock to the end of its
-- transaction: tries at one email run one after the other, and each counts what the one before wrote.
-- The bucket is a hash of the email (4,096 of them), so the table never grows past that and keeps no
-- address; two emails that share a bucket only wait for each other. SQLite's single writer already
-- ran the tries one at a time.
CREATE TABLE operator_signin_locks (
    bucket INTEGER NOT NULL PRIMARY KEY
);
