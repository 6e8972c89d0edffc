package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding: {@code serve} on a data folder whose {@code seatguard.db} is another application's SQLite
 * file turned the file to WAL mode and narrowed its permissions, then stopped on Flyway's advice to
 * "use baseline()". Now it is refused by name before it is touched; an empty file is still set up.
 */
class ForeignDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void anotherApplicationsSqliteFileIsRefusedByNameAndLeftExactlyAsItWas() throws Exception {
        Path file = dir.resolve("seatguard.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER)");
            statement.execute("INSERT INTO invoices (total) VALUES (42)");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> SqlDatabase.openForServer(StorageSettings.embedded(dir))).isInstanceOf(NoStoreException.class)
                .hasMessage("SQLite " + file.toAbsolutePath() + " holds tables but no Seatguard migration history (no flyway_schema_history):"
                        + " it is another application's database, left as it was; point --data-dir at another folder, or move the file away");

        assertThat(Files.readAllBytes(file)).as("not turned to WAL mode, not migrated").isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        assertThatThrownBy(() -> SqlDatabase.openForServer(StorageSettings.embedded(dir))).as("the serving lock was let go")
                .isInstanceOf(NoStoreException.class);
    }

    @Test
    void anEmptyFileIsSetUpAsANewStore() throws Exception {
        Files.createFile(dir.resolve("seatguard.db"));

        try (SqlDatabase database = SqlDatabase.openForServer(StorageSettings.embedded(dir))) {
            assertThat(new SqlAppStore(database).findById("app_none")).isEmpty();
        }
    }

    @Test
    void aStoreAServerMadeOpensAgain() {
        SqlDatabase.openForServer(StorageSettings.embedded(dir)).close();

        SqlDatabase.openForServer(StorageSettings.embedded(dir)).close();
    }

    @Test
    void aPostgresSchemaHoldingAnotherApplicationsTablesIsRefusedByName() throws Exception {
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create()) {
            try (Connection connection = DriverManager.getConnection(postgres.url()); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
            }

            assertThatThrownBy(() -> SqlDatabase.openForServer(StorageSettings.of(postgres.url(), dir))).isInstanceOf(NoStoreException.class)
                    .hasMessageContaining("holds tables but no Seatguard migration history")
                    .hasMessageContaining("point --database-url at another database or schema");
        }
    }
}
