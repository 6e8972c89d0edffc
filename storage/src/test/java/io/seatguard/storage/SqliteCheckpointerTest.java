package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

class SqliteCheckpointerTest {
    /** A period longer than any test: only the explicit passes below run. */
    private static final long NEVER = 3_600_000;
    private static final String ROW = "x".repeat(500);

    @TempDir
    Path dir;

    private SQLiteDataSource dataSource;
    private GroupCommitWriter writer;
    private final ReaderGate readers = new ReaderGate();

    @BeforeEach
    void open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(10_000);
        dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("c.db"));
        writer = new GroupCommitWriter("test-writer", DatabaseKind.SQLITE, () -> {
            Connection connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_autocheckpoint=0");
            }
            return connection;
        }, OutageGate.forDatabase(), Duration.ZERO, StallJudge.silenceAlways());
        writer.execute(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.execute("CREATE TABLE t (v TEXT)");
            }
        });
    }

    @AfterEach
    void close() {
        writer.close();
    }

    /**
     * A close on an interrupted thread (a shutdown path that was interrupted) gave up its wait at once and
     * interrupted the pass in progress: a sync it cut off closed the file's channel and logged a warning,
     * and the pass ran on past the close, on a pool about to be closed. It now waits for the pass, as a
     * close on any thread does, and keeps the interrupt for the caller.
     */
    @Test
    void aCloseOnAnInterruptedThreadWaitsForThePassInProgressWithoutInterruptingIt() throws Exception {
        HeldConnectionRequest held = new HeldConnectionRequest();
        SqliteCheckpointer checkpointer = new SqliteCheckpointer(held.around(dataSource), readers, writer, 10, SqliteCheckpointer.RESTART_PAGES);
        held.arm();

        HeldConnectionRequest.Outcome outcome = held.closeOnAnInterruptedThread(checkpointer);

        assertThat(outcome.closeWaitedForThePass()).as("the close waited for the pass").isTrue();
        assertThat(outcome.passInterrupted()).as("the pass interrupted").isFalse();
        assertThat(outcome.interruptKept()).as("the interrupt kept for the caller").isTrue();
    }

    private void insertRows(int count) {
        for (int i = 0; i < count; i++) {
            writer.execute(connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.executeUpdate("INSERT INTO t VALUES ('" + ROW + "')");
                }
            });
        }
    }

    /** Reads as SqlDatabase does: through the gate, on a connection of their own. */
    private long countRows(Connection connection) throws SQLException {
        readers.enter();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM t")) {
            rows.next();
            return rows.getLong(1);
        }
        finally {
            readers.exit();
        }
    }

    /**
     * A reader the scheduler sets aside for longer than the restart waits (10 ms; it happens on a busy
     * two-core machine) puts a restart off, as it would on the server, whose next pass tries again.
     */
    private static boolean restartWithinAFewTries(SqliteCheckpointer checkpointer) {
        for (int attempt = 0; attempt < 5; attempt++) {
            if (checkpointer.restartLog()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aPassCopiesTheWholeLogWrittenWithAutomaticCheckpointsOff() throws Exception {
        try (SqliteCheckpointer checkpointer = new SqliteCheckpointer(dataSource, readers, writer, NEVER, 4096)) {
            insertRows(300);
            assertThat(Files.size(dir.resolve("c.db-wal"))).as("the log grew while nothing checkpointed").isGreaterThan(1_000_000);

            SqliteCheckpointer.Pass pass = checkpointer.checkpoint();
            assertThat(pass.logFrames()).isGreaterThan(300);
            assertThat(pass.framesLeft()).as("frames left behind").isZero();
            assertThat(Files.size(dir.resolve("c.db"))).as("the database file now holds the rows").isGreaterThan(150_000);
        }
    }

    @Test
    void theLogStartsOverWhileReadersKeepReading() throws Exception {
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        CountDownLatch started = new CountDownLatch(2);
        // Two readers back to back, so that at almost every moment one of them holds a snapshot of the log.
        Thread[] threads = new Thread[2];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = Thread.ofPlatform().start(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    started.countDown();
                    while (reading.get()) {
                        countRows(connection);
                        reads.incrementAndGet();
                    }
                }
                catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        try (SqliteCheckpointer checkpointer = new SqliteCheckpointer(dataSource, readers, writer, NEVER, 4096)) {
            started.await();
            insertRows(300);
            long logFrames = checkpointer.checkpoint().logFrames();
            assertThat(logFrames).isGreaterThan(300);

            assertThat(restartWithinAFewTries(checkpointer)).as("the restart ran").isTrue();
            assertThat(checkpointer.stats().restarts()).isOne();
            insertRows(1);
            assertThat(checkpointer.checkpoint().logFrames())
                    .as("the commit after the restart wrote the log from its start").isLessThan(10);
            long readsBefore = reads.get();
            insertRows(5);
            // Five commits can pass while both readers wait for a core; a reader stuck behind the restart
            // would not read again at all, so give them a few seconds.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (reads.get() <= readsBefore && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(reads.get()).as("the readers went on after the restart").isGreaterThan(readsBefore);
        }
        finally {
            reading.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    @Test
    void aReadThatOutlastsTheWaitPutsTheRestartOffUntilItEnds() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // A report, say: one read transaction that holds its snapshot of the log until released.
        Thread longRead = Thread.ofPlatform().start(() -> {
            readers.enter();
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM t")) {
                    rows.next();
                    inside.countDown();
                    release.await();
                }
                connection.commit();
            }
            catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finally {
                readers.exit();
            }
        });
        try (SqliteCheckpointer checkpointer = new SqliteCheckpointer(dataSource, readers, writer, NEVER, 4096)) {
            inside.await();
            insertRows(50);
            checkpointer.checkpoint();

            assertThat(checkpointer.restartLog()).as("the read in flight kept the log from being copied whole").isFalse();
            assertThat(checkpointer.stats().restarts()).isZero();
            insertRows(1);
            assertThat(checkpointer.checkpoint().logFrames()).as("the log went on growing").isGreaterThan(50);

            release.countDown();
            longRead.join();
            assertThat(restartWithinAFewTries(checkpointer)).isTrue();
            insertRows(1);
            assertThat(checkpointer.checkpoint().logFrames()).isLessThan(10);
        }
        finally {
            release.countDown();
            longRead.join();
        }
    }

    @Test
    void writesSentWhileTheWriterIsPausedWaitForThePauseToEnd() throws Exception {
        GroupCommitWriter.Pause pause = writer.pause(1_000).orElseThrow();
        Thread insert = Thread.ofPlatform().start(() -> insertRows(1));
        insert.join(200);
        assertThat(insert.isAlive()).as("the write waits while the writer is held").isTrue();
        pause.close();
        insert.join(5_000);
        assertThat(insert.isAlive()).isFalse();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(countRows(connection)).isOne();
        }
    }

    @Test
    void onItsOwnScheduleTheCheckpointerKeepsTheLogNearItsRestartSize() throws Exception {
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = Thread.ofPlatform().start(() -> {
            try (Connection connection = dataSource.getConnection()) {
                while (reading.get()) {
                    countRows(connection);
                }
            }
            catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        // Passes every 5 ms and a restart past 64 pages. Each insert is a commit of its own: with no restart
        // the log's file reached 10 MB here; with them, about 0.5 MB.
        try (SqliteCheckpointer checkpointer = new SqliteCheckpointer(dataSource, readers, writer, 5, 64)) {
            insertRows(2_000);
            assertThat(checkpointer.stats().restarts()).as("restarts made on schedule").isPositive();
            assertThat(checkpointer.stats().writerHeldNanos()).isPositive();
        }
        finally {
            reading.set(false);
            reader.join();
        }
        assertThat(Files.size(dir.resolve("c.db-wal")))
                .as("the log's file stayed near the restart size").isLessThan(4_000_000);
    }

    @Test
    void closingLetsThePassInProgressFinishInsteadOfInterruptingIt() throws Exception {
        AtomicBoolean holdNextConnection = new AtomicBoolean();
        AtomicBoolean passInterrupted = new AtomicBoolean();
        CountDownLatch passStarted = new CountDownLatch(1);
        CountDownLatch passMayGoOn = new CountDownLatch(1);
        SQLiteDataSource holding = new SQLiteDataSource(dataSource.getConfig()) {
            @Override
            public Connection getConnection() throws SQLException {
                if (holdNextConnection.compareAndSet(true, false)) {
                    passStarted.countDown();
                    try {
                        passMayGoOn.await();
                    }
                    catch (InterruptedException e) {
                        // What shutdownNow() did: the pass's sync then closed the file's channel.
                        passInterrupted.set(true);
                        Thread.currentThread().interrupt();
                    }
                }
                return super.getConnection();
            }
        };
        holding.setUrl(dataSource.getUrl());
        SqliteCheckpointer checkpointer = new SqliteCheckpointer(holding, readers, writer, 10, 4096);
        Thread closer = null;
        try {
            holdNextConnection.set(true);
            assertThat(passStarted.await(5, TimeUnit.SECONDS)).as("a scheduled pass began").isTrue();
            insertRows(300);
            long fileBefore = Files.size(dir.resolve("c.db"));

            closer = Thread.ofPlatform().start(checkpointer::close);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (closer.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(closer.getState()).as("close() waits for the pass").isEqualTo(Thread.State.TIMED_WAITING);
            passMayGoOn.countDown();
            closer.join(10_000);

            assertThat(closer.isAlive()).as("close() returned once the pass ended").isFalse();
            assertThat(passInterrupted).as("the pass was interrupted").isFalse();
            assertThat(Files.size(dir.resolve("c.db")))
                    .as("the pass in progress at close still copied the log").isGreaterThan(fileBefore + 100_000);
        }
        finally {
            passMayGoOn.countDown();
            checkpointer.close();
            if (closer != null) {
                closer.join();
            }
        }
    }

    @Test
    void aDatabaseFileItCannotOpenForWritingIsNamedWithTheReason() {
        // The file goes once SQLite has it open: the checkpointer's own open then fails as a file the
        // server's user may not write does, with an exception whose message is only the path.
        Path gone = dir.resolve("gone.db");
        SQLiteDataSource vanishing = new SQLiteDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                try {
                    Files.delete(gone);
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return connection;
            }
        };
        vanishing.setUrl("jdbc:sqlite:" + gone);

        assertThatThrownBy(() -> new SqliteCheckpointer(vanishing, readers, writer, NEVER, 4096))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot open the database file " + gone + " for writing: no such file or folder");
    }
}
