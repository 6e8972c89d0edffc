package io.seatguard.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL connection a test JVM keeps for making and dropping its schemas, one caller at a time.
 * A connection found broken (a test that stops or cuts off the server, or terminates backends) is
 * replaced before it is handed out, so one such test does not fail the schemas of the tests after it.
 *
 * <p>It also vacuums the system catalogs, when first opened and after every {@link #DROPS_PER_VACUUM}
 * schemas dropped. Each test schema's tables, columns, indexes and dependencies are catalog rows, dead
 * once the schema is dropped: a suite run leaves about half a million of them in {@code pg_attribute}
 * alone. A server without autovacuum (as on the CI machine) keeps them, and every later DDL statement and
 * new session reads past them: a test class's PostgreSQL CPU fell by a third once they were vacuumed
 * (docs/benchmarks.md, "Session 65"). Vacuuming a catalog needs a superuser (the default test URL's
 * {@code postgres}); for another role PostgreSQL skips it with a warning, and the tests only run slower.
 */
final class TestAdminConnection {
    /** What a caller does with the connection; it leaves it in auto-commit, as it found it. */
    interface Work {
        void run(Connection connection) throws SQLException;
    }

    static final int DROPS_PER_VACUUM = 16;
    /** The catalogs a schema's DDL writes most to (measured: pg_attribute, then pg_depend and pg_class). */
    /**
     * Without truncation: a vacuum that gives the catalogs' emptied tail pages back takes their access
     * exclusive lock, and every other test JVM's sessions and queries that read those catalogs wait
     * behind it (a readiness probe of a server under test among them).
     */
    private static final String VACUUM_CATALOGS = "VACUUM (TRUNCATE false) pg_catalog.pg_attribute, pg_catalog.pg_depend, pg_catalog.pg_class,"
            + " pg_catalog.pg_type, pg_catalog.pg_index, pg_catalog.pg_constraint";
    private static final int VALIDITY_CHECK_SECONDS = 5;
    /**
     * How long a schema's DROP (or CREATE) waits for another session's locks: a store a test left open in
     * a transaction would otherwise hold this JVM's every later schema, and its exit, behind it (found in
     * review); the test that left it fails instead, naming the schema.
     */
    private static final String LOCK_TIMEOUT = "SET lock_timeout = '60s'";
    private static final Logger LOG = LoggerFactory.getLogger(TestAdminConnection.class);

    private final String url;
    private Connection connection;
    private int dropsSinceVacuum;

    TestAdminConnection(String url) {
        this.url = url;
    }

    synchronized void use(Work work) throws SQLException {
        work.run(open());
    }

    /** Counts a dropped schema, and vacuums the catalogs every {@link #DROPS_PER_VACUUM}. */
    synchronized void schemaDropped() throws SQLException {
        if (++dropsSinceVacuum >= DROPS_PER_VACUUM) {
            vacuumCatalogs(open());
        }
    }

    private Connection open() throws SQLException {
        if (connection != null && !connection.isValid(VALIDITY_CHECK_SECONDS)) {
            closeQuietly();
        }
        if (connection == null) {
            Properties properties = new Properties();
            // Named, so tests that look for their own sessions in pg_stat_activity can tell this one apart.
            properties.setProperty("ApplicationName", "seatguard-test-admin");
            Connection opened = DriverManager.getConnection(url, properties);
            try (Statement statement = opened.createStatement()) {
                statement.execute(LOCK_TIMEOUT);
            }
            catch (SQLException e) {
                opened.close();
                throw e;
            }
            connection = opened;
            // An earlier run's (or another JVM's) leftovers, before this JVM's first schema.
            vacuumCatalogs(opened);
        }
        return connection;
    }

    /** Vacuums the catalogs; a vacuum that fails only leaves the tests slower, so it is logged, not thrown. */
    private void vacuumCatalogs(Connection on) {
        dropsSinceVacuum = 0;
        try (Statement statement = on.createStatement()) {
            statement.execute(VACUUM_CATALOGS);
        }
        catch (SQLException e) {
            LOG.warn("Could not vacuum the test database's catalogs (the tests only run slower): {}", e.getMessage());
        }
    }

    private void closeQuietly() {
        try {
            connection.close();
        }
        catch (SQLException e) {
            // Already broken: nothing more to release.
        }
        connection = null;
    }
}
