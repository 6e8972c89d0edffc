package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store closed from a thread whose interrupt is set (a shutdown path that was interrupted, an executor
 * shut down with {@code shutdownNow}): the writer's stop was a {@code put} that the interrupt refused at
 * once, and the writer's non-daemon thread, with its connection, ran on for the life of the process.
 * Closing must finish whatever the caller's interrupt, keep the interrupt for the caller, and still commit
 * the writes queued before it.
 */
class ClosingOnAnInterruptedThreadTest {
    private static final long SETTLE_MILLIS = 10_000;

    @TempDir
    Path dir;

    @Test
    void anEmbeddedStoreClosedOnAnInterruptedThreadStopsItsThreadsAndCommitsWhatWasQueued() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        SqlDatabase database = SqlDatabase.open(StorageSettings.embedded(dir.resolve("data")));

        boolean interruptKept = closeOnAnInterruptedThreadWithAWriteQueued(database);

        assertThat(interruptKept).as("the interrupt kept for the caller").isTrue();
        assertThat(ThreadsLeftBehind.since(before)).isEmpty();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve(StorageSettings.EMBEDDED_FILE_NAME))) {
            assertThat(values(connection)).containsExactlyInAnyOrder("held", "queued");
        }
    }

    @Test
    void aPostgresStoreClosedOnAnInterruptedThreadStopsItsThreadsClosesItsConnectionsAndCommitsWhatWasQueued() throws Exception {
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create()) {
            String name = "seatguard-interrupted-close-" + UUID.randomUUID().toString().substring(0, 8);
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            SqlDatabase database = SqlDatabase.open(StorageSettings.of(postgres.url() + "&ApplicationName=" + name, dir));

            boolean interruptKept = closeOnAnInterruptedThreadWithAWriteQueued(database);

            assertThat(interruptKept).as("the interrupt kept for the caller").isTrue();
            assertThat(ThreadsLeftBehind.since(before)).isEmpty();
            try (Connection connection = DriverManager.getConnection(postgres.url())) {
                assertThat(SessionsLeftBehind.named(connection, name, java.time.Duration.ofMillis(SETTLE_MILLIS))).as("connections of the closed store").isZero();
                assertThat(values(connection)).containsExactlyInAnyOrder("held", "queued");
            }
        }
    }

    /**
     * Holds the writer in a batch, queues a write behind it, and closes the store on a thread whose
     * interrupt is set; the writer is let go once the close has queued its stop (or has returned without
     * it). Answers whether the closing thread's interrupt was still set after the close.
     */
    private static boolean closeOnAnInterruptedThreadWithAWriteQueued(SqlDatabase database) throws Exception {
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.execute("CREATE TABLE t (v TEXT)");
            }
        });
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> holding = CompletableFuture.supplyAsync(() -> database.write(connection -> {
            held.countDown();
            awaitQuietly(release);
            return insert(connection, "held");
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).as("the writer held").isTrue();
        CompletableFuture<Object> queued = CompletableFuture.supplyAsync(() -> database.write(connection -> insert(connection, "queued")));
        assertThat(awaitTrue(() -> database.writer().queued() == 1)).as("a write queued behind the held one").isTrue();

        CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
        Thread closer = Thread.ofPlatform().name("interrupted-closer").start(() -> {
            Thread.currentThread().interrupt();
            try {
                database.close();
                interruptKept.complete(Thread.currentThread().isInterrupted());
            }
            catch (Throwable e) {
                interruptKept.completeExceptionally(e);
            }
        });
        // The stop queued behind the write, or a close that gave up without it: either way the writer may go on now.
        assertThat(awaitTrue(() -> database.writer().queued() == 2 || !closer.isAlive())).as("the close under way").isTrue();
        release.countDown();

        closer.join(TimeUnit.SECONDS.toMillis(60));
        holding.get(10, TimeUnit.SECONDS);
        queued.get(10, TimeUnit.SECONDS);
        return interruptKept.get(10, TimeUnit.SECONDS);
    }

    /** Polls the condition (a queue's length, a thread's end: nothing to wait on) until it holds or 10 s passed. */
    private static boolean awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int insert(Connection connection, String value) throws SQLException {
        return JdbcRunner.update(connection, "INSERT INTO t (v) VALUES (?)", value);
    }

    private static java.util.List<String> values(Connection connection) throws SQLException {
        return JdbcRunner.queryList(connection, "SELECT v FROM t", row -> row.getString(1));
    }
}
