package io.seatguard.server.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.seatguard.core.checks.CheckSettings;
import io.seatguard.intel.ip.IntelConfig;
import io.seatguard.server.TestServer;
import io.seatguard.server.config.NetworkSettings;
import io.seatguard.server.config.ServerConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding (a stalled list URL hangs startup): a list server that sends its headers and one line,
 * then nothing, must not keep Seatguard from listening; the list shows as pending meanwhile.
 */
class StalledListStartTest {
    @TempDir
    Path dataDir;

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer stalling;

    @AfterEach
    void stop() {
        release.countDown();
        if (stalling != null) {
            stalling.stop(0);
        }
    }

    @Test
    void aStalledListServerNeitherHoldsTheStartNorTheReadiness() throws Exception {
        stalling = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stalling.createContext("/tor.txt", exchange -> {
            exchange.sendResponseHeaders(200, 1_000_000);
            exchange.getResponseBody().write("185.220.101.1\n".getBytes(StandardCharsets.US_ASCII));
            exchange.getResponseBody().flush();
            try {
                release.await(3, TimeUnit.MINUTES);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        stalling.start();
        String url = "http://127.0.0.1:" + stalling.getAddress().getPort() + "/tor.txt";
        IntelConfig intel = new IntelConfig(List.of(), "geoip", List.of(), "asn", Optional.empty(), List.of(), List.of(),
                List.of(IntelConfig.ListSpec.parse("tor=" + url)));
        ServerConfig config = TestServer.config(dataDir).network(new NetworkSettings(intel, NetworkSettings.DEFAULT_REFRESH, CheckSettings.DEFAULTS)).build();
        try (TestServer server = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> TestServer.startWith(config))) {
            TestServer.Response ready = server.get("/readyz", Map.of());
            assertThat(ready.status()).isEqualTo(200);
            JsonNode tor = null;
            for (JsonNode source : ready.json().get("checks").get("ip_data").get("sources")) {
                if (source.get("kind").asText().equals("tor-list")) {
                    tor = source;
                }
            }
            assertThat(tor).isNotNull();
            assertThat(tor.get("status").asText()).isEqualTo("pending");
        }
    }
}
