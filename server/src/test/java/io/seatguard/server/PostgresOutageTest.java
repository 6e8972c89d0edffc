package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.http.Problems;
import io.seatguard.storage.PostgresTestDatabase;
import io.seatguard.storage.TcpRelay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL failing under a running server (the real PostgreSQL, reached through a relay the test cuts
 * or silences): requests are answered {@code 503} within a bound, never {@code 500}, never held for the
 * kernel's quarter of an hour, and the server serves again by itself when the database is back, with what
 * it had committed.
 */
class PostgresOutageTest {
    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)(/.*)$");

    @TempDir
    Path dataDir;

    @Test
    void whilePostgresIsGoneCallsAreRefusedQuicklyAndServedAgainWhenItIsBack() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
                TcpRelay relay = relayTo(database.url());
                TestServer server = TestServer.startWith(TestServer.config(dataDir).databaseUrl(through(relay, database.url(), "")).build())) {
            TestApp app = server.defaultApp();
            String first = evaluate(server, app, "pia", 200);

            relay.cut();

            long started = System.nanoTime();
            evaluate(server, app, "pia", 503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused, not held").isLessThan(Duration.ofSeconds(15));
            List<String> logged = new ArrayList<>();
            LogLines.during(Problems.class, logged, () -> {
                assertRefusedAtOnce(server, app, "pia");
                return null;
            });
            assertThat(logged).as("four refusals of one kind: one line at most, then a count every 30 s")
                    .filteredOn(line -> line.startsWith("POST /v3/evaluate answered 503") && line.contains("is unreachable (checked again every second)"))
                    .hasSizeLessThanOrEqualTo(1);
            started = System.nanoTime();
            assertThat(server.get("/readyz", java.util.Map.of()).status()).isEqualTo(503);
            assertThat(server.get("/v3/evaluations/" + first, app.bearer()).status()).as("reads too").isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("each within the pool's 5 s wait, not its default 30 s")
                    .isLessThan(Duration.ofSeconds(15));

            relay.restore();

            assertThat(evaluateUntilServed(server, app, "pia", Duration.ofSeconds(40))).as("served again without a restart").isTrue();
            assertThat(server.get("/readyz", java.util.Map.of()).status()).isEqualTo(200);
            assertThat(server.get("/v3/evaluations/" + first, app.bearer()).status()).as("what was committed before").isEqualTo(200);
            String metrics = server.get("/metrics", java.util.Map.of()).body();
            assertThat(MetricsText.value(metrics, "seatguard_storage_outages_total")).as("the outage counted").isGreaterThanOrEqualTo(1);
            assertThat(MetricsText.value(metrics, "seatguard_storage_refused_total")).as("and the calls refused at once").isGreaterThanOrEqualTo(4);
        }
    }

    /**
     * A database that stops answering without closing anything (a failover, a route dropped on the way)
     * is the worst case: a connection waits for bytes that never come. With the default settings a
     * request's reads and writes give up after 15 s of silence (the URL may set {@code socketTimeout}).
     */
    @Test
    void whilePostgresIsSilentCallsAreRefusedAfterTheRequestTimeoutAndServedAgainWhenItAnswers() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
                TcpRelay relay = relayTo(database.url());
                TestServer server = TestServer.startWith(TestServer.config(dataDir).databaseUrl(through(relay, database.url(), "")).build())) {
            TestApp app = server.defaultApp();
            evaluate(server, app, "quin", 200);

            relay.silence();

            long started = System.nanoTime();
            evaluate(server, app, "quin", 503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("given up after the request timeout, not held for minutes")
                    .isLessThan(Duration.ofSeconds(25));
            assertRefusedAtOnce(server, app, "quin");
            assertThat(server.get("/readyz", java.util.Map.of()).status()).as("not ready, said at once").isEqualTo(503);

            relay.restore();

            assertThat(evaluateUntilServed(server, app, "quin", Duration.ofSeconds(40))).as("served again without a restart").isTrue();
        }
    }

    private static TcpRelay relayTo(String url) {
        Matcher matcher = HOST_PORT.matcher(url);
        assertThat(matcher.matches()).as("a jdbc:postgresql://host:port/… URL: %s", url).isTrue();
        return TcpRelay.to(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }

    private static String through(TcpRelay relay, String url, String extra) {
        Matcher matcher = HOST_PORT.matcher(url);
        assertThat(matcher.matches()).isTrue();
        return "jdbc:postgresql://127.0.0.1:" + relay.port() + matcher.group(3) + extra;
    }

    /** Evaluates and checks the status; answers the evaluation id of a 200. */
    private static String evaluate(TestServer server, TestApp app, String user, int status) {
        Response response = send(server, app, user);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (status != 200) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).contains("storage-unavailable").doesNotContain("Exception");
            return null;
        }
        return response.json().get("evaluation_id").asText();
    }

    /**
     * Once a call found the database gone, the calls after it are refused without waiting out a timeout
     * each (one probe a second still goes through: these few calls come well within that second).
     */
    private static void assertRefusedAtOnce(TestServer server, TestApp app, String user) {
        long started = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            evaluate(server, app, user, 503);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused at once while the database is known to be gone")
                .isLessThan(Duration.ofMillis(900));
    }

    private static boolean evaluateUntilServed(TestServer server, TestApp app, String user, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Response response = send(server, app, user);
            if (response.status() == 200) {
                return true;
            }
            assertThat(response.status()).as("while it comes back: %s", response.body()).isEqualTo(503);
            sleep(Duration.ofMillis(500));
        }
        return false;
    }

    private static Response send(TestServer server, TestApp app, String user) {
        return server.post("/v3/evaluate", "{\"action\":\"access\",\"user\":\"" + user + "\",\"ip\":\"198.51.100.41\","
                + "\"device\":{\"token\":\"tok_" + user + "_laptop_0000001\"}}", app.bearer());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
