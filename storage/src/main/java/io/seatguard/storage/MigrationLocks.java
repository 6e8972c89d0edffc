package io.seatguard.storage;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;
import org.sqlite.SQLiteException;

/**
 * A migration that finds a table locked by another session gives up rather than wait. On PostgreSQL an
 * {@code ALTER TABLE} waiting for its lock (behind a long report, or another node's transaction left
 * open during a rolling upgrade) queues every later query on the table behind it, so the whole service
 * stalled for as long as the holder lasted. Failing the start is better: the operator sees why, ends the
 * holder, and starts again; each migration is one transaction, so nothing of the failed one stays.
 */
final class MigrationLocks {
    /** How long a PostgreSQL migration's statement waits for a lock: the longest every query on the table may queue behind it. */
    static final Duration WAIT = Duration.ofSeconds(5);
    /**
     * Run on each of the migration's own connections, never on the pools of ordinary traffic, whose
     * reads and writes may wait for a migration holding a lock (their own timeouts bound that).
     */
    static final String POSTGRES_SESSION_SQL = "SET lock_timeout = '" + WAIT.toMillis() + "ms'";
    /** PostgreSQL's {@code lock_not_available}: the lock timeout ran out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    /** Enough of a statement to name its table; the whole of a long one would bury the rest. */
    private static final int STATEMENT_SHOWN = 160;

    private MigrationLocks() {}

    /**
     * Says which migration waited for a lock and what to do, when that is why the migration failed; empty
     * for any other failure.
     */
    static Optional<String> describe(RuntimeException failure, Flyway flyway, DatabaseKind kind) {
        Optional<SQLException> cause = lockCause(failure, kind);
        if (cause.isEmpty()) {
            return Optional.empty();
        }
        String migration = failedMigration(flyway);
        String statement = statement(failure).map(s -> " (its statement `" + s + "`)").orElse("");
        return Optional.of(switch (kind) {
            case POSTGRESQL -> migration + statement + " waited " + WAIT.toSeconds() + " s for a lock on a table another session holds"
                    + " (a long query, or a transaction left open: see pg_locks and pg_stat_activity) and gave up, so that traffic"
                    + " would not queue behind it; nothing of it was applied. End that session or wait for it, and start again";
            case SQLITE -> migration + statement + " found the database's write lock held by another process (a tool, the sqlite3"
                    + " shell) and gave up; nothing of it was applied. Let that process finish, and start again";
        });
    }

    private static Optional<SQLException> lockCause(Throwable failure, DatabaseKind kind) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SQLException sql && isLockWait(sql, kind)) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static boolean isLockWait(SQLException e, DatabaseKind kind) {
        return switch (kind) {
            case POSTGRESQL -> LOCK_NOT_AVAILABLE.equals(e.getSQLState());
            // The primary result code, whatever the extended one (SQLITE_BUSY_SNAPSHOT and the like).
            case SQLITE -> e instanceof SQLiteException && ((e.getErrorCode() & 0xff) == SQLITE_BUSY || (e.getErrorCode() & 0xff) == SQLITE_LOCKED);
        };
    }

    /** The first migration still pending: the failed one, whose transaction was rolled back. */
    private static String failedMigration(Flyway flyway) {
        try {
            MigrationInfo[] pending = flyway.info().pending();
            if (pending.length > 0) {
                return "migration V" + pending[0].getVersion() + " (" + pending[0].getDescription() + ")";
            }
        }
        catch (RuntimeException e) {
            // Reading the history failed too: the message still says what happened, without the name.
        }
        return "a migration";
    }

    /** The statement that waited, from Flyway's report of a SQL script (a Java migration's is not known). */
    private static Optional<String> statement(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof FlywaySqlScriptException script && script.getStatement() != null) {
                // Without the comments Flyway keeps in front of a script's first statement.
                String text = script.getStatement().replaceAll("(?m)--.*$", "").replaceAll("(?s)/\\*.*?\\*/", "").strip()
                        .replaceAll("\\s+", " ");
                return Optional.of(text.length() <= STATEMENT_SHOWN ? text : text.substring(0, STATEMENT_SHOWN) + "…");
            }
        }
        return Optional.empty();
    }
}
