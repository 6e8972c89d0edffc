package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SqlDatabase#openExisting}, for tools that change a server's store: a store that is not there is
 * refused and nothing is made (dashboard review finding 4); one of an earlier release is migrated forward.
 */
class ExistingStoreTest {
    @TempDir
    Path dir;

    @Test
    void aDataFolderWithoutTheDatabaseIsRefusedAndNothingIsMade() {
        Path typo = dir.resolve("dta");

        assertThatThrownBy(() -> SqlDatabase.openExisting(StorageSettings.embedded(typo))).isInstanceOf(NoStoreException.class)
                .hasMessage("no embedded database at " + typo.toAbsolutePath().resolve("seatguard.db"));
        assertThat(typo).doesNotExist();
    }

    @Test
    void aSqliteUrlNamingNoFileIsRefusedAndNothingIsMade() {
        Path file = dir.resolve("other.db");

        assertThatThrownBy(() -> SqlDatabase.openExisting(StorageSettings.of("jdbc:sqlite:" + file, dir))).isInstanceOf(NoStoreException.class);
        assertThat(file).doesNotExist();
    }

    @Test
    void aDatabaseFileWithoutSeatguardsTablesIsRefusedAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("seatguard.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE something_else (x INTEGER)");
        }

        assertThatThrownBy(() -> SqlDatabase.openExisting(StorageSettings.embedded(dir))).isInstanceOf(NoStoreException.class)
                .hasMessageContaining("has no Seatguard tables (no flyway_schema_history)");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(tableCount(connection, null)).as("nothing migrated").isEqualTo(1);
        }
    }

    @Test
    void aStoreAServerMadeOpens() {
        SqlDatabase.open(StorageSettings.embedded(dir)).close();

        try (SqlDatabase database = SqlDatabase.openExisting(StorageSettings.embedded(dir))) {
            assertThat(new SqlAppStore(database).findById("app_none")).isEmpty();
        }
    }

    /** The tool is the newer binary: its queries need the newer tables, as the server's after its start. */
    @Test
    void aStoreOfAnEarlierReleaseIsMigratedForward() throws Exception {
        Path file = dir.resolve("seatguard.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration").target("10").load().migrate();

        try (SqlDatabase database = SqlDatabase.openExisting(StorageSettings.embedded(dir))) {
            assertThat(new SqlOperatorStore(database).count()).as("operators came in V11").isZero();
        }
    }

    @Test
    void aPostgresDatabaseWithoutSeatguardsTablesIsRefusedAndLeftEmpty() throws Exception {
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create()) {
            assertThatThrownBy(() -> SqlDatabase.openExisting(StorageSettings.of(postgres.url(), dir))).isInstanceOf(NoStoreException.class)
                    .hasMessageContaining("has no Seatguard tables");

            try (Connection connection = DriverManager.getConnection(postgres.url())) {
                assertThat(tableCount(connection, connection.getSchema())).as("nothing migrated").isZero();
            }
            SqlDatabase.open(StorageSettings.of(postgres.url(), dir)).close();
            try (SqlDatabase database = SqlDatabase.openExisting(StorageSettings.of(postgres.url(), dir))) {
                assertThat(database.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
            }
        }
        assertThat(Files.list(dir)).as("no embedded store made beside").isEmpty();
    }

    @Test
    void aPostgresServerThatDoesNotAnswerIsSaidPlainly() {
        assertThatThrownBy(() -> SqlDatabase.openExisting(StorageSettings.of("postgresql://127.0.0.1:1/nope", dir))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot connect to PostgreSQL jdbc:postgresql://127.0.0.1:1/nope");
    }

    /** A host name that does not resolve was said as the bare name by serve and as "The connection attempt failed." by the commands. */
    @Test
    void aDatabaseHostWhoseNameDoesNotResolveIsSaidToBeUnknown() {
        String url = "postgresql://seatguard:hunter2@no-such-host.invalid:5432/seatguard";
        assertThatThrownBy(() -> SqlDatabase.openExisting(StorageSettings.of(url, dir))).as("as the commands open it")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot connect to PostgreSQL jdbc:postgresql://no-such-host.invalid:5432/seatguard: the host no-such-host.invalid"
                        + " is not known: its name does not resolve")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> SqlDatabase.open(StorageSettings.of(url, dir))).as("as serve opens it").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(": the host no-such-host.invalid is not known: its name does not resolve").hasMessageNotContaining("hunter2");
    }

    private static int tableCount(Connection connection, String schema) throws Exception {
        int count = 0;
        try (ResultSet tables = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                count++;
            }
        }
        return count;
    }
}
