package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@link PostgresStatistics} on the machine's real PostgreSQL, in a schema migrated by Seatguard. The
 * keeper here runs only when called; {@link SqlDatabase#open} starts the periodic one, and is closed
 * before each test so that it cannot run a pass of its own in between.
 */
class PostgresStatisticsTest {
    private static final String WINDOW_COUNT = "SELECT COUNT(*) FROM evaluations WHERE app_id = $1 AND user_id = $2 AND created_at >= $3 AND created_at < $4";

    @TempDir
    Path dataDir;

    private PostgresTestDatabase postgres;
    private PostgresStatistics statistics;

    @BeforeEach
    void migrate() {
        postgres = PostgresTestDatabase.create();
        SqlDatabase.open(postgres.settings(dataDir)).close();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.url());
        statistics = PostgresStatistics.manual(dataSource);
    }

    /**
     * A close on an interrupted thread gave up its wait for the pass in progress at once: the pass ran on
     * past the close, on a pool about to be closed. It now waits for it (its own interrupt still ends it),
     * and keeps the interrupt for the caller.
     */
    @Test
    void aCloseOnAnInterruptedThreadWaitsForThePassInProgress() throws Exception {
        HeldConnectionRequest held = new HeldConnectionRequest();
        held.arm();
        PostgresStatistics statistics = PostgresStatistics.start(held.around(null));

        HeldConnectionRequest.Outcome outcome = held.closeOnAnInterruptedThread(statistics);

        assertThat(outcome.closeWaitedForThePass()).as("the close waited for the pass").isTrue();
        assertThat(outcome.interruptKept()).as("the interrupt kept for the caller").isTrue();
    }

    @AfterEach
    void dropSchema() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aTableThatOutgrewItsStatisticsIsAnalyzedAndAPlanCachedWhileItWasEmptyIsMadeAgain() throws Exception {
        try (Connection session = connect(); Statement statement = session.createStatement()) {
            // An account's window count, prepared and run on the empty table often enough that
            // PostgreSQL settles on one generic plan for this connection, as it does for the driver's.
            // On PostgreSQL 15 that plan walks the app's evaluations_by_network and filters by account.
            statement.execute("PREPARE window_count(varchar, varchar, bigint, bigint) AS " + WINDOW_COUNT);
            for (int i = 0; i < 6; i++) {
                statement.execute("EXECUTE window_count('app', 'user-1', 0, 10)");
            }
            assertThat(estimatedRows("evaluations")).as("never analyzed").isEqualTo(-1);

            insertEvaluations(20_000);
            awaitChangesCounted("evaluations", 20_000);

            assertThat(statistics.refresh()).contains("evaluations").doesNotContain("apps", "webhooks");
            assertThat(estimatedRows("evaluations")).isBetween(18_000.0, 22_000.0);
            assertThat(plan(statement, "EXPLAIN EXECUTE window_count('app', 'user-1', 0, 10)"))
                    .as("the connection's plan, made again from the new statistics")
                    .contains("evaluations_by_user");
        }
    }

    @Test
    void aTableChangedByFewerRowsThanItHeldAtItsLastAnalysisIsLeftAlone() throws Exception {
        insertEvaluations(4_000);
        awaitChangesCounted("evaluations", 4_000);
        assertThat(statistics.refresh()).contains("evaluations");

        insertEvaluations(3_000);
        awaitChangesCounted("evaluations", 3_000);
        assertThat(statistics.refresh()).as("3,000 changes to a table analyzed at 4,000 rows").doesNotContain("evaluations");

        insertEvaluations(1_500);
        awaitChangesCounted("evaluations", 4_500);
        assertThat(statistics.refresh()).as("4,500 changes to a table analyzed at 4,000 rows").contains("evaluations");
    }

    @Test
    void aTableWithFewerChangesThanTheMinimumIsLeftAlone() throws Exception {
        insertEvaluations((int) PostgresStatistics.MIN_CHANGES - 1);
        awaitChangesCounted("evaluations", PostgresStatistics.MIN_CHANGES - 1);

        assertThat(statistics.refresh()).doesNotContain("evaluations");
        assertThat(estimatedRows("evaluations")).isEqualTo(-1);
    }

    @Test
    void whileAnotherNodeRunsAPassThisOneSkipsItsRound() throws Exception {
        insertEvaluations(2_000);
        awaitChangesCounted("evaluations", 2_000);
        try (Connection otherNode = connect(); Statement statement = otherNode.createStatement()) {
            otherNode.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock(" + PostgresStatistics.LOCK_OF_SCHEMA.replace("?", String.valueOf(PostgresStatistics.LOCK_CLASS)) + ")");

            assertThat(statistics.refresh()).isEmpty();
            assertThat(estimatedRows("evaluations")).isEqualTo(-1);

            otherNode.commit();
        }
        assertThat(statistics.refresh()).contains("evaluations");
    }

    /** Another schema's pass (another deployment on the same database, or another test JVM) holds its own lock, not this one's. */
    @Test
    void aPassInAnotherSchemaDoesNotHoldThisOneUp() throws Exception {
        insertEvaluations(2_000);
        awaitChangesCounted("evaluations", 2_000);
        try (PostgresTestDatabase other = PostgresTestDatabase.create();
                Connection otherSchema = java.sql.DriverManager.getConnection(other.url()); Statement statement = otherSchema.createStatement()) {
            otherSchema.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock(" + PostgresStatistics.LOCK_OF_SCHEMA.replace("?", String.valueOf(PostgresStatistics.LOCK_CLASS)) + ")");

            assertThat(statistics.refresh()).contains("evaluations");

            otherSchema.commit();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.url());
    }

    /** {@code count} evaluations of one app over 2,000 accounts, 3,000 devices and 300 networks, in one statement. */
    private void insertEvaluations(int count) throws SQLException {
        long start = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            long offset;
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM evaluations")) {
                rows.next();
                offset = rows.getLong(1);
            }
            statement.execute("INSERT INTO evaluations (app_id, id, user_id, action, verdict, device_id, ip, created_at, document, network)"
                    + " SELECT 'app', 'ev-' || g, 'user-' || (g % 2000), 'login', 'allow', 'device-' || (g % 3000), '192.0.2.1', "
                    + start + " + g * 1000, '{}', '192.0.2.0/24-' || (g % 300)"
                    + " FROM generate_series(" + (offset + 1) + ", " + (offset + count) + ") g");
        }
        // Closing the connection makes its backend report the rows it changed.
    }

    /** Waits until PostgreSQL's activity statistics count at least {@code changes} rows changed since the table's last analysis. */
    private void awaitChangesCounted(String table, long changes) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        long counted = -1;
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT n_mod_since_analyze FROM pg_stat_user_tables"
                            + " WHERE schemaname = current_schema() AND relname = '" + table + "'")) {
                counted = rows.next() ? rows.getLong(1) : -1;
            }
            if (counted >= changes) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("PostgreSQL counted " + counted + " changes to " + table + ", expected " + changes);
    }

    /** The planner's row estimate of a table of this schema: -1 until it is first analyzed. */
    private double estimatedRows(String table) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT reltuples FROM pg_class WHERE oid = to_regclass(current_schema() || '." + table + "')")) {
            rows.next();
            return rows.getDouble(1);
        }
    }

    private static String plan(Statement statement, String explain) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(explain)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return String.join("\n", lines);
    }
}
