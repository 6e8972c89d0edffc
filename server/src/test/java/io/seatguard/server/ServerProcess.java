package io.seatguard.server;

import io.seatguard.server.TestServer.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A Seatguard server in a process of its own ({@code Main serve}, on this test run's classpath), for
 * tests that need a real second node or a real kill. Its output goes to files in its work folder.
 * STUN is off unless the test asks for it, so processes never compete for UDP 3478.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path out;
    private final Path err;

    private ServerProcess(Process process, int port, Path out, Path err) {
        this.process = process;
        this.port = port;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code serve --port <free> --no-stun <args>} and waits until it is ready. Without a
     * {@code --data-dir} among the arguments the data folder is {@code workDir/data}, never the
     * module's own {@code ./data}. The developer's own {@code SEATGUARD_*} variables do not reach it.
     */
    public static ServerProcess start(Path workDir, String... args) throws Exception {
        return start(workDir, Map.of(), args);
    }

    /** As {@link #start(Path, String...)}, with {@code environment} in place of this process's {@code SEATGUARD_*} variables. */
    public static ServerProcess start(Path workDir, Map<String, String> environment, String... args) throws Exception {
        return start(workDir, port -> {
            List<String> command = mainCommand("serve", "--port", Integer.toString(port), "--no-stun");
            if (!List.of(args).contains("--data-dir")) {
                command.addAll(List.of("--data-dir", workDir.resolve("data").toString()));
            }
            command.addAll(List.of(args));
            return new Launch(command, environment);
        });
    }

    /**
     * {@code java … io.seatguard.server.Main <args>} on this test run's JDK and classpath, as a child of a
     * test runs it. Children run C1 only with the serial collector: a server's start costs about half the
     * CPU (measured: 15-17 s with C2's compiler threads, 8-10 s without), and the two test JVMs
     * already take both cores; no test of a child measures its speed.
     */
    public static List<String> mainCommand(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "io.seatguard.server.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** A whole server command line ({@code java … serve …}) and the {@code SEATGUARD_*} variables it runs with. */
    public record Launch(List<String> command, Map<String, String> environment) {}

    /**
     * Starts the server {@code onPort} describes for a free port and waits until it is ready, with
     * {@code environment} in place of this process's {@code SEATGUARD_*} variables.
     *
     * <p>A port found free can be taken before the process, seconds later, binds it: the server module's
     * tests run in two JVMs, and one's in-process server took the port another's child was given (session
     * 55: the child failed to bind, and the other JVM's server answered its readiness check, so the test
     * read another server's settings). So a start that finds its port taken is tried again on another.
     */
    public static ServerProcess start(Path workDir, IntFunction<Launch> onPort) throws Exception {
        Files.createDirectories(workDir);
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            try {
                return start(onPort.apply(port), port, workDir);
            }
            catch (PortTaken taken) {
                if (attempt == 3) {
                    throw new AssertionError("three free ports were taken before the server could bind them", taken);
                }
            }
        }
    }

    private static ServerProcess start(Launch launch, int port, Path workDir) throws Exception {
        Path out = workDir.resolve("server-" + port + ".out");
        Path err = workDir.resolve("server-" + port + ".err");
        ProcessBuilder builder = new ProcessBuilder(launch.command()).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SEATGUARD_"));
        builder.environment().putAll(launch.environment());
        Process process = builder.start();
        ServerProcess server = new ServerProcess(process, port, out, err);
        try {
            server.awaitReady();
        }
        catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Process process() {
        return process;
    }

    public Response send(String method, String path, String body, Map<String, String> headers) {
        return TestServer.send(url(), method, path, body, headers);
    }

    /** The value after {@code label:} on a banner line (e.g. {@code client_id}), once the banner is printed. */
    public Optional<String> banner(String label) throws Exception {
        Instant until = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(until)) {
            for (String line : Files.readAllLines(out)) {
                if (line.trim().startsWith(label + ":")) {
                    return Optional.of(line.trim().split("\\s+")[1]);
                }
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    /** What the server has written to its standard error so far (its log). */
    public String errorOutput() throws IOException {
        return Files.readString(err);
    }

    /**
     * Ready when the port answers {@code /readyz} with 200 and this process has printed its banner (it
     * listens): an answer alone could come from another server that took the port first.
     */
    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        // A server process starts in a few seconds on a quiet machine; a CI machine running other suites
        // beside this one took over 60 s now and then (session 52), which failed tests that had nothing wrong.
        Instant until = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                String log = Files.readString(err);
                if (log.contains("port " + port + " on ") && log.contains("is already in use")) {
                    throw new PortTaken(log);
                }
                throw new AssertionError("server exited: " + log);
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url() + "/readyz")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                        && Files.readString(out).contains("Seatguard is running at ")) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server did not become ready: " + Files.readString(err));
    }

    /** The server could not bind the port it was given: another process had taken it. */
    private static final class PortTaken extends Exception {
        PortTaken(String log) {
            super(log);
        }
    }

    /** SIGKILL: no shutdown hook, no final commit. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
