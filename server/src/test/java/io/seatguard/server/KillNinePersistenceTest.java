package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.config.ServerConfig;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md "Nothing lost": a server process is killed with SIGKILL while evaluations are flowing; every
 * evaluation it had acknowledged with a 200 must be readable after a restart on the same data folder.
 */
class KillNinePersistenceTest {
    private static final String ADMIN = "kill-nine-admin-token-0000";

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedEvaluationSurvivesKillNine() throws Exception {
        int port = freePort();
        Process process = startServerProcess(port);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try {
            awaitReady(port, process);
            String clientId = clientIdOf(process, port);
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> senders = new ArrayList<>();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (int t = 0; t < 8; t++) {
                int sender = t;
                senders.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String body = "{\"client_id\":\"" + clientId + "\",\"action\":\"login\",\"user\":\"u" + sender + "-" + i
                                + "\",\"device\":{\"token\":\"tok_kill_nine_" + sender + "_" + i + "_x\"}}";
                        try {
                            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/evaluate"))
                                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200) {
                                acknowledged.add(response.body().replaceAll(".*\"evaluation_id\":\"([^\"]+)\".*", "$1"));
                            }
                        }
                        catch (IOException e) {
                            return;
                        }
                        catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }));
            }
            Instant until = Instant.now().plusSeconds(20);
            while (acknowledged.size() < 300 && Instant.now().isBefore(until)) {
                Thread.sleep(20);
            }
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no final commit
            process.waitFor();
            stop.set(true);
            for (Thread sender : senders) {
                sender.join();
            }
        }
        finally {
            process.destroyForcibly();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        try (SeatguardServer restarted = SeatguardServer.start(ServerConfig.embeddedForTests(dataDir).withAdminToken(ADMIN))) {
            HttpClient client = HttpClient.newHttpClient();
            String appsJson = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restarted.port() + "/v3/apps"))
                    .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString()).body();
            String appId = appsJson.replaceAll("(?s).*\"id\":\"(app_[^\"]+)\".*", "$1");
            String secret = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restarted.port() + "/v3/apps/" + appId + "/rotate-secret"))
                    .header("Authorization", "Bearer " + ADMIN).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                    .body().replaceAll(".*\"secret_key\":\"([^\"]+)\".*", "$1");
            List<String> missing = new ArrayList<>();
            for (String id : acknowledged) {
                int status = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restarted.port() + "/v3/evaluations/" + id))
                        .header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    missing.add(id + " -> " + status);
                }
            }
            assertThat(missing).as("acknowledged evaluations lost after kill -9").isEmpty();
        }
    }

    private Process startServerProcess(int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "io.seatguard.server.Main", "serve", "--port", Integer.toString(port), "--data-dir", dataDir.toString(), "--admin-token", ADMIN);
        return new ProcessBuilder(command)
                .redirectOutput(dataDir.resolve("server.out").toFile())
                .redirectError(dataDir.resolve("server.err").toFile())
                .start();
    }

    private void awaitReady(int port, Process process) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited: " + java.nio.file.Files.readString(dataDir.resolve("server.err")));
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server did not become ready");
    }

    /** The banner is printed right after start; wait for it. */
    private String clientIdOf(Process process, int port) throws Exception {
        File out = dataDir.resolve("server.out").toFile();
        Instant until = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(until)) {
            for (String line : java.nio.file.Files.readAllLines(out.toPath())) {
                if (line.trim().startsWith("client_id:")) {
                    return line.trim().split("\\s+")[1];
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no client id in the banner of the server on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
