package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.config.ServerConfig;
import java.io.IOException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md "Nothing lost": a server process is killed with SIGKILL while evaluations are flowing; every
 * evaluation it had acknowledged with a 200 must be readable after a restart on the same data folder.
 */
class KillNinePersistenceTest {
    private static final String ADMIN = "kill-nine-admin-token-0000";

    @TempDir
    Path dataDir;

    /** With either SQLite setting: they differ only when the machine stops, not when the process dies. */
    @ParameterizedTest
    @ValueSource(strings = {"full", "normal"})
    void everyAcknowledgedEvaluationSurvivesKillNine(String synchronous) throws Exception {
        ServerProcess server = ServerProcess.start(dataDir, "--data-dir", dataDir.toString(), "--admin-token", ADMIN,
                "--geoip-db", "off", "--asn-db", "off", "--sqlite-synchronous", synchronous);
        int port = server.port();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try {
            String clientId = server.banner("client_id").orElseThrow(() -> new AssertionError("no client id in the banner"));
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
            server.kill(); // SIGKILL on Linux: no shutdown hook, no final commit
            stop.set(true);
            for (Thread sender : senders) {
                sender.join();
            }
        }
        finally {
            server.close();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        try (SeatguardServer restarted = SeatguardServer.start(TestServer.config(dataDir).adminToken(ADMIN).build())) {
            HttpClient client = HttpClient.newHttpClient();
            String appsJson = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restarted.port() + "/v3/apps"))
                    .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString()).body();
            // The default app's evaluations (the demo site has an app of its own).
            String appId = appsJson.replaceAll("(?s).*?\"id\":\"(app_[^\"]+)\",\"name\":\"default\".*", "$1");
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
}
