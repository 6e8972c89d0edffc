package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
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
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> blocking = CompletableFuture.supplyAsync(() -> writer.execute(connection -> {
            held.countDown();
            awaitQuietly(release);
            return insert(connection, "first");
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
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

    private long count() {
        return writer.execute(connection -> JdbcRunner.queryOne(connection, "SELECT COUNT(*) FROM t", row -> row.getLong(1)).orElseThrow());
    }
}
