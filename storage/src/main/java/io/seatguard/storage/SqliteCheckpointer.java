package io.seatguard.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file on a thread of its own.
 *
 * <p>Why: by default the connection that commits runs the checkpoint whenever the log passes 1000
 * pages. Here that connection is the group-commit writer, the one serial step of every evaluation, and
 * a profile under load showed a sixth of the server's CPU in its commits. So this thread runs a PASSIVE
 * checkpoint every {@link #PERIOD_MILLIS} (PASSIVE never blocks the writer or readers), and the writer
 * keeps SQLite's automatic checkpoint only as a safety valve at {@link #WRITER_FALLBACK_PAGES}.
 *
 * <p>The period must be short: under load the log grows by up to a few hundred megabytes a second, and
 * a log that outgrows its checkpoints slows every read (each page read searches the log's index) and
 * fills the disk. A first version that ran once a second let the log reach 3 GB in two minutes.
 */
final class SqliteCheckpointer implements AutoCloseable {
    static final long PERIOD_MILLIS = 50;
    /** Pages of log (4 KiB each) past which the writer checkpoints itself, if this thread fell behind. */
    static final int WRITER_FALLBACK_PAGES = 8192;
    private static final Logger log = LoggerFactory.getLogger(SqliteCheckpointer.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("seatguard-sqlite-checkpoint").daemon(true).unstarted(runnable));

    SqliteCheckpointer(DataSource dataSource) {
        this(dataSource, PERIOD_MILLIS);
    }

    SqliteCheckpointer(DataSource dataSource, long periodMillis) {
        this.dataSource = dataSource;
        scheduler.scheduleWithFixedDelay(this::checkpoint, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs one pass now; returns the log frames still not copied (0 when the pass completed), or -1 when
     * it could not run (another checkpoint held the lock, or the database is not in WAL mode).
     */
    long checkpoint() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            if (result.next()) {
                // Columns: busy (1 when another checkpoint held the lock), log frames, frames copied (-1 if none ran).
                if (result.getInt(1) != 0 || result.getLong(2) < 0) {
                    return -1;
                }
                return result.getLong(2) - result.getLong(3);
            }
        }
        catch (SQLException | RuntimeException e) {
            log.warn("SQLite checkpoint failed; it will be retried", e);
        }
        return -1;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
