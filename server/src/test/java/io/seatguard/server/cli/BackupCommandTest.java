package io.seatguard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /**
     * Review finding: a backup restored beside the replaced database's write-ahead log. Copied as it is, the
     * copy would carry the old log's pages; refused as serve refuses it (LeftoverWriteAheadLogTest).
     */
    @Test
    void aRestoredCopyBesideAnotherDatabasesLogIsRefusedAndNothingIsCopied() throws Exception {
        Path old = Files.createDirectories(dir.resolve("old"));
        Path data = Files.createDirectories(dir.resolve("data"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + old.resolve("seatguard.db"));
                Statement statement = connection.createStatement()) {
            statement.executeQuery("PRAGMA journal_mode=WAL").close();
            statement.executeQuery("PRAGMA wal_autocheckpoint=0").close();
            statement.execute("CREATE TABLE t (x INTEGER)");
            statement.execute("INSERT INTO t VALUES (1)");
            Files.copy(old.resolve("seatguard.db-wal"), dir.resolve("old-log"));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + old.resolve("seatguard.db"));
                java.sql.PreparedStatement copy = connection.prepareStatement("VACUUM INTO ?")) {
            copy.setString(1, data.resolve("seatguard.db").toString());
            copy.execute();
        }
        // After the copy is made: VACUUM INTO deletes a log beside the empty file it fills.
        Files.copy(dir.resolve("old-log"), data.resolve("seatguard.db-wal"));
        Path target = dir.resolve("copy.db");

        assertThat(run("--data-dir", data.toString(), "--to", target.toString())).isEqualTo(1);

        assertThat(err.toString()).startsWith("seatguard: " + data.toAbsolutePath().resolve("seatguard.db-wal") + " holds commits that are not");
        assertThat(target).doesNotExist();
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers.map(path -> path.getFileName().toString())).doesNotContain("copy.db").noneMatch(name -> name.contains(".incomplete-"));
        }
    }

    /**
     * Review finding: a folder that takes no new file said "cannot create /f/copy.db.incomplete-4711-3fa9c:
     * /f/copy.db.incomplete-4711-3fa9c", a name the user never gave, twice and with no reason. /proc takes
     * no new file even from root (the tests run as root, to whom a folder's permission bits are no bar).
     */
    @Test
    void aFolderThatTakesNoNewFileIsNamedWithTheReason() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc")), "Linux's /proc");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/seatguard.db"), "");
        Path target = Path.of("/proc/seatguard-copy.db");

        assertThat(run("--data-dir", dir.resolve("data").toString(), "--to", target.toString())).isEqualTo(1);

        assertThat(err.toString()).startsWith("seatguard: cannot write the copy " + target + ": its folder /proc takes no new file (")
                .doesNotContain(BackupCommand.INCOMPLETE);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamed() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/seatguard.db"), "");
        Path file = Files.writeString(dir.resolve("file"), "");

        assertThat(run("--data-dir", dir.resolve("data").toString(), "--to", file.resolve("copy.db").toString())).isEqualTo(BackupCommand.REFUSED);

        assertThat(err.toString()).contains(file.toAbsolutePath() + ", is a file, not a folder");
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

    /** Review finding: an unchecked exception during the copy left the *.incomplete-… file behind; only SQL and I/O failures removed it. */
    @Test
    void aCopyEndedByAnUncheckedExceptionLeavesNoFileBehind() throws Exception {
        Path data = database();
        BackupCommand backup = new BackupCommand(() -> {
            throw new IllegalStateException("a failure no catch names");
        });

        int exit = new CommandLine(backup).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--data-dir", data.toString(), "--to", dir.resolve("copy.db").toString());

        assertThat(exit).as(err.toString()).isNotZero();
        assertThat(err.toString()).contains("a failure no catch names");
        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("data");
        }
    }

    /**
     * Review finding: when the copy's link to its name was made but its temporary name could not be removed,
     * publishing fell back to a move, which found the copy just linked and said "exists already". An
     * append-only folder (chattr +a) takes a new name but lets none go, even root's; made so once the copy is written.
     */
    @Test
    void aCopyWhoseTemporaryNameCannotBeRemovedIsPublishedAndTheLeftoverNamed() throws Exception {
        Path data = database();
        Path copies = Files.createDirectories(dir.resolve("copies"));
        assumeTrue(appendOnly(copies, true) && appendOnly(copies, false), "chattr +a on the test's file system");
        Path copy = copies.resolve("copy.db");
        BackupCommand backup = new BackupCommand(() -> assertThat(appendOnly(copies, true)).isTrue());
        int exit;
        try {
            exit = new CommandLine(backup).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                    .execute("--data-dir", data.toString(), "--to", copy.toString());
        }
        finally {
            appendOnly(copies, false);
        }

        assertThat(exit).as(err.toString()).isZero();
        assertThat(rows(copy)).isEqualTo(20);
        assertThat(out.toString()).contains("\"file\":\"" + copy.toAbsolutePath() + "\"");
        Path leftover;
        try (var files = Files.list(copies)) {
            leftover = files.filter(file -> file.getFileName().toString().startsWith("copy.db" + BackupCommand.INCOMPLETE)).findFirst().orElseThrow();
        }
        assertThat(err.toString()).startsWith("seatguard: warning: " + copy.toAbsolutePath() + " is written, but its temporary name " + leftover
                + " could not be removed (").doesNotContain("exists already");
    }

    /** Sets or clears the folder's append-only attribute; false where chattr is missing or the file system has no such attribute. */
    private static boolean appendOnly(Path folder, boolean on) {
        try {
            Process chattr = new ProcessBuilder("chattr", on ? "+a" : "-a", folder.toString()).redirectErrorStream(true).start();
            chattr.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return chattr.waitFor() == 0;
        }
        catch (java.io.IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void postgresqlStorageIsPointedAtPgDump() {
        assertThat(run("--database-url", "postgresql://db.example/seatguard", "--to", dir.resolve("copy.db").toString()))
                .isEqualTo(BackupCommand.REFUSED);

        assertThat(err.toString()).contains("pg_dump");
        assertThat(dir.resolve("copy.db")).doesNotExist();
    }

    /** Review: docs/configuration.md lists jdbc:sqlite: as a store's form, and backup refused it as PostgreSQL's. */
    @Test
    void aSqliteFileNamedByTheDatabaseUrlIsCopiedAsADataFoldersIs() throws Exception {
        Path data = database();
        Path copy = dir.resolve("copy.db");

        // The URL names the store, as for serve: the data folder is ignored.
        assertThat(run("--data-dir", dir.resolve("elsewhere").toString(), "--database-url", "jdbc:sqlite:" + data.resolve("seatguard.db"),
                "--to", copy.toString())).as(err.toString()).isZero();

        assertThat(rows(copy)).isEqualTo(20);
        assertThat(out.toString()).contains("\"file\":\"" + copy.toAbsolutePath() + "\"");
        assertThat(dir.resolve("elsewhere")).doesNotExist();
    }

    @Test
    void aSqliteUrlWithoutADatabaseFileThereIsRefusedAndNothingIsCreated() {
        Path missing = dir.resolve("none/seatguard.db");

        assertThat(run("--database-url", "jdbc:sqlite:" + missing, "--to", dir.resolve("copy.db").toString())).isEqualTo(BackupCommand.REFUSED);

        assertThat(err.toString()).contains("no embedded database at " + missing.toAbsolutePath());
        assertThat(missing).doesNotExist();
        assertThat(dir.resolve("copy.db")).doesNotExist();
    }

    @Test
    void aSqliteUrlNamingNoFileIsRefusedByName() {
        assertThat(run("--database-url", "jdbc:sqlite::memory:", "--to", dir.resolve("copy.db").toString())).isEqualTo(BackupCommand.REFUSED);

        assertThat(err.toString()).isEqualTo("seatguard: --database-url jdbc:sqlite::memory: names no SQLite file by its path; name the server's as"
                + " jdbc:sqlite:/path/seatguard.db" + System.lineSeparator());
        assertThat(dir.resolve("copy.db")).doesNotExist();
    }

    @Test
    void aDatabaseUrlThatIsNoneIsRefusedAsASetting() {
        assertThat(run("--database-url", "garbage", "--to", dir.resolve("copy.db").toString())).isEqualTo(BackupCommand.REFUSED);

        assertThat(err.toString()).startsWith("seatguard: --database-url: unsupported database URL");
    }

    /** A database of about 20 MB, so that a copy takes long enough for a second run to start meanwhile. */
    private Path database() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("seatguard.db"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE filler (x BLOB)");
            statement.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20) INSERT INTO filler SELECT randomblob(1000000) FROM n");
        }
        return data;
    }

    private static long rows(Path copy) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM filler")) {
            count.next();
            return count.getLong(1);
        }
    }

    /**
     * Review: a backup killed during the copy left a file with no tables at the --to name, which restored
     * as a brand-new store. The copy is written under another name and given the --to name once whole.
     */
    @Test
    void aCopyUnderWayIsNotAtItsNameAndLeavesNoOtherFileOnceDone() throws Exception {
        Path data = database();
        Path copy = dir.resolve("copy.db");
        Future<Integer> backup;
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("seatguard.db"));
                    Statement statement = writer.createStatement()) {
                // Readers wait for this lock (up to the backup's 10 s busy timeout): the copy is under way meanwhile.
                statement.execute("BEGIN EXCLUSIVE");
                backup = thread.submit(() -> run("--data-dir", data.toString(), "--to", copy.toString()));
                Thread.sleep(1_500);
                assertThat(copy).as("nothing at the backup's name while it is copied").doesNotExist();
                try (var files = Files.list(dir)) {
                    assertThat(files.map(file -> file.getFileName().toString()))
                            .anySatisfy(name -> assertThat(name).startsWith("copy.db" + BackupCommand.INCOMPLETE));
                }
                statement.execute("ROLLBACK");
            }
            assertThat(backup.get()).as(err.toString()).isZero();
        }
        finally {
            thread.shutdownNow();
        }
        assertThat(rows(copy)).isEqualTo(20);
        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("data", "copy.db");
        }
    }

    /** Review finding 4: the copy holds the database's secrets. */
    @Test
    void theCopyIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path data = database();
        Path copy = dir.resolve("copy.db");

        assertThat(run("--data-dir", data.toString(), "--to", copy.toString())).as(err.toString()).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
        assertThat(rows(copy)).isEqualTo(20);
    }

    /** Review finding 4 (storage 8): a second backup to the same name is refused and never deletes the first's copy. */
    @Test
    void twoBackupsToOneNameAtOnceLeaveOneWholeCopy() throws Exception {
        Path data = database();
        for (int round = 0; round < 4; round++) {
            Path copy = dir.resolve("copy-" + round + ".db");
            CyclicBarrier together = new CyclicBarrier(2);
            List<Callable<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(() -> {
                    together.await();
                    return new CommandLine(new BackupCommand()).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(new StringWriter()))
                            .execute("--data-dir", data.toString(), "--to", copy.toString());
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Integer> codes = new ArrayList<>();
            try {
                for (Future<Integer> code : pool.invokeAll(runs)) {
                    codes.add(code.get());
                }
            }
            finally {
                pool.shutdownNow();
            }
            assertThat(codes).as("round " + round).containsExactlyInAnyOrder(0, BackupCommand.REFUSED);
            assertThat(copy).as("round " + round).exists();
            assertThat(rows(copy)).as("round " + round).isEqualTo(20);
        }
    }
}
