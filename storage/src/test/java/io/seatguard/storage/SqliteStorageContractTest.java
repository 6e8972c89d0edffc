package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on the embedded SQLite file. */
class SqliteStorageContractTest extends StorageContract {
    @TempDir
    Path dataDir;

    @Override
    SqlDatabase openDatabase() {
        // A copy of a migrated file on the first open; the reopens find it there (MigratedStores).
        MigratedStores.seedSqlite(dataDir);
        return SqlDatabase.open(StorageSettings.embedded(dataDir));
    }

    @Override
    SqlDatabase reopenDatabase() {
        return openDatabase();
    }

    @Override
    java.sql.Connection rawConnection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(StorageSettings.EMBEDDED_FILE_NAME));
    }

    @Override
    DatabaseKind expectedKind() {
        return DatabaseKind.SQLITE;
    }

    /**
     * SQLite plans without statistics, and an index that covers a query can win over a short range of
     * another: while V16 was being written, each tie-break query in turn walked the whole app that way and
     * throughput fell by half or more (V16's comment). The tie-break's two queries run on ambiguous matches on the request path, so
     * their plans are pinned here.
     */
    @org.junit.jupiter.api.Test
    void theDeviceTieBreakReadsOneIndexRangeNotTheWholeApp() throws Exception {
        assertThat(plan(SqlDeviceDirectory.DEVICES_ON_NETWORK, 4))
                .contains("USING INDEX evaluations_by_network (app_id=? AND network=? AND created_at>?)");
        assertThat(plan(SqlDeviceDirectory.NETWORKS_SINCE, 3))
                .contains("USING COVERING INDEX evaluations_by_device (app_id=? AND device_id=? AND created_at>?)");
    }

    /**
     * A backtest's window is taken on {@code created_at}, which no index of the app leads with: the read
     * walks the primary key's range of the ids stored since the window opened, newest first, and filters
     * there, rather than the whole app.
     */
    @org.junit.jupiter.api.Test
    void theArchiveReadWalksThePrimaryKeysRangeOfIds() throws Exception {
        assertThat(plan(SqlEvaluationStore.ARCHIVE_READ, 6)).contains("USING INDEX sqlite_autoindex_evaluations_1 (app_id=? AND id>? AND id<?)")
                .doesNotContain("TEMP B-TREE");
    }

    /**
     * A vouched evaluation's reads of an account (V39) walk the vouched evaluations' partial index, so a flood
     * of unsigned evaluations naming the account costs them nothing; through every evaluation's index they
     * would read a row per evaluation of the window to learn whether it was vouched for.
     */
    @org.junit.jupiter.api.Test
    void aVouchedReadWalksTheVouchedIndexNotEveryEvaluationOfTheAccount() throws Exception {
        SqlActivityReader.Statements vouched = SqlActivityReader.statements(true);
        String range = "evaluations_vouched_by_user (app_id=? AND user_id=? AND created_at>? AND created_at<?)";
        assertThat(plan(vouched.countInWindow(), 5)).contains("USING COVERING INDEX " + range);
        assertThat(plan(vouched.counts(), 16)).contains("USING COVERING INDEX " + range);
        assertThat(plan(vouched.latestLocated(), 4)).contains("USING INDEX " + range);
        assertThat(plan(vouched.placedBetween(), 5)).contains("USING COVERING INDEX " + range);
        assertThat(plan(vouched.latestInCountry(), 5)).contains("USING COVERING INDEX " + range);
        assertThat(plan(SqlActivityReader.statements(false).countInWindow(), 5)).as("every evaluation's, as before")
                .contains("USING COVERING INDEX evaluations_by_user (app_id=? AND user_id=? AND created_at>? AND created_at<?)");
    }

    /**
     * A vouched evaluation counts its fingerprint's accounts (V44) along the vouched rows' partial index, so
     * made-up accounts unsigned calls put on the fingerprint cost it nothing; every row's index would read
     * a row per account to learn whether it was vouched.
     */
    @org.junit.jupiter.api.Test
    void aVouchedFingerprintCountWalksTheVouchedIndex() throws Exception {
        String range = "USING COVERING INDEX user_fingerprints_vouched_by_fingerprint (app_id=? AND fingerprint_id=? AND vouched=?)";
        assertThat(plan(SqlActivityReader.statements(true).countFingerprintUsers(), 2)).contains(range);
        assertThat(plan(SqlActivityReader.statements(true).counts(), 16)).contains(range);
        assertThat(plan(SqlActivityReader.statements(false).countFingerprintUsers(), 2)).as("every account's, as before")
                .contains("user_fingerprints_by_fingerprint (app_id=? AND fingerprint_id=?)");
    }

    /** A device's accounts (device_user_count) are counted along the covering index by device (V46), not by reading the rows. */
    @org.junit.jupiter.api.Test
    void aDevicesAccountsAreCountedAlongTheirIndex() throws Exception {
        assertThat(plan(SqlActivityReader.accountsOnDeviceStatement(false), 3))
                .contains("USING COVERING INDEX device_users_by_device (app_id=? AND device_id=?)").doesNotContain("SCAN device_users");
        assertThat(plan(SqlActivityReader.accountsOnDeviceStatement(true), 3)).as("a vouched count walks the vouched rows' range")
                .contains("USING COVERING INDEX device_users_by_device (app_id=? AND device_id=? AND vouched=?)").doesNotContain("SCAN device_users");
    }

    /**
     * Old failed sign-ins are deleted along their age index (V40), not by reading the whole table; the
     * back-off's count still walks one email's rows, though an index on age alone is there to choose, and
     * the client's count of every email its own rows (V40).
     */
    @org.junit.jupiter.api.Test
    void signInFailuresArePrunedByAgeAndCountedByEmailAndByClient() throws Exception {
        assertThat(plan(SqlOperatorStore.OLD_FAILURES, 2)).contains("USING COVERING INDEX operator_failures_by_age (at<?)")
                .doesNotContain("SCAN operator_failures");
        assertThat(plan(SqlOperatorStore.FAILURES, 8)).contains("USING COVERING INDEX operator_failures_by_email (email=?)")
                .as("the client's count of every email").contains("USING COVERING INDEX operator_failures_by_client (client_key=? AND at>?)")
                .doesNotContain("SCAN operator_failures");
    }

    /** A list's values are read in the order they were added along their own index (V42), without sorting the list each time. */
    @org.junit.jupiter.api.Test
    void listValuesAreReadInOrderAlongTheirPositionIndex() throws Exception {
        assertThat(plan(SqlListStore.LIST_VALUES, 2)).contains("USING COVERING INDEX value_list_entries_by_position (app_id=? AND list_id=?)")
                .doesNotContain("TEMP B-TREE");
        assertThat(plan(SqlListStore.NEXT_POSITION, 2)).contains("value_list_entries_by_position");
    }

    /**
     * A page of history after a cursor, by account, device or address, where a page by address stops
     * walking, and a page by address down to that stop, bound their index range by those times. Found in
     * review: each was an OR SQLite (as PostgreSQL) kept out of the range, so a page deep in a long history
     * walked every newer entry first, and a page by a rarely seen address walked on past its stop.
     */
    @org.junit.jupiter.api.Test
    void aHistoryPageAfterACursorStartsItsIndexRangeAtTheCursor() throws Exception {
        java.util.Map<String, String> ranges = java.util.Map.of(
                SqlHistory.pageSql("user_id", true, false), "evaluations_by_user (app_id=? AND user_id=? AND created_at<?)",
                SqlHistory.pageSql("device_id", true, false), "evaluations_by_device (app_id=? AND device_id=? AND created_at<?)",
                SqlHistory.pageSql("network = ? AND ip", true, true), "evaluations_by_network (app_id=? AND network=? AND created_at>? AND created_at<?)",
                SqlHistory.pageSql("network = ? AND ip", false, true), "evaluations_by_network (app_id=? AND network=? AND created_at>?)",
                SqlHistory.scanEndSql(true), "evaluations_by_network (app_id=? AND network=? AND created_at<?)");
        ranges.forEach((sql, range) -> {
            try {
                assertThat(plan(sql, (int) sql.chars().filter(c -> c == '?').count())).as(sql).contains(range);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String plan(String sql, int parameters) throws Exception {
        try (java.sql.Connection raw = rawConnection(); java.sql.PreparedStatement explain = raw.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 1; i <= parameters; i++) {
                explain.setString(i, "x");
            }
            StringBuilder plan = new StringBuilder();
            try (java.sql.ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(4)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
