package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

class SqliteCheckpointerTest {
    @TempDir
    Path dir;

    @Test
    void aPassCopiesTheWholeLogWrittenWithAutomaticCheckpointsOff() throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("c.db"));
        try (Connection writer = dataSource.getConnection(); Statement statement = writer.createStatement();
                // A period longer than the test: only the explicit passes below run.
                SqliteCheckpointer checkpointer = new SqliteCheckpointer(dataSource, 3_600_000)) {
            statement.execute("PRAGMA wal_autocheckpoint=0");
            statement.execute("CREATE TABLE t (v TEXT)");
            for (int i = 0; i < 2000; i++) {
                statement.execute("INSERT INTO t VALUES ('" + "x".repeat(500) + "')");
            }
            long walBefore = Files.size(dir.resolve("c.db-wal"));
            assertThat(walBefore).as("the log grew while nothing checkpointed").isGreaterThan(1_000_000);

            assertThat(checkpointer.checkpoint()).as("frames left behind").isZero();
            // The next write starts the log over instead of appending to it.
            statement.execute("INSERT INTO t VALUES ('after')");
            statement.execute("INSERT INTO t VALUES ('after again')");
            assertThat(Files.size(dir.resolve("c.db")))
                    .as("the database file now holds the rows").isGreaterThan(1_000_000);
            assertThat(checkpointer.checkpoint()).isZero();
        }
    }
}
