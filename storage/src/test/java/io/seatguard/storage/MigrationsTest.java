package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an upgrade relies on (docs/production.md, "Upgrading"): a database that a newer version migrated
 * still opens with this one, so a node rolled back, or one of the older version restarting during a
 * rolling upgrade, starts; and nodes that start together on a new PostgreSQL database migrate it once.
 */
class MigrationsTest {
    /** A migration of a release after this one, as its history row would stand. */
    private static final String NEWER_MIGRATION = "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
            + " installed_by, installed_on, execution_time, success) VALUES (999, '999', 'a later release', 'SQL', 'V999__a_later_release.sql', 1,"
            + " 'seatguard', CURRENT_TIMESTAMP, 1, %s)";

    @Test
    void anEmbeddedDatabaseANewerVersionMigratedStillOpens(@TempDir Path dataDir) throws Exception {
        SqlDatabase.open(StorageSettings.embedded(dataDir)).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("seatguard.db"));
                Statement statement = connection.createStatement()) {
            statement.execute(NEWER_MIGRATION.formatted("1"));
        }
        try (SqlDatabase database = SqlDatabase.open(StorageSettings.embedded(dataDir))) {
            assertThat(database.kind()).isEqualTo(DatabaseKind.SQLITE);
            assertThat(appliedVersions(database)).contains("999").containsAll(shippedVersions());
        }
    }

    @Test
    void aPostgresDatabaseANewerVersionMigratedStillOpens(@TempDir Path dataDir) throws Exception {
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create()) {
            SqlDatabase.open(StorageSettings.of(postgres.url(), dataDir)).close();
            try (Connection connection = DriverManager.getConnection(postgres.url()); Statement statement = connection.createStatement()) {
                statement.execute(NEWER_MIGRATION.formatted("true"));
            }
            try (SqlDatabase database = SqlDatabase.open(StorageSettings.of(postgres.url(), dataDir))) {
                assertThat(appliedVersions(database)).contains("999").containsAll(shippedVersions());
            }
        }
    }

    @Test
    void nodesStartingTogetherOnANewPostgresDatabaseMigrateItOnce(@TempDir Path dataDir) throws Exception {
        int nodes = 4;
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create()) {
            ExecutorService starting = Executors.newFixedThreadPool(nodes);
            CountDownLatch ready = new CountDownLatch(nodes);
            List<Future<SqlDatabase>> opened = new ArrayList<>();
            try {
                for (int i = 0; i < nodes; i++) {
                    Path nodeDir = Files.createDirectories(dataDir.resolve("node" + i));
                    Callable<SqlDatabase> open = () -> {
                        ready.countDown();
                        ready.await(10, TimeUnit.SECONDS);
                        return SqlDatabase.open(StorageSettings.of(postgres.url(), nodeDir));
                    };
                    opened.add(starting.submit(open));
                }
                List<SqlDatabase> databases = new ArrayList<>();
                for (Future<SqlDatabase> database : opened) {
                    databases.add(database.get(120, TimeUnit.SECONDS));
                }
                List<String> applied = appliedVersions(databases.getFirst());
                assertThat(applied).as("each migration applied once").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(shippedVersions());
                for (SqlDatabase database : databases) {
                    database.close();
                }
            }
            finally {
                starting.shutdownNow();
            }
        }
    }

    /** The versions of the migrations this build ships, from their file names: SQL ({@code V12__….sql}) and Java ({@code V15__….java}). */
    /**
     * The previous version's statements must still run on a database this one migrated: no migration drops
     * or renames a column or table that version reads, or changes a column's type. V23 dropped two columns
     * of {@code webhook_endpoints} in the release that stopped using them, so a node from before it,
     * started on a database migrated past it, answered every evaluation 503 (found in review); the rule
     * holds from V24 on (docs/production.md, "Upgrading"). A column no version reads any more may go in a
     * later release than the one that stopped reading it: add that version here, with the reason.
     */
    @Test
    void noMigrationSinceV23DropsRenamesOrRetypesWhatThePreviousVersionReads() throws Exception {
        java.util.regex.Pattern breaking = java.util.regex.Pattern.compile(
                "DROP\\s+(COLUMN|TABLE)|RENAME|ALTER\\s+COLUMN\\s+\\S+\\s+(SET\\s+DATA\\s+)?TYPE", java.util.regex.Pattern.CASE_INSENSITIVE);
        List<String> offending = new ArrayList<>();
        int checked = 0;
        for (Path folder : List.of(Path.of("src/main/resources/db/migration"), Path.of("src/main/java/db/migration"))) {
            try (var files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.(sql|java)")).toList()) {
                    String name = file.getFileName().toString();
                    if (Integer.parseInt(name.substring(1, name.indexOf("__"))) <= 23) {
                        continue;
                    }
                    checked++;
                    // Comments may say what a migration does not do.
                    String statements = Files.readString(file).replaceAll("(?m)--.*$|//.*$", "");
                    if (breaking.matcher(statements).find()) {
                        offending.add(name);
                    }
                }
            }
        }
        assertThat(checked).as("migrations after V23").isGreaterThan(10);
        assertThat(offending).isEmpty();
    }

    private static List<String> shippedVersions() throws Exception {
        List<String> versions = new ArrayList<>();
        for (Path folder : List.of(Path.of("src/main/resources/db/migration"), Path.of("src/main/java/db/migration"))) {
            try (var files = Files.list(folder)) {
                files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V\\d+__.*\\.(sql|java)"))
                        .forEach(name -> versions.add(name.substring(1, name.indexOf("__"))));
            }
        }
        assertThat(versions).hasSizeGreaterThan(20);
        return versions;
    }

    private static List<String> appliedVersions(SqlDatabase database) {
        return database.read(connection -> {
            List<String> versions = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success = " + truth(database) + " AND version IS NOT NULL")) {
                while (rows.next()) {
                    versions.add(rows.getString(1));
                }
            }
            return versions;
        });
    }

    private static String truth(SqlDatabase database) {
        return database.kind() == DatabaseKind.POSTGRESQL ? "true" : "1";
    }
}
