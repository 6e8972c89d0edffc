package io.seatguard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What {@code seatguard backup} refuses, each with a message that says why; OnlineBackupTest makes a copy. */
class BackupCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new BackupCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void aDataFolderWithoutADatabaseIsRefusedAndNoDatabaseIsCreatedThere() {
        Path empty = dir.resolve("empty");

        assertThat(run("--data-dir", empty.toString(), "--to", dir.resolve("copy.db").toString())).isEqualTo(BackupCommand.REFUSED);

        assertThat(err.toString()).contains("no embedded database at " + empty.toAbsolutePath().resolve("seatguard.db"));
        assertThat(empty.resolve("seatguard.db")).doesNotExist();
        assertThat(dir.resolve("copy.db")).doesNotExist();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anExistingTargetIsNeverOverwritten() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/seatguard.db"), "");
        Path existing = Files.writeString(dir.resolve("yesterday.db"), "an older copy");

        assertThat(run("--data-dir", dir.resolve("data").toString(), "--to", existing.toString())).isEqualTo(BackupCommand.REFUSED);

        assertThat(err.toString()).contains("exists already");
        assertThat(existing).hasContent("an older copy");
    }

    @Test
    void aTargetInAMissingFolderIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/seatguard.db"), "");

        assertThat(run("--data-dir", dir.resolve("data").toString(), "--to", dir.resolve("no/such/folder/copy.db").toString()))
                .isEqualTo(BackupCommand.REFUSED);

        assertThat(err.toString()).contains("does not exist");
    }

    @Test
    void aCopyThatFailsLeavesNoFileBehind() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/seatguard.db"), "this is not a SQLite database, and is long enough to be read as one".repeat(100));
        Path target = dir.resolve("copy.db");

        assertThat(run("--data-dir", dir.resolve("data").toString(), "--to", target.toString())).isEqualTo(1);

        assertThat(err.toString()).contains("the copy failed");
        assertThat(target).doesNotExist();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void postgresqlStorageIsPointedAtPgDump() {
        assertThat(run("--database-url", "postgresql://db.example/seatguard", "--to", dir.resolve("copy.db").toString()))
                .isEqualTo(BackupCommand.REFUSED);

        assertThat(err.toString()).contains("pg_dump");
        assertThat(dir.resolve("copy.db")).doesNotExist();
    }
}
