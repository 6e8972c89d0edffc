package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.challenge.PageClient;
import io.seatguard.server.config.ServerConfig;
import io.seatguard.storage.RedisLink;
import io.seatguard.storage.RedisTestServer;
import io.seatguard.storage.TcpRelay;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis going away under a running server (the real Redis, reached through a relay the test closes):
 * what needs presence says it is unknown or answers 503; nothing becomes a 500, and evaluations go on.
 * When Redis is back, presence is read and written again without a restart.
 */
class RedisOutageTest {
    private static final String VERIFY_NEW_DEVICES = """
            {"name": "Verify new devices", "actions": ["login"], "priority": 5,
             "conditions": {"check": "is_new_device", "op": "eq", "value": true}, "verdict": "challenge",
             "challenge": {"type": "verification", "channels": ["email"], "success_url": "https://app.example/welcome"}}""";

    @TempDir
    Path dataDir;

    @Test
    void pagesAndEndpointsThatReadPresenceDegradeWhenRedisIsGone() {
        RedisTestServer.require();
        URI redis = URI.create(RedisTestServer.URL);
        try (TcpRelay relay = TcpRelay.to(redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort());
                TestServer server = TestServer.startWith(TestServer.config(dataDir).redisUrl("redis://127.0.0.1:" + relay.port()).build())) {
            TestApp app = server.defaultApp();
            Response seen = server.post("/v3/evaluate", "{\"action\":\"access\",\"user\":\"rhea\",\"session\":\"tab-r\",\"ip\":\"198.51.100.40\","
                    + "\"device\":{\"token\":\"tok_rhea_laptop_000001\"}}", app.bearer());
            assertThat(seen.status()).as(seen.body()).isEqualTo(200);
            PageClient browser = DashboardPagesTest.signedIn(server);
            String accountPage = server.url() + "/dashboard/accounts?app=" + app.id() + "&user=rhea";
            assertThat(browser.get(accountPage).body()).as("while Redis answers").contains("<td>tab-r</td>").doesNotContain("sessions-unknown");
            Response ready = server.get("/readyz", Map.of());
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("checks").get("redis").toString())
                    .isEqualTo("{\"status\":\"ok\",\"links\":{\"attempt_limits\":\"ok\",\"presence\":\"ok\"}}");
            assertThat(MetricsText.value(server.get("/metrics", Map.of()).body(), "seatguard_redis_connected{use=\"presence\"}")).isEqualTo(1.0);

            relay.cut();

            var account = browser.get(accountPage);
            assertThat(account.statusCode()).isEqualTo(200);
            assertThat(account.body()).contains("id=\"sessions-unknown\"").doesNotContain("No live session.");
            var overview = browser.get(server.url() + "/dashboard?app=" + app.id());
            assertThat(overview.statusCode()).isEqualTo(200);
            assertThat(overview.body()).contains("id=\"live-sessions\">—<");

            Response summary = server.get("/v3/users/rhea", app.bearer());
            assertThat(summary.status()).as(summary.body()).isEqualTo(200);
            assertThat(summary.json().get("people_estimate").get("active").isNull()).isTrue();
            Response devices = server.get("/v3/users/rhea/devices", app.bearer());
            assertThat(devices.status()).as(devices.body()).isEqualTo(200);

            Response beat = server.post("/v3/sessions/heartbeat",
                    "{\"client_id\":\"" + app.clientId() + "\",\"user\":\"rhea\",\"session\":\"tab-r\"}", Map.of());
            assertThat(beat.status()).as(beat.body()).isEqualTo(503);
            assertThat(beat.contentType()).startsWith("application/problem+json");
            assertThat(beat.body()).contains("Redis").doesNotContain("Exception");
            assertThat(beat.header("Retry-After")).as("a client told when to try again").contains("5");

            Response later = server.post("/v3/evaluate", "{\"action\":\"access\",\"user\":\"rhea\",\"session\":\"tab-r\",\"ip\":\"198.51.100.40\","
                    + "\"device\":{\"token\":\"tok_rhea_laptop_000001\"}}", app.bearer());
            assertThat(later.status()).as(later.body()).isEqualTo(200);
            String id = later.json().get("evaluation_id").asText();
            assertThat(server.get("/v3/evaluations/" + id, app.bearer()).json().get("checks").get("concurrent_sessions").isNull())
                    .as("unknown, not false, while presence cannot be read").isTrue();
            Response unready = server.get("/readyz", Map.of());
            assertThat(unready.status()).as("Redis never takes the node out of the load balancer").isEqualTo(200);
            assertThat(unready.json().get("checks").get("redis").get("status").asText()).isEqualTo("unreachable");
            assertThat(unready.json().get("checks").get("redis").get("links").get("presence").asText()).isEqualTo("unreachable");
            String metrics = server.get("/metrics", Map.of()).body();
            assertThat(MetricsText.value(metrics, "seatguard_redis_connected{use=\"presence\"}")).as("the link knows it is down").isZero();
            assertThat(MetricsText.value(metrics, "seatguard_redis_connected{use=\"attempt_limits\"}")).isZero();

            relay.restore();

            // The client reconnects by itself (Lettuce retries with a back-off); no restart needed.
            Response back = heartbeatUntilTaken(server, app, "rhea", "tab-r");
            assertThat(back.status()).as("heartbeats taken again once Redis is back: %s", back.body()).isEqualTo(200);
            assertThat(browser.get(accountPage).body()).as("live sessions known again").contains("<td>tab-r</td>").doesNotContain("sessions-unknown");
            assertThat(server.get("/readyz", Map.of()).json().get("checks").get("redis").get("links").get("presence").asText()).isEqualTo("ok");
            assertThat(MetricsText.value(server.get("/metrics", Map.of()).body(), "seatguard_redis_connected{use=\"presence\"}")).isEqualTo(1.0);
        }
    }

    /**
     * A Redis that stops answering without closing anything: each command waits out its 2 s timeout. The
     * first one that does tells the server Redis is unreachable; evaluations after it go on without
     * presence at once instead of waiting two timeouts each (reading live sessions, touching their own).
     */
    @Test
    void whileRedisIsSilentEvaluationsGoOnWithoutWaitingForItAndPresenceComesBack() {
        RedisTestServer.require();
        URI redis = URI.create(RedisTestServer.URL);
        try (TcpRelay relay = TcpRelay.to(redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort());
                TestServer server = TestServer.startWith(TestServer.config(dataDir).redisUrl("redis://127.0.0.1:" + relay.port()).build())) {
            TestApp app = server.defaultApp();
            assertThat(evaluateSilo(server, app).status()).isEqualTo(200);

            relay.silence();

            long started = System.nanoTime();
            Response first = evaluateSilo(server, app);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).as("one command timeout, not one per command")
                    .isLessThan(java.time.Duration.ofMillis(3_500));
            started = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                Response next = evaluateSilo(server, app);
                assertThat(next.status()).as(next.body()).isEqualTo(200);
                assertThat(server.get("/v3/evaluations/" + next.json().get("evaluation_id").asText(), app.bearer()).json().get("checks")
                        .get("concurrent_sessions").isNull()).as("unknown while presence cannot be read").isTrue();
            }
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).as("the evaluations after it do not wait for Redis")
                    .isLessThan(java.time.Duration.ofMillis(1_500));
            Response beat = server.post("/v3/sessions/heartbeat", "{\"client_id\":\"" + app.clientId() + "\",\"user\":\"silo\",\"session\":\"tab-s\"}",
                    Map.of());
            assertThat(beat.status()).isEqualTo(503);
            assertThat(beat.body()).contains("Redis is unreachable");
            // The connection is open, but a command timed out: the link counts as down, with no I/O to say so.
            assertThat(MetricsText.value(server.get("/metrics", Map.of()).body(), "seatguard_redis_connected{use=\"presence\"}")).isZero();
            long asked = System.nanoTime();
            Response ready = server.get("/readyz", Map.of());
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - asked)).as("readiness sends Redis no command to wait on")
                    .isLessThan(java.time.Duration.ofMillis(1_500));
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("checks").get("redis").get("links").get("presence").asText()).isEqualTo("unreachable");

            relay.restore();

            Response back = heartbeatUntilTaken(server, app, "silo", "tab-s");
            assertThat(back.status()).as("heartbeats taken again once Redis answers: %s", back.body()).isEqualTo(200);
        }
    }

    /**
     * Regression: after Redis paused (as under {@code kill -STOP}) and went on, /readyz and /metrics kept
     * saying a link was unreachable until that link happened to send another command: for the
     * attempt-limits link, the next code check, maybe hours later, with the SeatguardRedisDown alert
     * firing meanwhile. Each link now asks Redis by itself while it is down.
     */
    @Test
    void readinessAndMetricsSayRedisIsBackWithoutAnyRequestUsingIt() {
        RedisTestServer.require();
        URI redis = URI.create(RedisTestServer.URL);
        try (TcpRelay relay = TcpRelay.to(redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort());
                TestServer server = TestServer.startWith(TestServer.config(dataDir).redisUrl("redis://127.0.0.1:" + relay.port()).build())) {
            TestApp app = server.defaultApp();
            assertThat(server.post("/v3/policies", VERIFY_NEW_DEVICES, app.bearer()).status()).isEqualTo(201);
            Response login = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"iris\",\"email\":\"iris@example.com\","
                    + "\"ip\":\"198.51.100.42\",\"device\":{\"token\":\"tok_iris_laptop_000001\"}}", app.bearer());
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            String challenge = server.url() + "/challenge/" + login.json().get("redirect").asText().replaceAll(".*/", "");
            PageClient page = new PageClient();
            page.get(challenge);
            assertThat(page.post(challenge + "/send", Map.of("channel", "email")).statusCode()).isEqualTo(200);

            relay.pause();

            assertThat(page.post(challenge + "/verify", Map.of("code", "000000")).statusCode()).as("a wrong code, limited on this node's own")
                    .isEqualTo(422);
            assertThat(evaluateSilo(server, app).status()).isEqualTo(200);
            assertThat(server.get("/readyz", Map.of()).json().get("checks").get("redis").toString())
                    .isEqualTo("{\"status\":\"unreachable\",\"links\":{\"attempt_limits\":\"unreachable\",\"presence\":\"unreachable\"}}");

            relay.resume();

            // Nothing but /readyz and /metrics from here on: no request sends either link a command.
            long resumed = System.nanoTime();
            String links = null;
            for (long deadline = resumed + Duration.ofSeconds(30).toNanos(); System.nanoTime() < deadline; sleepQuietly(200)) {
                links = server.get("/readyz", Map.of()).json().get("checks").get("redis").toString();
                if (links.contains("\"status\":\"ok\"")) {
                    break;
                }
            }
            assertThat(links).isEqualTo("{\"status\":\"ok\",\"links\":{\"attempt_limits\":\"ok\",\"presence\":\"ok\"}}");
            // A PING sent while Redis was silent may first wait out its timeout; the next comes an interval later.
            assertThat(Duration.ofNanos(System.nanoTime() - resumed)).as("within about one probe of Redis answering")
                    .isLessThan(RedisLink.COMMAND_TIMEOUT.plus(RedisLink.PROBE_INTERVAL).plusSeconds(2));
            String metrics = server.get("/metrics", Map.of()).body();
            assertThat(MetricsText.value(metrics, "seatguard_redis_connected{use=\"attempt_limits\"}")).isEqualTo(1.0);
            assertThat(MetricsText.value(metrics, "seatguard_redis_connected{use=\"presence\"}")).isEqualTo(1.0);
        }
    }

    /** Heartbeats until one is not refused (Redis answers again), for up to 40 s; answers the last. */
    private static Response heartbeatUntilTaken(TestServer server, TestApp app, String user, String session) {
        Response back = null;
        for (long deadline = System.nanoTime() + java.time.Duration.ofSeconds(40).toNanos(); System.nanoTime() < deadline; ) {
            back = server.post("/v3/sessions/heartbeat",
                    "{\"client_id\":\"" + app.clientId() + "\",\"user\":\"" + user + "\",\"session\":\"" + session + "\"}", Map.of());
            if (back.status() != 503) {
                return back;
            }
            sleepQuietly(500);
        }
        return back;
    }

    private static Response evaluateSilo(TestServer server, TestApp app) {
        return server.post("/v3/evaluate", "{\"action\":\"access\",\"user\":\"silo\",\"session\":\"tab-s\",\"ip\":\"198.51.100.41\","
                + "\"device\":{\"token\":\"tok_silo_laptop_000001\"}}", app.bearer());
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
