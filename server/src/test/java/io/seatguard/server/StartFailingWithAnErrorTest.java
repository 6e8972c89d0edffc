package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.operator.PasswordHasher;
import io.seatguard.server.config.NetworkSettings;
import io.seatguard.server.config.ServerConfig;
import io.seatguard.server.dashboard.LightArgon2;
import io.seatguard.server.http.HttpApi;
import io.seatguard.storage.ThreadsLeftBehind;
import java.io.File;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding: a start cleaned up after a RuntimeException only. One ended by an Error (an
 * OutOfMemoryError, a library's ExceptionInInitializerError) left the store open, its lock held and its
 * writer's non-daemon thread running, and the HTTP port and the STUN socket bound.
 */
class StartFailingWithAnErrorTest {
    @TempDir
    Path dataDir;

    @Test
    void aStartEndedByAnErrorClosesWhatItOpenedAndRethrowsTheErrorUnchanged() throws Exception {
        ExceptionInInitializerError error = new ExceptionInInitializerError("a library's initializer threw");
        // The first operator's password is hashed at the start's very end: the store, the threads, the
        // STUN socket and the HTTP server are all open by then.
        PasswordHasher failing = new PasswordHasher() {
            @Override
            public String hash(String password) {
                throw error;
            }

            @Override
            public boolean matches(String password, String hash) {
                return false;
            }
        };
        // Free ports named up front (not 0), so that the test can bind the same ones again afterwards.
        int httpPort;
        int stunPort;
        try (ServerSocket http = new ServerSocket(0); DatagramSocket stun = new DatagramSocket(0)) {
            httpPort = http.getLocalPort();
            stunPort = stun.getLocalPort();
        }
        ServerConfig config = TestServer.config(dataDir)
                .host("127.0.0.1")
                .port(httpPort)
                .network(NetworkSettings.NONE.withStunPort(OptionalInt.of(stunPort)))
                .build();
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        assertThatThrownBy(() -> SeatguardServer.start(config, InstantSource.system(), HttpApi.STOP_TIMEOUT, failing)).isSameAs(error);

        assertThat(ThreadsLeftBehind.since(before)).as("the store's and the server's threads").isEmpty();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket http = new ServerSocket()) {
            http.bind(new InetSocketAddress(loopback, httpPort));
        }
        try (DatagramSocket stun = new DatagramSocket(new InetSocketAddress(loopback, stunPort))) {
            assertThat(stun.isBound()).isTrue();
        }
        // The store's lock released: the next start in this process is not refused as a second server.
        try (SeatguardServer next = SeatguardServer.start(config, InstantSource.system(), HttpApi.STOP_TIMEOUT, LightArgon2.hasher())) {
            assertThat(next.createdOperator()).isPresent();
        }
    }

    /**
     * Review finding: the metrics were made after the store was opened and before the start's try, so an
     * Error there (a metrics library's class that will not load) left the store open, its lock held, and its
     * writer's non-daemon thread kept the JVM from exiting. Run in a JVM of its own, without the Prometheus
     * registry on its class path.
     */
    @Test
    void aStartWhoseMetricsCannotBeMadeLeavesNoStoreOpen() throws Exception {
        Child child = runWithoutThePrometheusRegistry(StartWithMetricsThatCannotBeMade.class.getName(), dataDir.toString());

        assertThat(child.output()).as("the failure this test stages").contains("first start: java.lang.NoClassDefFoundError");
        assertThat(child.output()).as("the next start in the process is not refused by the first one's lock")
                .contains("second start: java.lang.NoClassDefFoundError").doesNotContain("already served");
        assertThat(child.exited()).as("the JVM exits: no non-daemon writer thread left\n" + child.output()).isTrue();
    }

    /**
     * Review finding: serve caught a RuntimeException only, so a start ended by an Error (a jar missing from
     * the class path) printed the JVM's raw stack trace ("Exception in thread main ...") in place of its one
     * line. The same start as above, through serve.
     */
    @Test
    void serveSaysInOneLineWhichErrorEndedTheStart() throws Exception {
        Child child = runWithoutThePrometheusRegistry(Main.class.getName(), "serve", "--data-dir", dataDir.toString(), "--host", "127.0.0.1",
                "--port", "0", "--no-stun");

        assertThat(child.exited()).as("serve ends\n" + child.output()).isTrue();
        assertThat(child.output().lines()).as("the error's kind and message, on one line")
                .anyMatch(line -> line.startsWith("seatguard: could not start: NoClassDefFoundError: io/micrometer/prometheus"));
        assertThat(child.output()).as("no stack trace").doesNotContain("\tat ", "Exception in thread");
        assertThat(child.exitCode()).as("exit status\n" + child.output()).isEqualTo(1);
    }

    /** How a child JVM ended: whether it exited within the minute, its exit status if so, and its output and error output together. */
    private record Child(boolean exited, int exitCode, String output) {}

    /**
     * Runs {@code mainClass} with {@code args} in a JVM of its own, on this test run's class path without
     * Micrometer's Prometheus registry, so that making the server's metrics ends in a NoClassDefFoundError.
     * The developer's own {@code SEATGUARD_*} variables do not reach it.
     */
    private static Child runWithoutThePrometheusRegistry(String mainClass, String... args) throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("micrometer-registry-prometheus"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SEATGUARD_"));
        Process child = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                output.append(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            catch (java.io.IOException e) {
                output.append(e);
            }
        });
        boolean exited = child.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly().waitFor();
        }
        reader.join();
        return new Child(exited, exited ? child.exitValue() : -1, output.toString());
    }
}
