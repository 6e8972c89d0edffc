package io.seatguard.storage;

import com.google.common.util.concurrent.Uninterruptibles;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's planner statistics of Seatguard's tables in step with their size, whether or not
 * autovacuum runs.
 *
 * <p>Why: the JDBC driver prepares a statement on the server from its fifth execution on a connection,
 * and PostgreSQL then reuses one generic plan for it until the table's statistics change. A plan made
 * while a table was nearly empty (a new install) prices every index alike and may pick the wrong one:
 * measured, an account's activity count walked the app's {@code evaluations_by_network} and a new
 * install answered 73 evaluations a second with PostgreSQL busy on 1.8 cores (docs/benchmarks.md,
 * "PostgreSQL"). Autovacuum's analyze replaces those plans, but only about a minute after the table
 * grows, and never where it is turned off.
 *
 * <p>So every {@link #PERIOD_SECONDS} this thread reads {@code pg_stat_user_tables} for the schema
 * Seatguard migrated and analyzes each table changed by at least {@link #MIN_CHANGES} rows and by more
 * rows than it held when last analyzed: a table is analyzed at about 1,000 rows, 2,000, 4,000 and so on,
 * a few dozen times over its life, on top of whatever autovacuum does. Several nodes share the work
 * through an advisory lock, so one analyzes and the others skip that round. The lock is the schema's
 * ({@link #LOCK_CLASS} and a hash of its name): advisory locks belong to the whole database, and
 * deployments in other schemas of it (or other test runs) have tables of their own to analyze.
 */
final class PostgresStatistics implements AutoCloseable {
    static final long PERIOD_SECONDS = 10;
    static final long MIN_CHANGES = 1_000;
    /** Arbitrary first key of the advisory lock that makes one node at a time analyze a schema. */
    static final int LOCK_CLASS = 0x5ea7_6a4d;
    /** The lock's arguments after {@link #LOCK_CLASS}: the schema being analyzed. */
    static final String LOCK_OF_SCHEMA = "?, hashtext(current_schema())";
    private static final Logger log = LoggerFactory.getLogger(PostgresStatistics.class);

    private static final String STALE_TABLES = "SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid"
            + " WHERE s.schemaname = current_schema() AND s.n_mod_since_analyze >= ? AND s.n_mod_since_analyze > c.reltuples"
            + " ORDER BY s.relname";

    private final DataSource dataSource;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("seatguard-postgres-statistics").daemon(true).unstarted(runnable));

    private PostgresStatistics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Starts the periodic pass; the first runs at once, so stale statistics from before a restart are fixed early. */
    static PostgresStatistics start(DataSource dataSource) {
        PostgresStatistics statistics = new PostgresStatistics(dataSource);
        statistics.scheduler.scheduleWithFixedDelay(statistics::refreshQuietly, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
        return statistics;
    }

    /** For tests: a keeper that runs only when {@link #refresh()} is called. */
    static PostgresStatistics manual(DataSource dataSource) {
        return new PostgresStatistics(dataSource);
    }

    /** Runs one pass now and returns the tables it analyzed (none when another node held the lock). */
    List<String> refresh() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                List<String> analyzed = refreshLocked(connection);
                connection.commit();
                return analyzed;
            }
            catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static List<String> refreshLocked(Connection connection) throws SQLException {
        // A transaction-scoped lock: released by the commit, also if this node dies mid-pass.
        boolean locked = JdbcRunner.queryOne(connection, "SELECT pg_try_advisory_xact_lock(" + LOCK_OF_SCHEMA + ")", row -> row.getBoolean(1), LOCK_CLASS).orElse(false);
        if (!locked) {
            return List.of();
        }
        List<String> stale = JdbcRunner.queryList(connection, STALE_TABLES, row -> row.getString(1), MIN_CHANGES);
        List<String> analyzed = new ArrayList<>(stale.size());
        try (Statement statement = connection.createStatement()) {
            for (String table : stale) {
                statement.execute("ANALYZE " + quoted(table));
                analyzed.add(table);
            }
        }
        return analyzed;
    }

    private void refreshQuietly() {
        try {
            List<String> analyzed = refresh();
            if (!analyzed.isEmpty()) {
                log.debug("analyzed {} for fresh planner statistics", analyzed);
            }
        }
        catch (SQLException | RuntimeException e) {
            log.warn("refreshing PostgreSQL statistics failed; it will be retried", e);
        }
    }

    /** An identifier as PostgreSQL quotes it (the names come from the catalogue, but a quote in one must not end it). */
    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        // Waited for past the caller's interrupt (set again on return): on an interrupted thread the wait
        // used to end at once, and a pass in progress ran on past the close, on a pool about to be closed.
        Uninterruptibles.awaitTerminationUninterruptibly(scheduler, Duration.ofSeconds(5));
    }
}
