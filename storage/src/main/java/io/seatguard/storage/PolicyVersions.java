package io.seatguard.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** The per-app change counter that policy and list writes move in their own transaction. */
final class PolicyVersions {
    private PolicyVersions() {}

    static void bump(Connection connection, String appId) throws SQLException {
        JdbcRunner.update(connection,
                "INSERT INTO policy_versions (app_id, version) VALUES (?, 1) ON CONFLICT (app_id) DO UPDATE SET version = policy_versions.version + 1",
                appId);
    }

    static long read(Connection connection, String appId) throws SQLException {
        return JdbcRunner.queryOne(connection, "SELECT version FROM policy_versions WHERE app_id = ?", row -> row.getLong(1), appId).orElse(0L);
    }
}
