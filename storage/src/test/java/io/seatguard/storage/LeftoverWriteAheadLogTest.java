package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding: a backup restored into a data folder that still held the old {@code seatguard.db-wal}
 * was opened, and SQLite replayed the old database's log onto it. Such a log is now refused by name; the
 * log a crash leaves, which SQLite must replay, is not.
 */
class LeftoverWriteAheadLogTest {
    @TempDir
    Path dir;

    private Path live;
    private Path crashed;

    /**
     * A store a server made ({@code live}), a commit of it still only in its log, and {@code crashed}: the
     * folder as a {@code kill -9} would leave it, the database and its log copied while the log held that commit.
     */
    @BeforeEach
    void aStoreWithACommitInItsLog() throws Exception {
        live = Files.createDirectories(dir.resolve("live"));
        SqlDatabase.openForServer(StorageSettings.embedded(live)).close();
        crashed = Files.createDirectories(dir.resolve("crashed"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + live.resolve("seatguard.db"));
                Statement statement = connection.createStatement()) {
            statement.executeQuery("PRAGMA journal_mode=WAL").close();
            statement.executeQuery("PRAGMA wal_autocheckpoint=0").close();
            statement.execute("CREATE TABLE crash_probe (x INTEGER)");
            statement.execute("INSERT INTO crash_probe VALUES (7)");
            for (String name : new String[] {"seatguard.db", "seatguard.db-wal"}) {
                Files.copy(live.resolve(name), crashed.resolve(name));
            }
        }
        // A backup as ./seatguard backup makes it (VACUUM INTO), here of the store after the crash image was taken.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + live.resolve("seatguard.db"));
                java.sql.PreparedStatement copy = connection.prepareStatement("VACUUM INTO ?")) {
            copy.setString(1, dir.resolve("backup.db").toString());
            copy.execute();
        }
        assertThat(LeftoverWriteAheadLog.holdsACommittedFrame(crashed.resolve("seatguard.db-wal"))).as("the crash left a commit in the log").isTrue();
    }

    @Test
    void theLogACrashLeftIsReplayedAsUsual() throws Exception {
        try (SqlDatabase database = SqlDatabase.openForServer(StorageSettings.embedded(crashed))) {
            assertThat(database.kind()).isEqualTo(DatabaseKind.SQLITE);
        }
        assertThat(probe(crashed)).as("the commit that was only in the log").isEqualTo(7);
    }

    @Test
    void aBackupRestoredBesideTheOldDatabasesLogIsRefusedAndLeftAsItWas() throws Exception {
        Path restored = Files.createDirectories(dir.resolve("restored"));
        Files.copy(dir.resolve("backup.db"), restored.resolve("seatguard.db"));
        Files.copy(crashed.resolve("seatguard.db-wal"), restored.resolve("seatguard.db-wal"));
        byte[] before = Files.readAllBytes(restored.resolve("seatguard.db"));
        byte[] logBefore = Files.readAllBytes(restored.resolve("seatguard.db-wal"));

        for (Runnable opening : new Runnable[] {() -> SqlDatabase.openForServer(StorageSettings.embedded(restored)).close(),
                () -> SqlDatabase.openExisting(StorageSettings.embedded(restored)).close()}) {
            assertThatThrownBy(opening::run).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith(restored.resolve("seatguard.db-wal") + " holds commits that are not " + restored.resolve("seatguard.db") + "'s")
                    .hasMessageContaining("move " + restored.resolve("seatguard.db-wal") + " and " + restored.resolve("seatguard.db-shm") + " out of the folder");
        }

        assertThat(Arrays.equals(Files.readAllBytes(restored.resolve("seatguard.db")), before)).as("the restored copy is untouched").isTrue();
        assertThat(Arrays.equals(Files.readAllBytes(restored.resolve("seatguard.db-wal")), logBefore)).as("so is the log").isTrue();
    }

    @Test
    void aBackupRestoredBesideALogWithNothingCommittedOpens() throws Exception {
        Path restored = Files.createDirectories(dir.resolve("restored"));
        Files.copy(dir.resolve("backup.db"), restored.resolve("seatguard.db"));
        byte[] log = Files.readAllBytes(crashed.resolve("seatguard.db-wal"));
        // The log's header alone, then a frame cut short: SQLite would take nothing from either.
        Files.write(restored.resolve("seatguard.db-wal"), Arrays.copyOf(log, 32 + 24 + 100));

        SqlDatabase.openForServer(StorageSettings.embedded(restored)).close();

        assertThat(probe(restored)).as("the backup's own data").isEqualTo(7);
    }

    @Test
    void aBackupRestoredIntoAnEmptyFolderOpens() throws Exception {
        Path restored = Files.createDirectories(dir.resolve("restored"));
        Files.copy(dir.resolve("backup.db"), restored.resolve("seatguard.db"));

        SqlDatabase.openForServer(StorageSettings.embedded(restored)).close();
        SqlDatabase.openForServer(StorageSettings.embedded(restored)).close();

        assertThat(probe(restored)).isEqualTo(7);
    }

    private static int probe(Path folder) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("seatguard.db"));
                Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT x FROM crash_probe")) {
            assertThat(row.next()).isTrue();
            return row.getInt(1);
        }
    }
}
