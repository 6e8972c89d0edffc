package io.seatguard.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The per-app change counter that policy and list writes move in their own transaction. Every such write
 * moves it first, before touching a policy or a list: on PostgreSQL the counter's row lock then orders
 * them all the same way, so two of them never wait on each other's rows (a deadlock). A write that
 * finds nothing to change has still moved it; readers reload once for nothing.
 */
final class PolicyVersions {
    private PolicyVersions() {}

    static void bump(Connection connection, String appId) throws SQLException {
        JdbcRunner.update(connection,
                "INSERT INTO policy_versions (app_id, version) VALUES (?, 1) ON CONFLICT (app_id) DO UPDATE SET version = policy_versions.version + 1",
                appId);
    }

    /**
     * Moves the counter only if it still reads {@code expected}; false when another change moved it first.
     * Run first in its transaction: on PostgreSQL the row lock it takes makes a concurrent conditional
     * write wait, then find the counter moved (READ COMMITTED re-checks the condition on the new row).
     */
    static boolean bumpIf(Connection connection, String appId, long expected) throws SQLException {
        if (expected == 0) {
            return JdbcRunner.update(connection, "INSERT INTO policy_versions (app_id, version) VALUES (?, 1) ON CONFLICT (app_id) DO NOTHING", appId) == 1;
        }
        return JdbcRunner.update(connection, "UPDATE policy_versions SET version = version + 1 WHERE app_id = ? AND version = ?", appId, expected) == 1;
    }

    static long read(Connection connection, String appId) throws SQLException {
        return JdbcRunner.queryOne(connection, "SELECT version FROM policy_versions WHERE app_id = ?", row -> row.getLong(1), appId).orElse(0L);
    }
}
