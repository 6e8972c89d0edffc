package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** What a caller is told, and what is committed, when a write waits too long or a task throws an Error. */
class GroupCommitWriterTest {
    @TempDir
    Path dir;
    private GroupCommitWriter writer;

    @BeforeEach
    void open() {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("w.db"));
        writer = new GroupCommitWriter("test-writer", dataSource::getConnection, Duration.ofMillis(300));
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

    @Test
    void aWriteTheCallerGaveUpOnIsNeverCommittedAfterwards() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> blocking = holdWriter(writer, release);
        AtomicInteger ran = new AtomicInteger();

        assertThatThrownBy(() -> writer.execute(connection -> {
            ran.incrementAndGet();
            return insert(connection, "late");
        })).isInstanceOfSatisfying(SeatguardException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo("Storage did not commit in time");
        });
        release.countDown();
        blocking.get(10, TimeUnit.SECONDS);

        assertThat(count()).as("only the write that was answered is stored").isEqualTo(1);
        assertThat(ran).as("the withdrawn task never ran").hasValue(0);
    }

    /**
     * A batch failed for one write, so its writes go one by one; when the database is found unreachable
     * meanwhile (here: by the failing write itself, on its second try), the writes after it are refused
     * at once instead of each waiting out a timeout of its own.
     */
    @Test
    void writesCommittedOneByOneAfterAFailedBatchFailAtOnceOnceTheDatabaseIsUnreachable() throws Exception {
        OutageGate outage = OutageGate.forDatabase();
        try (GroupCommitWriter alone = writerWithTable("alone", Duration.ofSeconds(10), outage, Duration.ZERO)) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> holding = holdWriter(alone, release);
            AtomicInteger failingRuns = new AtomicInteger();
            AtomicInteger otherRuns = new AtomicInteger();
            CompletableFuture<Object> failing = CompletableFuture.supplyAsync(() -> alone.execute(connection -> {
                if (failingRuns.incrementAndGet() == 2) {
                    outage.failed(new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006"));
                }
                throw new IllegalStateException("this write fails");
            }));
            Thread.sleep(150);   // queued first, so it comes first in the next batch
            CompletableFuture<Object> other = CompletableFuture.supplyAsync(() -> alone.execute(connection -> {
                otherRuns.incrementAndGet();
                return insert(connection, "other");
            }));
            Thread.sleep(150);   // both queued behind the held batch, so they share the next one
            release.countDown();
            holding.get(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> other.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SeatguardException.class)
                    .hasMessageContaining("Storage is unreachable");
            assertThat(failingRuns).as("in the batch, then alone").hasValue(2);
            assertThat(otherRuns).as("never: the batch stopped at the failing write, and alone it was refused").hasValue(0);
            outage.answered();
            long stored = alone.execute(connection -> JdbcRunner.queryOne(connection, "SELECT COUNT(*) FROM t", row -> row.getLong(1)).orElseThrow());
            assertThat(stored).as("only the write that held the writer").isEqualTo(1);
        }
    }

    /**
     * A write that lost the race for a new device's token or fingerprint fails its batch as any failing
     * write does, but it is expected (one browser's tabs opening at once): the others commit alone, and
     * nothing is logged as a failure (it was a WARN with a stack trace for every race).
     */
    @Test
    void aLostDeviceRaceFailsItsWriteAloneAndWarnsOfNothing() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(GroupCommitWriter.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> holding = holdWriter(writer, release);
            CompletableFuture<Object> lost = CompletableFuture.supplyAsync(() -> writer.execute(connection -> {
                throw new io.seatguard.core.evaluation.DeviceClaimConflict("fingerprint taken");
            }));
            CompletableFuture<Object> other = CompletableFuture.supplyAsync(() -> writer.execute(connection -> insert(connection, "other")));
            Thread.sleep(150);   // both queued behind the held batch, so they share the next one
            release.countDown();
            holding.get(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> lost.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(io.seatguard.core.evaluation.DeviceClaimConflict.class);
            other.get(10, TimeUnit.SECONDS);
            assertThat(count()).as("the held write and the other").isEqualTo(2);
            assertThat(logged.list).noneSatisfy(event -> assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN));
        }
        finally {
            logger.detachAppender(logged);
        }
    }

    /**
     * A commit that goes unanswered past the stall limit (a database fallen silent mid-commit, here a task
     * that blocks): the database counts as unreachable; the write queued behind it withdraws and is
     * refused, a new write is refused at once, and the stuck write itself is waited for to its real outcome.
     */
    @Test
    void aCommitStalledPastTheLimitClosesTheGateAndReleasesTheWritesQueuedBehindIt() throws Exception {
        OutageGate outage = OutageGate.forDatabase();
        try (GroupCommitWriter stalling = writerWithTable("stalling", Duration.ofSeconds(30), outage, Duration.ofMillis(400))) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> stuck = holdWriter(stalling, release);
            AtomicInteger queuedRuns = new AtomicInteger();
            long started = System.nanoTime();
            assertThatThrownBy(() -> stalling.execute(connection -> {
                queuedRuns.incrementAndGet();
                return insert(connection, "queued");
            })).isInstanceOfSatisfying(SeatguardException.class, e -> assertThat(e.getMessage()).contains("unreachable"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("released once the commit stalled, not after the 30 s wait")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(outage.isClosed()).as("the database counts as unreachable").isTrue();

            started = System.nanoTime();
            assertThatThrownBy(() -> stalling.execute(connection -> insert(connection, "new"))).isInstanceOf(SeatguardException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a new write is refused at once").isLessThan(Duration.ofMillis(300));
            assertThat(stuck).as("the stuck write waits for its real outcome").isNotDone();
            assertThat(outage.stats().refused()).as("both refusals counted, as /metrics shows them").isEqualTo(2);

            release.countDown();
            assertThat(stuck.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(queuedRuns).as("the withdrawn write never ran").hasValue(0);
            outage.answered();
            assertThat(count(stalling)).as("only the stuck write").isEqualTo(1);
        }
    }

    /**
     * A commit past the stall limit while the database still answers a probe is a slow commit, not an
     * outage: nothing is refused and the writes queued behind it commit after it. Found in CI: under heavy
     * load a PostgreSQL erasure batch took over 5 s and every request was refused as if the database were
     * gone. The probe is asked once per second at most, however many callers look.
     */
    @Test
    void aSlowCommitOfADatabaseThatStillAnswersRefusesNothing() throws Exception {
        OutageGate outage = OutageGate.forDatabase();
        AtomicInteger probes = new AtomicInteger();
        StallJudge answering = new StallJudge(() -> {
            probes.incrementAndGet();
            return true;
        });
        try (GroupCommitWriter slow = writerWithTable("slow", Duration.ofSeconds(30), outage, Duration.ofMillis(200), answering)) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> held = holdWriter(slow, release);
            List<CompletableFuture<Object>> queued = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String value = "queued" + i;
                queued.add(CompletableFuture.supplyAsync(() -> slow.execute(connection -> insert(connection, value))));
            }
            Thread.sleep(1_500);
            assertThat(queued).as("still waiting, none refused").noneMatch(CompletableFuture::isDone);
            assertThat(outage.isClosed()).isFalse();
            assertThat(probes.get()).as("asked while stalled, at most about once a second").isBetween(1, 3);

            release.countDown();
            assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            for (CompletableFuture<Object> write : queued) {
                assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(count(slow)).isEqualTo(5);
            assertThat(outage.stats().refused()).isZero();
        }
    }

    /** Without a stall limit (SQLite's writer) a long commit is only a long commit. */
    @Test
    void withoutAStallLimitALongCommitRefusesNothing() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<Object> slow = CompletableFuture.supplyAsync(() -> writer.execute(connection -> {
            held.countDown();
            awaitQuietly(new CountDownLatch(1), 150);
            return insert(connection, "slow");
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        Object after = writer.execute(connection -> insert(connection, "after"));
        assertThat(after).isEqualTo(1);
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(count()).isEqualTo(2);
    }

    /**
     * A close on an interrupted thread, with the queue full behind a batch in progress: the stop was a
     * {@code put} that the interrupt refused at once, and the writer's non-daemon thread ran on. Now it
     * waits for room past the interrupt, the queued write commits, the writer stops, and the interrupt is
     * set again for the caller.
     */
    @Test
    void aCloseOnAnInterruptedThreadWithTheQueueFullCommitsWhatWasQueuedAndStopsTheWriter() throws Exception {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("w.db"));
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        GroupCommitWriter small = new GroupCommitWriter("seatguard-test-writer-of-a-small-queue", DatabaseKind.SQLITE, dataSource::getConnection,
                Duration.ofSeconds(30), new RepeatedFailures(org.slf4j.LoggerFactory.getLogger(getClass())), OutageGate.forDatabase(), Duration.ZERO,
                StallJudge.silenceAlways(), 1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> holding = holdWriter(small, release);
        CompletableFuture<Integer> queued = CompletableFuture.supplyAsync(() -> small.execute(connection -> insert(connection, "queued")));
        awaitQueued(small, 1);

        CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
        Thread closer = Thread.ofPlatform().name("interrupted-closer").start(() -> {
            Thread.currentThread().interrupt();
            small.close();
            interruptKept.complete(Thread.currentThread().isInterrupted());
        });
        // Let go once the close waits for room in the full queue (or has returned without waiting).
        awaitUntil("the close waiting", () -> closer.getState() == Thread.State.TIMED_WAITING || !closer.isAlive());
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(60));

        assertThat(interruptKept.get(10, TimeUnit.SECONDS)).as("the interrupt kept for the caller").isTrue();
        assertThat(holding.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(queued.get(10, TimeUnit.SECONDS)).as("the write queued before the close").isEqualTo(1);
        assertThat(ThreadsLeftBehind.since(before)).isEmpty();
        assertThat(count()).isEqualTo(2);
    }

    /**
     * A write submitted while the writer closes: it passed the closed check just before the close, and
     * reached the queue only after the writer had stopped (here: held in the stall probe meanwhile). Nothing
     * takes it any more, and its caller waited out the whole submit timeout (30 s in service) to be told
     * "did not commit in time". It is now refused as soon as the writer is found stopped, and never runs.
     */
    @Test
    void aWriteQueuedAfterTheWriterStoppedIsRefusedAtOnce() throws Exception {
        CountDownLatch probing = new CountDownLatch(1);
        CountDownLatch letProbeAnswer = new CountDownLatch(1);
        StallJudge judge = new StallJudge(() -> {
            if (Thread.currentThread().getName().equals("late-submitter")) {
                probing.countDown();
                awaitQuietly(letProbeAnswer);
            }
            return true;
        });
        GroupCommitWriter closing = writerWithTable("closing", Duration.ofSeconds(5), OutageGate.forDatabase(), Duration.ofNanos(1), judge);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> holding = holdWriter(closing, release);
        AtomicInteger ran = new AtomicInteger();
        CompletableFuture<Long> late = new CompletableFuture<>();
        Thread.ofPlatform().name("late-submitter").start(() -> {
            long started = System.nanoTime();
            try {
                closing.execute(connection -> ran.incrementAndGet());
                late.complete(-1L);
            }
            catch (RuntimeException e) {
                late.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
        });
        assertThat(probing.await(10, TimeUnit.SECONDS)).as("the late write past the closed check").isTrue();
        Thread closer = Thread.ofPlatform().name("closer").start(closing::close);
        awaitUntil("the close waiting for the writer", () -> closer.getState() == Thread.State.TIMED_WAITING || !closer.isAlive());
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(closer.isAlive()).as("the writer stopped").isFalse();
        assertThat(holding.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        long probeAnswered = System.nanoTime();
        letProbeAnswer.countDown();

        long waitedMillis = late.get(10, TimeUnit.SECONDS);
        assertThat(waitedMillis).as("the late write refused, not committed").isNotNegative();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - probeAnswered)).as("refused at once, not after the submit timeout")
                .isLessThan(2_000);
        assertThat(ran).as("the refused write never ran").hasValue(0);
    }

    @Test
    void aStartedWriteIsWaitedForPastTheTimeout() {
        Object result = writer.execute(connection -> {
            awaitQuietly(new CountDownLatch(1), 600);
            return insert(connection, "slow");
        });

        assertThat(result).isEqualTo(1);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aTaskThatThrowsAnErrorFailsAloneAndTheWriterLivesOn() {
        assertThatThrownBy(() -> writer.execute(connection -> {
            insert(connection, "lost");
            throw new StackOverflowError("deep");
        })).isInstanceOf(SeatguardException.class).hasRootCauseInstanceOf(StackOverflowError.class);

        int written = writer.execute(connection -> insert(connection, "after"));
        assertThat(written).isEqualTo(1);
        assertThat(count()).as("the failed task's row was rolled back").isEqualTo(1);
    }

    /**
     * A full disk (here SQLite's page limit, which fails the same way, SQLITE_FULL) refuses every write as
     * storage unavailable, is logged once rather than once a write, keeps what was committed, and the
     * writer takes writes again as soon as there is room.
     */
    @Test
    void aFullDatabaseRefusesWritesLogsItOnceAndTakesWritesAgainWhenThereIsRoom() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(GroupCommitWriter.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("full.db"));
        GroupCommitWriter.ConnectionFactory limited = () -> {
            java.sql.Connection connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA max_page_count = 40");
            }
            return connection;
        };
        RepeatedFailures failures = new RepeatedFailures(logger, Duration.ofSeconds(30), () -> 0L);
        try (GroupCommitWriter small = new GroupCommitWriter("full-writer", limited, Duration.ofSeconds(10), failures, OutageGate.forDatabase(), Duration.ZERO,
                StallJudge.silenceAlways())) {
            small.execute(connection -> JdbcRunner.update(connection, "CREATE TABLE b (v BLOB NOT NULL)"));
            int stored = 0;
            int refused = 0;
            for (int i = 0; i < 60; i++) {
                try {
                    small.execute(connection -> JdbcRunner.update(connection, "INSERT INTO b (v) VALUES (zeroblob(8000))"));
                    stored++;
                }
                catch (SeatguardException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
                    refused++;
                }
            }
            assertThat(stored).as("some fit before the limit").isPositive();
            assertThat(refused).as("the rest were refused").isEqualTo(60 - stored).isGreaterThan(10);
            long kept = small.execute(connection -> JdbcRunner.queryOne(connection, "SELECT COUNT(*) FROM b", row -> row.getLong(1)).orElseThrow());
            assertThat(kept).as("nothing committed was lost").isEqualTo(stored);
            assertThat(logged.list.stream().filter(event -> event.getFormattedMessage().equals("Storage write failed")))
                    .as("one failure logged in full, not %s", refused).hasSize(1);
            // The database still answers, so nothing is refused at once: /metrics counts them as failed writes.
            assertThat(small.stats().failedWrites()).as("each refused write counted").isEqualTo(refused);

            small.execute(connection -> JdbcRunner.update(connection, "DELETE FROM b"));
            int inserted = small.execute(connection -> JdbcRunner.update(connection, "INSERT INTO b (v) VALUES (zeroblob(8000))"));
            assertThat(inserted).as("room again after the delete").isEqualTo(1);
            assertThat(logged.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .contains("Storage writes commit again, after " + refused + " failures");
        }
        finally {
            logger.detachAppender(logged);
        }
    }

    /** A writer of its own on a database of its own, with the table {@code t} made. */
    private GroupCommitWriter writerWithTable(String name, Duration submitTimeout, OutageGate outage, Duration stallLimit) {
        return writerWithTable(name, submitTimeout, outage, stallLimit, StallJudge.silenceAlways());
    }

    private GroupCommitWriter writerWithTable(String name, Duration submitTimeout, OutageGate outage, Duration stallLimit, StallJudge judge) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve(name + ".db"));
        GroupCommitWriter writer = new GroupCommitWriter(name + "-writer", dataSource::getConnection, submitTimeout,
                new RepeatedFailures(org.slf4j.LoggerFactory.getLogger(GroupCommitWriterTest.class)), outage, stallLimit, judge);
        writer.execute(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.execute("CREATE TABLE t (v TEXT)");
            }
        });
        return writer;
    }

    /** A write that holds the writer in its batch until {@code release}, then inserts "held"; returns once it holds. */
    private static CompletableFuture<Object> holdWriter(GroupCommitWriter writer, CountDownLatch release) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<Object> holding = CompletableFuture.supplyAsync(() -> writer.execute(connection -> {
            held.countDown();
            awaitQuietly(release);
            return insert(connection, "held");
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        return holding;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        awaitQuietly(latch, 10_000);
    }

    private static void awaitQuietly(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int insert(java.sql.Connection connection, String value) throws java.sql.SQLException {
        return JdbcRunner.update(connection, "INSERT INTO t (v) VALUES (?)", value);
    }

    private static void awaitQueued(GroupCommitWriter writer, int queued) {
        awaitUntil(queued + " queued", () -> writer.queued() >= queued);
    }

    private static void awaitUntil(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as(what).isNegative();
            Thread.onSpinWait();
        }
    }

    private long count() {
        return count(writer);
    }

    private static long count(GroupCommitWriter from) {
        return from.execute(connection -> JdbcRunner.queryOne(connection, "SELECT COUNT(*) FROM t", row -> row.getLong(1)).orElseThrow());
    }
}
