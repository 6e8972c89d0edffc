package io.seatguard.storage;

/**
 * The database's clock as an SQL expression in epoch milliseconds, the unit every stored time uses. For
 * times that nodes compare with one another's: each node's own clock drifts (or is set wrong), and a
 * time one node wrote measured against another's clock is off by their difference; every node reads the
 * database's clock alike. SQLite's is the one process's, whose clock is the node's own.
 */
final class DatabaseClock {
    private DatabaseClock() {}

    /**
     * Now, in epoch milliseconds, at the statement's database, as of the statement's start. Not PostgreSQL's
     * CURRENT_TIMESTAMP, which is its transaction's start: a write runs in the writer's group commit, a
     * transaction its batch's earlier writes began, seconds before when one waited on a lock (found in
     * review). SQLite's 'now' is the statement's already.
     */
    static String nowMillis(DatabaseKind kind) {
        return switch (kind) {
            case SQLITE -> "CAST(unixepoch('subsec') * 1000 AS INTEGER)";
            case POSTGRESQL -> "CAST(EXTRACT(EPOCH FROM statement_timestamp()) * 1000 AS BIGINT)";
        };
    }
}
