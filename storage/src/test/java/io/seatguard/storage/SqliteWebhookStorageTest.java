package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook housekeeping contract on the embedded SQLite file, and SQLite's plans for it. */
class SqliteWebhookStorageTest extends WebhookStorageContract {
    @TempDir
    Path dataDir;

    @Override
    SqlDatabase openDatabase() {
        MigratedStores.seedSqlite(dataDir);
        return SqlDatabase.open(StorageSettings.embedded(dataDir));
    }

    @Override
    Connection rawConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(StorageSettings.EMBEDDED_FILE_NAME));
    }

    private String plan(String sql, Object... parameters) throws SQLException {
        return planOf("EXPLAIN QUERY PLAN", sql, parameters);
    }

    /**
     * Review finding: each retention batch read every webhook message (no index on their age) and every
     * challenge, holding the single writer for seconds with a million rows.
     */
    @Test
    void retentionReadsOldMessagesAndChallengesThroughTheirAgeIndexAndDeletesByKey() throws SQLException {
        assertThat(plan(SqlAccountRecords.OLD_WEBHOOK_MESSAGES, 0L, 1L)).contains("SEARCH m USING INDEX webhook_messages_by_age (created_at>? AND created_at<?)")
                .contains("SEARCH d USING INDEX sqlite_autoindex_webhook_deliveries_1 (app_id=? AND message_id=?)").doesNotContain("SCAN");
        assertThat(plan(SqlAccountRecords.OLD_CHALLENGES, 1L)).contains("SEARCH challenges USING INDEX challenges_by_age (created_at<?)").doesNotContain("SCAN challenges");
        Object[] keys = KeyList.parameters(List.<String[]>of(new String[] {"app_a", "msg_1"}), new Object[0]);
        assertThat(plan(KeyList.statement(SqlWebhookCleanup.FINISHED_DELIVERIES, 2, 1), keys)).contains("sqlite_autoindex_webhook_deliveries_1 (app_id=? AND message_id=?)");
        assertThat(plan(KeyList.statement(SqlWebhookCleanup.TRIES_WITHOUT_DELIVERY, 2, 1), keys)).contains("SEARCH webhook_attempts USING COVERING INDEX sqlite_autoindex_webhook_attempts_1 (app_id=? AND message_id=?)");
        assertThat(plan(KeyList.statement(SqlWebhookCleanup.MESSAGES_WITHOUT_DELIVERY, 2, 1), keys)).contains("SEARCH webhook_messages USING COVERING INDEX sqlite_autoindex_webhook_messages_1 (app_id=? AND id=?)");
    }

    /** Review finding: an erasure's and an endpoint deletion's webhook rows were deleted in one transaction, tries without an index. */
    @Test
    void erasureAndEndpointDeletionReadTheirBatchesByKey() throws SQLException {
        assertThat(plan(SqlWebhookCleanup.ACCOUNT_MESSAGES, "app_a", "ann", 1_000)).contains("USING INDEX webhook_messages_by_user (app_id=? AND user_id=?)");
        Object[] ids = KeyList.parameters(List.<String[]>of(new String[] {"msg_1"}), new Object[] {"app_a"});
        assertThat(plan(KeyList.statement(SqlWebhookCleanup.TRIES_OF_MESSAGES, 1, 1), ids)).contains("sqlite_autoindex_webhook_attempts_1 (app_id=? AND message_id=?)");
        assertThat(plan(KeyList.statement(SqlWebhookCleanup.DELIVERIES_OF_MESSAGES, 1, 1), ids)).contains("sqlite_autoindex_webhook_deliveries_1 (app_id=? AND message_id=?)");
        assertThat(plan(KeyList.statement(SqlWebhookCleanup.MESSAGES, 1, 1), ids)).contains("sqlite_autoindex_webhook_messages_1 (app_id=? AND id=?)");

        assertThat(plan(SqlWebhookCleanup.ENDPOINT_DELIVERIES, "app_a", "we_a", 1_000)).contains("USING INDEX webhook_deliveries_by_endpoint (app_id=? AND endpoint_id=?)");
        Object[] endpoint = KeyList.parameters(List.<String[]>of(new String[] {"msg_1"}), new Object[] {"app_a", "we_a"});
        assertThat(plan(KeyList.statement(SqlWebhookCleanup.TRIES_TO_ENDPOINT, 1, 1), endpoint))
                .contains("sqlite_autoindex_webhook_attempts_1 (app_id=? AND message_id=? AND endpoint_id=?)");
        assertThat(plan(KeyList.statement(SqlWebhookCleanup.DELIVERIES_TO_ENDPOINT, 1, 1), endpoint))
                .contains("sqlite_autoindex_webhook_deliveries_1 (app_id=? AND message_id=? AND endpoint_id=?)");
        assertThat(plan(KeyList.statement(SqlWebhookCleanup.APP_MESSAGES_WITHOUT_DELIVERY, 1, 1), ids))
                .contains("sqlite_autoindex_webhook_messages_1 (app_id=? AND id=?)");
    }

    /** A claim probes each endpoint's due deliveries in order and stops: a backlog of a million costs what one does. */
    @Test
    void aClaimReadsEachEndpointsDueDeliveriesInOrderThroughItsIndex() throws SQLException {
        assertThat(plan(SqlWebhooks.DUE_ENDPOINTS, 1L, 1L)).contains("SCAN e")
                .contains("SEARCH d USING INDEX webhook_deliveries_due_by_endpoint (app_id=? AND endpoint_id=? AND status=? AND next_attempt_at<?)")
                .doesNotContain("TEMP B-TREE");
        assertThat(plan(SqlWebhooks.claimEndpoint(DatabaseKind.SQLITE), "app_a", "we_a", 1L, 1L, 5, "t", 1L, 1L, 1L))
                .contains("SEARCH d USING INDEX webhook_deliveries_due_by_endpoint (app_id=? AND endpoint_id=? AND status=? AND next_attempt_at<?)")
                .contains("SEARCH webhook_deliveries USING INDEX sqlite_autoindex_webhook_deliveries_1 (app_id=? AND message_id=? AND endpoint_id=?)")
                .doesNotContain("TEMP B-TREE");
    }

    /** A disabled endpoint's pending deliveries are marked failed a batch at a time through its index, never by reading every delivery. */
    @Test
    void aDisabledEndpointsPendingDeliveriesAreFoundThroughItsIndex() throws SQLException {
        assertThat(plan(SqlEndpointHealth.FAIL_PENDING, "endpoint disabled", "app_a", "we_a", 1_000, "app_a", "we_a"))
                .contains("SEARCH d USING INDEX webhook_deliveries_by_endpoint_status (app_id=? AND endpoint_id=? AND status=?)")
                .contains("SEARCH webhook_deliveries USING INDEX sqlite_autoindex_webhook_deliveries_1 (app_id=? AND message_id=? AND endpoint_id=?)")
                .doesNotContain("SCAN");
    }

    /**
     * A page of the delivery log, of one status or not, after a cursor or not, is one index walk; only
     * deliveries of the same millisecond are sorted among themselves (by message id).
     */
    @Test
    void aDeliveryLogPageWalksItsIndexFromTheCursor() throws SQLException {
        assertThat(plan(SqlWebhooks.deliveryPage(true, true), "app_a", "we_a", "failed", 1L, 1L, "msg_1", 101))
                .contains("SEARCH d USING INDEX webhook_deliveries_by_endpoint_status (app_id=? AND endpoint_id=? AND status=? AND created_at<?)")
                .contains("USE TEMP B-TREE FOR LAST TERM OF ORDER BY");
        assertThat(plan(SqlWebhooks.deliveryPage(false, true), "app_a", "we_a", 1L, 1L, "msg_1", 101))
                .contains("SEARCH d USING INDEX webhook_deliveries_by_endpoint (app_id=? AND endpoint_id=? AND created_at<?)")
                .contains("USE TEMP B-TREE FOR LAST TERM OF ORDER BY");
        assertThat(plan(SqlWebhooks.deliveryPage(true, false), "app_a", "we_a", "failed", 101))
                .contains("SEARCH d USING INDEX webhook_deliveries_by_endpoint_status (app_id=? AND endpoint_id=? AND status=?)")
                .contains("USE TEMP B-TREE FOR LAST TERM OF ORDER BY");
        assertThat(plan(SqlWebhooks.deliveryPage(false, false), "app_a", "we_a", 101))
                .contains("SEARCH d USING INDEX webhook_deliveries_by_endpoint (app_id=? AND endpoint_id=?)")
                .contains("USE TEMP B-TREE FOR LAST TERM OF ORDER BY");
    }
}
