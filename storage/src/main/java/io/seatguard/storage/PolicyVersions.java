package io.seatguard.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The per-app change counter that policy and list writes move in their own transaction. Every such write
 * takes the counter's row first, before touching a policy or a list: on PostgreSQL its row lock then
 * orders them all the same way, so two of them never wait on each other's rows (a deadlock). Policy
 * writes move it at once (one that then finds nothing to change has still moved it, and readers reload
 * once for nothing); adding or removing list values only {@link #lock}s it, and moves it once something
 * changed: every node reloads the app's changed lists when it moves, and a removal of values a list does
 * not hold (a script's retry) made each of them do so. Creating a list is checked against the version
 * with {@link #lockIf} and moves it only once the list is written: a name already taken changes nothing.
 */
final class PolicyVersions {
    private PolicyVersions() {}

    static void bump(Connection connection, String appId) throws SQLException {
        JdbcRunner.update(connection,
                "INSERT INTO policy_versions (app_id, version) VALUES (?, 1) ON CONFLICT (app_id) DO UPDATE SET version = policy_versions.version + 1",
                appId);
    }

    /**
     * Takes the counter's row lock (on PostgreSQL; SQLite's one writer orders every write) without moving
     * it, for a write that may turn out to change nothing; false when the app has no counter, so no list.
     */
    static boolean lock(Connection connection, String appId) throws SQLException {
        return JdbcRunner.update(connection, "UPDATE policy_versions SET version = version WHERE app_id = ?", appId) == 1;
    }

    /**
     * Moves the counter only if it still reads {@code expected}; false when another change moved it first.
     * Run first in its transaction: on PostgreSQL the row lock it takes makes a concurrent conditional
     * write wait, then find the counter moved (READ COMMITTED re-checks the condition on the new row).
     */
    static boolean bumpIf(Connection connection, String appId, long expected) throws SQLException {
        if (expected == 0) {
            // A row at 0 (left by lockIf) is no counter yet too.
            return JdbcRunner.update(connection, "INSERT INTO policy_versions (app_id, version) VALUES (?, 1) ON CONFLICT (app_id)"
                    + " DO UPDATE SET version = 1 WHERE policy_versions.version = 0", appId) == 1;
        }
        return JdbcRunner.update(connection, "UPDATE policy_versions SET version = version + 1 WHERE app_id = ? AND version = ?", appId, expected) == 1;
    }

    /**
     * Takes the counter's row lock only if it still reads {@code expected}, without moving it; false when
     * another change moved it first. For a checked write that may still be refused: {@link #bump} it in
     * the same transaction once something was written. Run first in its transaction, as {@link #bumpIf}.
     * With {@code expected} 0 (no counter yet) it makes the counter's row at 0, which reads as no counter
     * does, so a refused write leaves the version where it was.
     */
    static boolean lockIf(Connection connection, String appId, long expected) throws SQLException {
        if (expected == 0) {
            // Upserted, not plainly inserted: a row left at 0 by an earlier refused write is still version 0.
            return JdbcRunner.update(connection, "INSERT INTO policy_versions (app_id, version) VALUES (?, 0) ON CONFLICT (app_id)"
                    + " DO UPDATE SET version = policy_versions.version WHERE policy_versions.version = 0", appId) == 1;
        }
        return JdbcRunner.update(connection, "UPDATE policy_versions SET version = version WHERE app_id = ? AND version = ?", appId, expected) == 1;
    }

    static long read(Connection connection, String appId) throws SQLException {
        return JdbcRunner.queryOne(connection, "SELECT version FROM policy_versions WHERE app_id = ?", row -> row.getLong(1), appId).orElse(0L);
    }
}
