package io.seatguard.storage;

import com.google.common.util.concurrent.Uninterruptibles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file on a thread of its own, and starts the log
 * over once it has grown.
 *
 * <p>Why a thread: by default the connection that commits runs the checkpoint whenever the log passes
 * 1000 pages. Here that connection is the group-commit writer, the one serial step of every evaluation,
 * and a profile under load showed a sixth of the server's CPU in its commits. So this thread runs a
 * PASSIVE checkpoint every {@link #PERIOD_MILLIS} (PASSIVE never blocks the writer or readers), and the
 * writer keeps SQLite's automatic checkpoint only as a safety valve at {@link #WRITER_FALLBACK_PAGES}.
 * The period must be short: under load the log grows by up to a few hundred megabytes a second, and a
 * log that outgrows its checkpoints slows every read (each page read searches the log's index) and fills
 * the disk. A first version that ran once a second let the log reach 3 GB in two minutes.
 *
 * <p>Why a restart of its own: copying pages back is not enough. SQLite starts the log over only when a
 * writer finds it fully copied and no reader holding a snapshot of it. Under load the passes never
 * catch up (the writer appends while they copy), and some reader nearly always holds a snapshot, so the
 * log grew to the writer's safety valve at 32 MiB, whose checkpoint stalled a commit for 40–70 ms about
 * twice a second. So once the log passes {@link #RESTART_PAGES}, this thread holds the writer between
 * two batches ({@link GroupCommitWriter#pause}), copies what arrived since its last pass, and waits out
 * the reads that began before the log was all copied ({@link ReaderGate#drain}); reads that begin after
 * that read the database file alone, so the writer's next commit starts the log over.
 *
 * <p>Why it syncs the database file itself: SQLite syncs the file only in a pass that catches up with
 * the whole log, so the copies of every pass before it piled up unsynced, and the catching-up pass (the
 * restart's, or the safety valve's) flushed them all with the writer held: 37–58 ms of fsync measured.
 * Synced after each pass ({@link #syncDatabaseFile}), with no lock held, the held pass has only its own
 * few pages to flush (docs/benchmarks.md, "The log restart").
 */
final class SqliteCheckpointer implements AutoCloseable {
    static final long PERIOD_MILLIS = 50;
    /** Pages of log (4 KiB each) past which the log is started over: 64 MiB, a second or two under load. */
    static final int RESTART_PAGES = 16_384;
    /**
     * Pages of log past which the writer checkpoints itself, should this thread fall behind or a long
     * read keep putting the restart off: 128 MiB.
     */
    static final int WRITER_FALLBACK_PAGES = 2 * RESTART_PAGES;
    /** The size the log's file is cut back to when it restarts larger (after a fallback). */
    static final long LOG_FILE_LIMIT_BYTES = WRITER_FALLBACK_PAGES * 4096L;
    /** How long a restart waits for the writer to finish its batch, and then for the reads in flight. */
    static final long WRITER_WAIT_MILLIS = 100;
    static final long READER_WAIT_MILLIS = 10;
    private static final int MAX_BACKOFF_PASSES = 32;
    private static final Logger log = LoggerFactory.getLogger(SqliteCheckpointer.class);
    /** A full disk fails every pass, twenty a second: logged once, then counted (RepeatedFailures). */
    private final RepeatedFailures failures = new RepeatedFailures(log);

    private final DataSource dataSource;
    private final ReaderGate readers;
    private final GroupCommitWriter writer;
    private final int restartPages;
    private final LongAdder restarts = new LongAdder();
    private final LongAdder restartsDeferred = new LongAdder();
    private final LongAdder writerHeldNanos = new LongAdder();
    private final FileChannel databaseFile;
    private long lastCopiedFrames;
    private long restartedAtFrames = -1;
    private int backoffPasses = 1;
    private int passesToSkip;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("seatguard-sqlite-checkpoint").daemon(true).unstarted(runnable));

    SqliteCheckpointer(DataSource dataSource, ReaderGate readers, GroupCommitWriter writer) {
        this(dataSource, readers, writer, PERIOD_MILLIS, RESTART_PAGES);
    }

    SqliteCheckpointer(DataSource dataSource, ReaderGate readers, GroupCommitWriter writer, long periodMillis, int restartPages) {
        this.dataSource = dataSource;
        this.readers = readers;
        this.writer = writer;
        this.restartPages = restartPages;
        this.databaseFile = openDatabaseFile(dataSource);
        scheduler.scheduleWithFixedDelay(this::pass, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** What one PASSIVE pass found: frames in the log, and how many of them are now in the database file. */
    record Pass(long logFrames, long copiedFrames) {
        static final Pass NOT_RUN = new Pass(-1, -1);

        long framesLeft() {
            return logFrames - copiedFrames;
        }
    }

    private void pass() {
        Pass pass = checkpoint();
        if (pass.copiedFrames() > 0 && pass.copiedFrames() != lastCopiedFrames) {
            syncDatabaseFile();
        }
        lastCopiedFrames = pass.copiedFrames();
        // A log left as it was since the last restart has not been written to: the next write starts it over.
        if (pass.logFrames() < restartPages || pass.logFrames() == restartedAtFrames) {
            return;
        }
        if (passesToSkip > 0) {
            passesToSkip--;
            return;
        }
        if (restartLog()) {
            backoffPasses = 1;
        }
        else {
            // A long read (here, or a backup in another process) or a busy writer: try again later, less
            // often while it lasts. The writer's own fallback still bounds the log meanwhile.
            restartsDeferred.increment();
            passesToSkip = backoffPasses;
            backoffPasses = Math.min(backoffPasses * 2, MAX_BACKOFF_PASSES);
        }
    }

    /**
     * Opens the database file for {@link #syncDatabaseFile}; null for an in-memory database. SQLite
     * names the file itself, whatever the URL looked like.
     */
    private static FileChannel openDatabaseFile(DataSource dataSource) {
        String file = null;
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA database_list")) {
            while (rows.next()) {
                file = rows.getString("file");
                if ("main".equals(rows.getString("name")) && file != null && !file.isEmpty()) {
                    return FileChannel.open(Path.of(file), StandardOpenOption.WRITE);
                }
            }
            return null;
        }
        catch (IOException e) {
            // Java's file exceptions carry only the path: a database file the server's user may not write (one
            // another user made) stopped the start with "cannot open the SQLite database file for syncing: <path>",
            // the reason left out (found in review). FileProblems says it.
            throw new IllegalStateException("cannot open the database file " + file + " for writing: " + FileProblems.reason(e), e);
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot open the SQLite database file for syncing: " + e.getMessage(), e);
        }
    }

    /**
     * Flushes the pages the last pass copied into the database file, holding no lock of SQLite's.
     *
     * <p>Why: SQLite syncs the database file only in the pass that catches up with the whole log, and
     * under load a pass rarely does, since the writer keeps appending. So the copies of many passes piled
     * up unsynced, and the pass that did catch up (the writer's own safety valve, or the restart) flushed
     * all of them at once: 37–58 ms of fsync with the writer held. Flushed after each pass instead, the
     * catching-up pass has only its own few pages left to sync.
     */
    private void syncDatabaseFile() {
        if (databaseFile == null) {
            return;
        }
        try {
            databaseFile.force(false);
        }
        catch (IOException e) {
            log.warn("Syncing the SQLite database file failed; the next pass tries again", e);
        }
    }

    /**
     * Runs one PASSIVE pass now; {@link Pass#NOT_RUN} when it could not run (another checkpoint held the
     * lock, or the database is not in WAL mode).
     */
    Pass checkpoint() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            if (result.next()) {
                // Columns: busy (1 when another checkpoint held the lock), log frames, frames copied (-1 if none ran).
                if (result.getInt(1) != 0 || result.getLong(2) < 0) {
                    return Pass.NOT_RUN;
                }
                failures.succeeded("SQLite checkpoints run");
                return new Pass(result.getLong(2), result.getLong(3));
            }
        }
        catch (SQLException | RuntimeException e) {
            failures.failed(org.slf4j.event.Level.WARN, "SQLite checkpoint failed; it will be retried", e);
        }
        return Pass.NOT_RUN;
    }

    /**
     * Has the next commit write the log from its start: with the writer held between two batches, copies
     * the frames that arrived since the last pass, then waits out the reads that began before the log was
     * all in the database file. Reads that begin after that read the file alone and do not stand in the
     * way, so the writer's next transaction starts the log over. False if that could not be done now.
     */
    boolean restartLog() {
        try {
            Optional<GroupCommitWriter.Pause> pause = writer.pause(WRITER_WAIT_MILLIS);
            if (pause.isEmpty()) {
                return false;
            }
            long started = System.nanoTime();
            try (GroupCommitWriter.Pause held = pause.get()) {
                Pass last = checkpoint();
                if (last.framesLeft() > 0 && readers.drain(READER_WAIT_MILLIS)) {
                    // A read that began before the writer's last commit (one the scheduler had set aside,
                    // say) kept those frames back; it has finished now, and the writer adds none.
                    last = checkpoint();
                }
                boolean done = last.logFrames() >= 0 && last.framesLeft() == 0 && readers.drain(READER_WAIT_MILLIS);
                if (done) {
                    restarts.increment();
                    restartedAtFrames = last.logFrames();
                }
                return done;
            }
            finally {
                writerHeldNanos.add(System.nanoTime() - started);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    LogRestartStats stats() {
        return new LogRestartStats(restarts.sum(), restartsDeferred.sum(), writerHeldNanos.sum());
    }

    @Override
    public void close() {
        // Not shutdownNow() first: an interrupt during a pass's sync closes the file's channel
        // (ClosedByInterruptException), and a shutdown that met a pass logged a warning with a stack
        // trace. A pass lasts milliseconds; a restart's waits add at most ~120 ms.
        // Waited for past the caller's interrupt (set again on return): on an interrupted thread the wait
        // used to end at once, interrupting the pass it meant to spare and leaving it to run on past the close.
        scheduler.shutdown();
        if (!Uninterruptibles.awaitTerminationUninterruptibly(scheduler, Duration.ofSeconds(5))) {
            scheduler.shutdownNow();
        }
        if (databaseFile != null) {
            try {
                databaseFile.close();
            }
            catch (IOException e) {
                log.warn("Closing the SQLite database file failed", e);
            }
        }
    }
}
