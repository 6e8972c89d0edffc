package io.seatguard.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Stores already migrated, for tests whose subject is not migrating. Flyway's way to a new store (parsing
 * every script to learn whether it may run in a transaction, then a transaction, a lock and a history row
 * per migration) was the storage tests' largest CPU cost, measured with JFR: about 50 ms for each new
 * SQLite file and 200 ms for each PostgreSQL schema, paid by every contract test and every test server.
 *
 * <p>Each is migrated by Flyway once per test JVM, through {@link SqlDatabase#open}, then copied: the
 * SQLite file as it is; a PostgreSQL schema as the same scripts, run in one transaction, with a copy of
 * Flyway's history table. A store opened on a copy finds every migration applied and validates them
 * against the shipped scripts, as a restarted server does. MigrationsTest and the contract's rewinds
 * still migrate from nothing, or rewind a copy.
 */
public final class MigratedStores {
    private static Path sqliteTemplate;
    private static PostgresTemplate postgresTemplate;

    private MigratedStores() {}

    /**
     * Puts a migrated, empty SQLite store in {@code dataDir} unless it holds one already. A missing folder
     * whose parent exists is made as the server makes it ({@link PrivateFiles#folder}); anything else (a
     * file in the way, a missing parent) is left for the code under test to meet.
     */
    public static void seedSqlite(Path dataDir) {
        Path file = dataDir.resolve(StorageSettings.EMBEDDED_FILE_NAME);
        boolean folderToMake = !Files.exists(dataDir) && dataDir.toAbsolutePath().getParent() != null
                && Files.isDirectory(dataDir.toAbsolutePath().getParent());
        if (!(Files.isDirectory(dataDir) || folderToMake) || Files.exists(file)) {
            return;
        }
        try {
            PrivateFiles.folder(dataDir);
            Files.copy(sqliteTemplate(), file, StandardCopyOption.COPY_ATTRIBUTES);
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not copy the migrated SQLite store into " + dataDir, e);
        }
    }

    private static synchronized Path sqliteTemplate() throws IOException {
        if (sqliteTemplate == null) {
            Path folder = Files.createTempDirectory("seatguard-migrated-");
            SqlDatabase.open(StorageSettings.embedded(folder)).close();
            Path file = folder.resolve(StorageSettings.EMBEDDED_FILE_NAME);
            // The last connection's close checkpoints the log into the file; a log left beside it would hold
            // part of the schema, and a copy of the file alone would miss it.
            Path log = folder.resolve(StorageSettings.EMBEDDED_FILE_NAME + "-wal");
            if (Files.exists(log) && Files.size(log) > 0) {
                throw new IllegalStateException("the migrated SQLite template kept a write-ahead log: " + log);
            }
            folder.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            sqliteTemplate = file;
        }
        return sqliteTemplate;
    }

    /** Fills the new, empty {@code schema} as Flyway would have, in one transaction on {@code connection}. */
    static void migratePostgres(Connection connection, String schema, String baseUrl) throws SQLException {
        PostgresTemplate template = postgresTemplate(baseUrl);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL search_path TO " + schema);
            statement.execute(template.scripts());
            statement.execute("CREATE TABLE flyway_schema_history (LIKE " + template.schema() + ".flyway_schema_history INCLUDING ALL)");
            statement.execute("INSERT INTO flyway_schema_history SELECT * FROM " + template.schema() + ".flyway_schema_history");
            connection.commit();
        }
        catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** A schema Flyway migrated, kept for this JVM's copies of its history, and the scripts it ran, in order. */
    private record PostgresTemplate(String schema, String scripts) {}

    private static synchronized PostgresTemplate postgresTemplate(String baseUrl) throws SQLException {
        if (postgresTemplate == null) {
            PostgresTestDatabase template = PostgresTestDatabase.create();
            Runtime.getRuntime().addShutdownHook(new Thread(template::close, "drop-migrated-template"));
            SqlDatabase.open(StorageSettings.of(template.url(), Path.of(System.getProperty("java.io.tmpdir")))).close();
            StringBuilder scripts = new StringBuilder();
            try (Connection connection = DriverManager.getConnection(baseUrl); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT script FROM " + template.schema()
                            + ".flyway_schema_history WHERE type = 'SQL' AND success ORDER BY installed_rank")) {
                while (rows.next()) {
                    scripts.append(script(rows.getString(1))).append(";\n");
                }
            }
            postgresTemplate = new PostgresTemplate(template.schema(), scripts.toString());
        }
        return postgresTemplate;
    }

    private static String script(String name) {
        try (InputStream in = SqlDatabase.class.getClassLoader().getResourceAsStream("db/migration/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Flyway applied " + name + ", which is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
