package io.seatguard.storage;

import io.seatguard.core.webhook.EndpointHealth;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * An endpoint's health columns (V43): when its tries began failing, and whether it is disabled. The
 * statements a try runs ({@link #afterTry}) change the row only when its state changes, so try after try
 * of a healthy (or of a long failing) endpoint writes nothing here and takes no lock on its row.
 */
final class SqlEndpointHealth {
    /**
     * Up to {@code ?} of a disabled endpoint's pending deliveries marked failed, "endpoint disabled"; none
     * once it is enabled again (enabling sweeps what is left first, {@link SqlWebhooks#setEnabled}). A delivery whose try
     * is in flight keeps its lock: the try records its outcome, and is marked failed again then
     * ({@link #failIfDisabled}). Read through webhook_deliveries_by_endpoint_status.
     */
    static final String FAIL_PENDING = "UPDATE webhook_deliveries SET status = 'failed', last_error = ?"
            + " WHERE status = 'pending' AND (app_id, message_id, endpoint_id) IN (SELECT d.app_id, d.message_id, d.endpoint_id FROM webhook_deliveries d"
            + " WHERE d.app_id = ? AND d.endpoint_id = ? AND d.status = 'pending' LIMIT ?)"
            + " AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.app_id = ? AND e.id = ? AND e.disabled_at IS NOT NULL)";

    private SqlEndpointHealth() {}

    /**
     * A try's outcome in the endpoint's health, in the try's transaction: a 2xx ends a failing spell; a
     * failure starts one, or disables the endpoint when the spell has lasted {@link EndpointHealth#AUTO_DISABLE_AFTER}.
     * Answers whether this try disabled it.
     *
     * <p>The spell's start and the disabling are measured on the database's clock ({@link DatabaseClock}),
     * not the try's: the spell may start on one node and end on another, and with each node's own clock
     * a node running days ahead disabled a failing endpoint days early, one behind days late.
     */
    static boolean afterTry(Connection connection, DatabaseKind kind, String appId, String endpointId, boolean delivered) throws SQLException {
        if (delivered) {
            JdbcRunner.update(connection, "UPDATE webhook_endpoints SET failing_since = NULL WHERE app_id = ? AND id = ? AND failing_since IS NOT NULL",
                    appId, endpointId);
            return false;
        }
        String now = DatabaseClock.nowMillis(kind);
        JdbcRunner.update(connection, "UPDATE webhook_endpoints SET failing_since = " + now + " WHERE app_id = ? AND id = ? AND failing_since IS NULL",
                appId, endpointId);
        return JdbcRunner.update(connection,
                "UPDATE webhook_endpoints SET disabled_at = " + now + ", disabled_reason = 'failing' WHERE app_id = ? AND id = ? AND disabled_at IS NULL"
                        + " AND failing_since <= " + now + " - ?",
                appId, endpointId, EndpointHealth.AUTO_DISABLE_AFTER.toMillis()) == 1;
    }

    /**
     * The delivery marked failed if it is still pending while its endpoint is disabled: a try that was in
     * flight when the endpoint was disabled would otherwise leave it pending, never claimed, for ever.
     */
    static void failIfDisabled(Connection connection, String appId, String messageId, String endpointId) throws SQLException {
        JdbcRunner.update(connection,
                "UPDATE webhook_deliveries SET status = 'failed', last_error = ? WHERE app_id = ? AND message_id = ? AND endpoint_id = ? AND status = 'pending'"
                        + " AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.app_id = ? AND e.id = ? AND e.disabled_at IS NOT NULL)",
                EndpointHealth.DISABLED_ERROR, appId, messageId, endpointId, appId, endpointId);
    }

    /**
     * Disabled by hand, now on the database's clock, as {@link #afterTry} stamps a spell's start and an automatic
     * disabling: the node's own clock, days off, put a manual disabling before the spell it ended in the
     * endpoint's health. One disabled already keeps its time and reason. Answers whether the endpoint exists.
     */
    static boolean disable(Connection connection, DatabaseKind kind, String appId, String endpointId) throws SQLException {
        return JdbcRunner.update(connection,
                "UPDATE webhook_endpoints SET disabled_at = COALESCE(disabled_at, " + DatabaseClock.nowMillis(kind) + "),"
                        + " disabled_reason = COALESCE(disabled_reason, 'manual') WHERE app_id = ? AND id = ?",
                appId, endpointId) == 1;
    }

    /**
     * Enabled; a disabled one starts afresh, its failing spell forgotten (else its next failure disabled it
     * again at once). One enabled already keeps its spell: enabling it again must not put off its disabling.
     * Answers whether the endpoint exists.
     */
    static boolean enable(Connection connection, String appId, String endpointId) throws SQLException {
        return JdbcRunner.update(connection,
                "UPDATE webhook_endpoints SET failing_since = CASE WHEN disabled_at IS NULL THEN failing_since ELSE NULL END, disabled_at = NULL,"
                        + " disabled_reason = NULL WHERE app_id = ? AND id = ?",
                appId, endpointId) == 1;
    }

    /** Marks up to {@code limit} of the endpoint's pending deliveries failed while it is disabled; answers how many. */
    static int failPending(Connection connection, String appId, String endpointId, int limit) throws SQLException {
        return JdbcRunner.update(connection, FAIL_PENDING, EndpointHealth.DISABLED_ERROR, appId, endpointId, limit, appId, endpointId);
    }
}
