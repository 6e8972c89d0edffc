package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding: an opening that failed after its pools were made (the writer, the checkpointer, the
 * statistics pass) closed none of them, and the pools' connections and housekeepers, and the writer's
 * non-daemon thread, outlived it. Failed here at its very end, when everything has been made.
 */
class FailedOpeningClosesWhatItMadeTest {
    private static final long SETTLE_MILLIS = 5_000;

    @TempDir
    Path dir;

    @Test
    void anEmbeddedStoreThatFailsToOpenLeavesNoThreadOfItsOwn() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        IllegalStateException failure = new IllegalStateException("the last step failed");

        assertThatThrownBy(() -> SqlDatabase.open(StorageSettings.embedded(dir.resolve("data")), () -> {
            throw failure;
        })).isSameAs(failure);

        assertThat(ThreadsLeftBehind.since(before)).isEmpty();
    }

    /**
     * Review finding: an opening that failed on an interrupted thread (an interrupt is what ends a
     * file's channel in the middle of an opening) asked the writer to stop with a put that an interrupt
     * refuses, and the writer's non-daemon thread ran on for the life of the process.
     */
    @Test
    void anEmbeddedStoreThatFailsToOpenOnAnInterruptedThreadLeavesNoThreadOfItsOwn() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        IllegalStateException failure = new IllegalStateException("the last step was interrupted");

        try {
            assertThatThrownBy(() -> SqlDatabase.open(StorageSettings.embedded(dir.resolve("data")), () -> {
                Thread.currentThread().interrupt();
                throw failure;
            })).isSameAs(failure);
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt kept for the caller").isTrue();
        }
        finally {
            Thread.interrupted();
        }

        assertThat(ThreadsLeftBehind.since(before)).isEmpty();
    }

    @Test
    void aPostgresStoreThatFailsToOpenLeavesNoThreadAndNoConnection() throws Exception {
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create()) {
            String name = "seatguard-failed-opening-" + UUID.randomUUID().toString().substring(0, 8);
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            IllegalStateException failure = new IllegalStateException("the last step failed");

            assertThatThrownBy(() -> SqlDatabase.open(StorageSettings.of(postgres.url() + "&ApplicationName=" + name, dir), () -> {
                throw failure;
            })).isSameAs(failure);

            assertThat(ThreadsLeftBehind.since(before)).isEmpty();
            try (Connection watcher = DriverManager.getConnection(postgres.url())) {
                assertThat(SessionsLeftBehind.named(watcher, name, java.time.Duration.ofMillis(SETTLE_MILLIS))).as("connections of the failed opening").isZero();
            }
        }
    }

    /**
     * An opening for a server ended by an Error (here Flyway's class that will not load; a thread refused
     * is another) released its serving lock only after a RuntimeException, and every later opening of
     * that data folder in the process was refused as a second server. Run in a JVM of its own, without
     * Flyway on its class path.
     */
    @Test
    void aServersOpeningEndedByAnErrorReleasesTheServingLock() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("flyway-core"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-cp", classPath, OpenForServerTwice.class.getName(), dir.resolve("data").toString()))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(output).as("the failure this test stages").contains("first opening: java.lang.NoClassDefFoundError");
        assertThat(output).as("the next opening is not refused by the first one's lock")
                .contains("second opening: java.lang.NoClassDefFoundError").doesNotContain("already served");
    }
}
