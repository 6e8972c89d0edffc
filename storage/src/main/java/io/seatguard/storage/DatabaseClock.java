package io.seatguard.storage;

/**
 * The database's clock as an SQL expression in epoch milliseconds, the unit every stored time uses. For
 * times that nodes compare with one another's: each node's own clock drifts (or is set wrong), and a
 * time one node wrote measured against another's clock is off by their difference; every node reads the
 * database's clock alike. SQLite's is the one process's, whose clock is the node's own.
 */
final class DatabaseClock {
    private DatabaseClock() {}

    /** Now, in epoch milliseconds, at the statement's database (PostgreSQL: its transaction's start). */
    static String nowMillis(DatabaseKind kind) {
        return switch (kind) {
            case SQLITE -> "CAST(unixepoch('subsec') * 1000 AS INTEGER)";
            case POSTGRESQL -> "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)";
        };
    }
}
