package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.testing.EvaluationSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An erased account's rows are gone from the SQLite file itself, not only from its tables: SQLite leaves a
 * deleted row's bytes in free space and on the free list until overwritten, where anyone with a copy of the
 * file could read them (SecureDelete).
 */
class SqliteErasureLeavesNoFreePagesTest {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    /** Distinctive: found in the file only where the account's rows (and their documents) put it. */
    private static final String USER = "erasable-qzxv-4711";

    @TempDir
    Path dataDir;

    private SqlDatabase database;

    @BeforeEach
    void open() {
        database = SqlDatabase.open(StorageSettings.embedded(dataDir));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theErasedAccountsIdIsNotInTheDatabaseFileAfterACheckpoint() throws Exception {
        SqlEvaluationStore evaluations = new SqlEvaluationStore(database);
        // Enough rows to fill whole pages (freed onto the free list) and share others with another account's.
        for (int i = 0; i < 300; i++) {
            evaluations.record(EvaluationSamples.write("app_a", UUID.randomUUID().toString(), USER, "dev-q1", i == 0, "tok-qzxv-0001", "fp-q1",
                    DeviceType.COMPUTER, "198.51.100.7", T0.plusSeconds(i)));
            evaluations.record(EvaluationSamples.write("app_a", UUID.randomUUID().toString(), "other-" + i, "dev-o" + i, true, "tok-other-" + i,
                    "fp-o" + i, DeviceType.COMPUTER, "203.0.113.9", T0.plusSeconds(i)));
        }
        checkpoint();
        assertThat(fileContains(USER)).as("the account's rows reached the file").isTrue();

        assertThat(new SqlAccountRecords(database).erase("app_a", USER)).isTrue();
        checkpoint();
        // The checkpoint took the log's frames into the file; what is left there is what the erasure left.
        assertThat(fileContains(USER)).as("no freed page or free space still holds the account's id").isFalse();
        assertThat(countRows("SELECT COUNT(*) FROM evaluations WHERE user_id LIKE 'other-%'")).as("the other accounts' rows stay").isEqualTo(300);
        assertThat(secureDelete()).as("the writer's setting is put back for every other write: fast").isEqualTo(2);
    }

    /**
     * Copies the log into the file and empties it, as the checkpointer's restart does: with the server's
     * connections closed (its pooled readers would otherwise hold the truncation back), then opened again.
     */
    private void checkpoint() throws SQLException {
        database.close();
        try (Connection raw = raw(); Statement statement = raw.createStatement(); ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).as("the checkpoint was not blocked").isZero();
        }
        database = SqlDatabase.open(StorageSettings.embedded(dataDir));
    }

    private boolean fileContains(String text) throws IOException {
        String file = new String(Files.readAllBytes(dataDir.resolve(StorageSettings.EMBEDDED_FILE_NAME)), StandardCharsets.ISO_8859_1);
        return file.contains(text);
    }

    private long countRows(String query) throws SQLException {
        try (Connection raw = raw(); Statement statement = raw.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The writer connection's secure_delete, read on it through a write task. */
    private long secureDelete() {
        return database.write(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("PRAGMA secure_delete")) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    private Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(StorageSettings.EMBEDDED_FILE_NAME));
    }
}
