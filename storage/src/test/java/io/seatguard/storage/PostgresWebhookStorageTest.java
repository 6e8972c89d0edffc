package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook housekeeping contract on the machine's real PostgreSQL, and its plans for it. */
class PostgresWebhookStorageTest extends WebhookStorageContract {
    @TempDir
    Path dataDir;

    private PostgresTestDatabase postgres;

    @Override
    SqlDatabase openDatabase() {
        postgres = PostgresTestDatabase.create();
        return SqlDatabase.open(StorageSettings.of(postgres.url(), dataDir));
    }

    @Override
    Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(postgres.url());
    }

    @AfterEach
    void dropSchema() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private String plan(String sql, Object... parameters) throws SQLException {
        return planOf("EXPLAIN", sql, parameters);
    }

    /**
     * Review finding: each retention batch read every webhook message (no index on their age) and every
     * challenge. PostgreSQL plans from statistics, so the tables hold enough rows, analysed, for an index
     * to be worth it; most are recent, as in a live outbox.
     */
    @Test
    void retentionReadsOldMessagesAndChallengesThroughTheirAgeIndexAndDeletesByKey() throws SQLException {
        endpoint("app_a", "we_a");
        bulkMessages("app_a", "we_a", "old", 200, OLD, "delivered");
        bulkMessages("app_a", "we_a", "new", 20_000, T0.toEpochMilli(), "delivered");
        bulkChallenges("old", 200, OLD);
        bulkChallenges("new", 20_000, T0.toEpochMilli());
        try (Connection raw = rawConnection()) {
            raw.createStatement().execute("ANALYZE");
        }
        long cutoff = T0.minus(java.time.Duration.ofDays(90)).toEpochMilli();

        assertThat(plan(SqlAccountRecords.OLD_WEBHOOK_MESSAGES, Long.MIN_VALUE, cutoff)).contains("Index Scan using webhook_messages_by_age")
                .doesNotContain("Seq Scan");
        // The batch is found through the age index; whether the rows are then reached by key or by one pass
        // over a table this small is the planner's call (by key once the table is large).
        assertThat(plan(SqlAccountRecords.OLD_CHALLENGES, cutoff)).contains("Index Scan using challenges_by_age on challenges challenges_1");
        Object[] keys = KeyList.parameters(List.<String[]>of(new String[] {"app_a", "old-1"}), new Object[0]);
        assertThat(plan(KeyList.statement(SqlWebhookCleanup.FINISHED_DELIVERIES, 2, 1), keys)).contains("using webhook_deliveries_pkey").doesNotContain("Seq Scan");
        assertThat(plan(KeyList.statement(SqlWebhookCleanup.TRIES_WITHOUT_DELIVERY, 2, 1), keys)).contains("using webhook_attempts_pkey").doesNotContain("Seq Scan on webhook_attempts");
        assertThat(plan(KeyList.statement(SqlWebhookCleanup.MESSAGES_WITHOUT_DELIVERY, 2, 1), keys)).contains("using webhook_messages_pkey").doesNotContain("Seq Scan");
    }
}
