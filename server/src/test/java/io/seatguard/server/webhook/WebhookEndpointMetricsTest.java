package io.seatguard.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.testing.MutableClock;
import io.seatguard.server.MetricsText;
import io.seatguard.server.SeatguardServer;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.storage.StorageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disabled webhook endpoints in {@code GET /metrics} (docs/production.md): only a WARN line said an
 * endpoint had been disabled for failing. The gauge is read from storage, so that another node's
 * disabling shows too, and kept for 5 s; the server runs on a clock the test moves, past that age and
 * past the 5 days of failing tries that disable an endpoint.
 */
class WebhookEndpointMetricsTest {
    private static final String DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String MANUAL = "seatguard_webhook_endpoints_disabled{reason=\"manual\"}";
    private static final String FAILING = "seatguard_webhook_endpoints_disabled{reason=\"failing\"}";
    private static final String AUTO_DISABLED = "seatguard_webhook_endpoints_auto_disabled_total";

    @TempDir
    Path dataDir;

    @Test
    void disabledEndpointsAreCountedByReasonAndAutomaticDisablingsCounted() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (Receiver failing = new Receiver(Integer.MAX_VALUE);
                SeatguardServer server = SeatguardServer.start(TestServer.config(dataDir).webhookAllowPrivate(true).adminToken(TestServer.ADMIN_TOKEN).build(),
                        clock)) {
            String url = "http://127.0.0.1:" + server.port();
            Map<String, String> bearer = Map.of("Authorization", "Bearer " + server.createdDefaultApp().orElseThrow().secretKey(), "Content-Type",
                    "application/json");
            String dying = createEndpoint(url, bearer, failing.url());
            String byHand = createEndpoint(url, bearer, "http://" + TestServer.UNROUTED_PUBLIC_HOST + "/hook");
            String before = metrics(url);
            assertThat(MetricsText.value(before, MANUAL)).isZero();
            assertThat(MetricsText.value(before, FAILING)).isZero();
            assertThat(MetricsText.value(before, AUTO_DISABLED)).isZero();

            Response disabled = TestServer.send(url, "PATCH", "/v3/webhooks/" + byHand, "{\"enabled\":false}", bearer);
            assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
            assertThat(MetricsText.value(metrics(url), MANUAL)).as("read at most every 5 s").isZero();
            clock.advance(Duration.ofSeconds(5));
            assertThat(MetricsText.value(metrics(url), MANUAL)).as("read again from storage").isEqualTo(1);

            Response evaluated = TestServer.send(url, "POST", "/v3/evaluate", "{\"action\":\"login\",\"user\":\"ana\",\"ip\":\"198.51.100.7\",\"user_agent\":\""
                    + DESKTOP + "\",\"device\":{\"token\":\"tok_ana_laptop_000001\"}}", bearer);
            assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
            failing.await(1, Duration.ofSeconds(20));
            awaitFailingSince(url, bearer, dying);
            // The retry falls due, and fails 5 days after the first failure: the endpoint is disabled. The
            // spell is measured on the database's clock, which the test cannot move: its start moves back.
            moveSpellBack(dying, Duration.ofDays(5).plusMinutes(1));
            clock.advance(Duration.ofDays(5).plusMinutes(1));
            failing.await(2, Duration.ofSeconds(20));
            awaitMetric(url, AUTO_DISABLED, 1);
            // The counts by reason are read from storage at most every 5 s of the node's clock, which stands
            // still here: a scrape between the second failure reaching the receiver and its outcome committing
            // kept FAILING at 0 for good (this test failed so on a loaded machine). The counter goes up only
            // after the commit, so a read 5 s later sees the disabling.
            clock.advance(Duration.ofSeconds(5));
            String after = metrics(url);
            assertThat(MetricsText.value(after, FAILING)).isEqualTo(1);
            assertThat(MetricsText.value(after, MANUAL)).isEqualTo(1);
            assertThat(TestServer.send(url, "GET", "/v3/webhooks/" + dying, null, bearer).json().get("disabled_reason").asText()).isEqualTo("failing");
        }
    }

    private void moveSpellBack(String endpointId, Duration by) throws java.sql.SQLException {
        try (java.sql.Connection raw = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(StorageSettings.EMBEDDED_FILE_NAME));
                java.sql.PreparedStatement update = raw.prepareStatement("UPDATE webhook_endpoints SET failing_since = failing_since - ? WHERE id = ?")) {
            update.setLong(1, by.toMillis());
            update.setString(2, endpointId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static String createEndpoint(String url, Map<String, String> bearer, String target) {
        Response created = TestServer.send(url, "POST", "/v3/webhooks", "{\"url\":\"" + target + "\",\"events\":[\"evaluation.created\"]}", bearer);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String metrics(String url) {
        Response scrape = TestServer.send(url, "GET", "/metrics", null, Map.of());
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.body();
    }

    /** The try's outcome is written just after the receiver answered it. */
    private static void awaitFailingSince(String url, Map<String, String> bearer, String endpoint) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(10);
        while (TestServer.send(url, "GET", "/v3/webhooks/" + endpoint, null, bearer).json().get("failing_since").isNull()) {
            assertThat(Instant.now()).as("the first failure recorded").isBefore(until);
            Thread.sleep(50);
        }
    }

    private static String awaitMetric(String url, String series, double value) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(10);
        while (true) {
            String scrape = metrics(url);
            if (MetricsText.value(scrape, series) == value) {
                return scrape;
            }
            assertThat(Instant.now()).as(series + " reaching " + value).isBefore(until);
            Thread.sleep(50);
        }
    }
}
