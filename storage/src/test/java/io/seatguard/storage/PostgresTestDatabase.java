package io.seatguard.storage;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A throwaway schema on the machine's real PostgreSQL (127.0.0.1:5432, database {@code test}; override
 * with {@code SEATGUARD_TEST_POSTGRES_URL}). Each test gets a schema of its own, dropped afterwards, or,
 * from {@link #takeMigrated}, emptied and kept for the next test while it is still as migrated.
 *
 * <p>When PostgreSQL does not answer, tests are skipped on a developer's machine but fail under
 * {@code CI=true}: a CI run that silently skipped the PostgreSQL half would prove nothing.
 *
 * <p>Schemas are made, migrated and dropped on one connection kept for the test JVM
 * ({@link TestAdminConnection}), not three new ones per test: a new PostgreSQL session cost about 30 ms of
 * the server's CPU on a slow machine, and the contract suite alone made hundreds. The same connection
 * vacuums the system catalogs the schemas' tables leave dead rows in (see {@link TestAdminConnection}).
 */
public final class PostgresTestDatabase implements AutoCloseable {
    private static final String BASE_URL = System.getenv().getOrDefault("SEATGUARD_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final TestAdminConnection ADMIN = new TestAdminConnection(BASE_URL);
    /**
     * Read connections of a store a test opens on PostgreSQL, where the test is not about the pool: the
     * server's eight are all opened at once, each a new PostgreSQL session; four leave a burst of reads
     * (the contract's thirty sign-in tries at once) waiting far less than a read's wait for a connection,
     * even on a loaded machine.
     */
    static final int TEST_READ_POOL_SIZE = 4;

    private final String schema;

    private PostgresTestDatabase(String schema) {
        this.schema = schema;
    }

    public static PostgresTestDatabase create() {
        String schema = "sg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try {
            ADMIN.use(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA " + schema);
                }
            });
        }
        catch (SQLException e) {
            String reason = "PostgreSQL is not reachable at " + BASE_URL + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " (CI=true: PostgreSQL tests must run, not skip)");
            }
            assumeTrue(false, reason);
        }
        return new PostgresTestDatabase(schema);
    }

    /**
     * As {@link #create}, the schema already migrated ({@link MigratedStores}): for tests whose subject is
     * not the migration. Measured alone, 150 ms against about 190 ms for Flyway's migrating it; the rest
     * is PostgreSQL's own DDL.
     */
    public static PostgresTestDatabase createMigrated() {
        PostgresTestDatabase database = create();
        try {
            ADMIN.use(connection -> MigratedStores.migratePostgres(connection, database.schema, BASE_URL));
        }
        catch (SQLException e) {
            database.close();
            throw new IllegalStateException("could not migrate test schema " + database.schema, e);
        }
        return database;
    }

    /**
     * As {@link #createMigrated}, but a schema an earlier test of this JVM gave back ({@link #giveBack})
     * when there is one: emptied, and still exactly as migrated. For a suite of many short tests, each of
     * which would otherwise pay for a new schema's DDL and its drop (about 190 ms of PostgreSQL's CPU each,
     * measured; emptying a schema the contract's tests leave costs about 25 ms).
     */
    public static PostgresTestDatabase takeMigrated() {
        PostgresTestDatabase spare = ReusedSchemas.take();
        return spare != null ? spare : ReusedSchemas.pristine(createMigrated());
    }

    /**
     * Ends a test's use of a schema from {@link #takeMigrated}, once every store and connection on it is
     * closed: a schema whose tables, columns, indexes, constraints and migration history are still as
     * migrated is emptied and kept for the next test; any other (a test rewound or altered it) is dropped.
     */
    public void giveBack() {
        ReusedSchemas.giveBack(this);
    }

    /**
     * Ends a test on a schema from {@link #takeMigrated}: its store closed first (its writer may still be
     * writing), then the schema given back for the next test, whatever the close threw. Either may be null
     * (a test whose setup failed before it had one).
     */
    static void closeThenGiveBack(Runnable closeStore, PostgresTestDatabase schema) {
        try {
            if (closeStore != null) {
                closeStore.run();
            }
        }
        finally {
            if (schema != null) {
                schema.giveBack();
            }
        }
    }

    /** Runs {@code work} on the JVM's admin connection (not a store's), for {@link ReusedSchemas}. */
    static void useAdmin(TestAdminConnection.Work work) throws SQLException {
        ADMIN.use(work);
    }

    /** Settings for a store on this schema, with the tests' smaller read pool ({@link #TEST_READ_POOL_SIZE}). */
    public StorageSettings settings(Path dataDir) {
        return settings(url(), dataDir);
    }

    /** As {@link #settings(Path)}, on a URL of the test's own (this schema's with more parameters, say). */
    public static StorageSettings settings(String url, Path dataDir) {
        return new StorageSettings(Optional.of(url), dataDir, TEST_READ_POOL_SIZE);
    }

    /** The schema's name. */
    String schema() {
        return schema;
    }

    /** A URL whose connections use this schema. */
    public String url() {
        return BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() {
        try {
            ADMIN.use(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            });
            ADMIN.schemaDropped();
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }
}
