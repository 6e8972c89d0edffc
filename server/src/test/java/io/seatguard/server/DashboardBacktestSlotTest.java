package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.challenge.PageClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Brief 1 (dashboard hardening): the dashboard's backtests shared the API's one slot per app per node, so a
 * read-only operator pressing the dashboard's backtest over and over kept the app's own
 * {@code POST /v3/policies/backtest} answered 429. A backtest is held running here by a real lock on the
 * evaluations table (PostgreSQL), which its read waits on; each wait is seen in PostgreSQL's lock table, not guessed from a pause.
 */
class DashboardBacktestSlotTest {
    private static final String DRAFT_JSON = """
            {"name": "New devices at login", "actions": ["login"], "conditions": {"check": "is_new_device", "op": "eq", "value": true},
             "verdict": "deny", "mode": "monitor"}""";
    @TempDir
    Path dataDir;

    @Test
    void aRunningDashboardBacktestLeavesTheApisSlotFreeAndHoldsItsOwn() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Store.POSTGRESQL, dataDir)) {
            TestApp app = server.defaultApp();
            assertThat(server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"sky\",\"ip\":\"198.51.100.5\",\"device\":{\"token\":\"tok_sky_laptop_000001\"}}",
                    app.bearer()).status()).isEqualTo(200);
            PageClient viewer = readOnlyOperator(server);
            viewer.get(server.url() + "/dashboard/policies?app=" + app.id());
            Map<String, String> draft = Map.of("app", app.id(), "name", "New devices at login", "action_login", "1", "check0", "is_new_device",
                    "op0", "eq", "value0", "true", "verdict", "deny", "mode", "monitor");

            try (Connection lock = DriverManager.getConnection(server.jdbcUrl())) {
                lock.setAutoCommit(false);
                lock.createStatement().execute("LOCK TABLE evaluations IN ACCESS EXCLUSIVE MODE");
                CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(
                        () -> viewer.post(server.url() + "/dashboard/policies/backtest", draft));
                assertThat(waitsOnTheLock(lock, 1, held)).as("the first dashboard backtest waits on the lock").isTrue();

                HttpResponse<String> second = viewer.post(server.url() + "/dashboard/policies/backtest", draft);
                assertThat(second.statusCode()).as("the dashboard's own slot is held: " + second.body()).isEqualTo(429);

                CompletableFuture<TestServer.Response> api = CompletableFuture.supplyAsync(
                        () -> server.post("/v3/policies/backtest?days=7", DRAFT_JSON, app.bearer()));
                // Refused, the API's backtest would answer at once; let through, it waits on the lock as the dashboard's does.
                assertThat(waitsOnTheLock(lock, 2, api)).as("the API's backtest is let through, not refused at once: " + (api.isDone() ? api.join().body() : ""))
                        .isTrue();
                lock.rollback();

                TestServer.Response apiAnswer = api.get(30, TimeUnit.SECONDS);
                assertThat(apiAnswer.status()).as(apiAnswer.body()).isEqualTo(200);
                assertThat(apiAnswer.json().get("matched").asInt()).isEqualTo(1);
                HttpResponse<String> first = held.get(30, TimeUnit.SECONDS);
                assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
                assertThat(first.body()).contains("of 1 evaluations it would have matched 1");
            }
        }
    }

    private static PageClient readOnlyOperator(TestServer server) {
        PageClient admin = DashboardPagesTest.signedIn(server);
        admin.get(server.url() + "/dashboard/operators");
        assertThat(admin.post(server.url() + "/dashboard/operators", Map.of("email", "viewer@example.com", "password", "look but do not touch",
                "read_only", "yes")).statusCode()).isEqualTo(201);
        PageClient viewer = new PageClient();
        viewer.get(server.url() + "/dashboard/login");
        assertThat(viewer.post(server.url() + "/dashboard/login", Map.of("email", "viewer@example.com", "password", "look but do not touch")).statusCode())
                .isEqualTo(303);
        return viewer;
    }

    /**
     * Whether {@code answer} came to wait on the lock, with {@code waiters} reads in all now waiting on the
     * evaluations table; false once it answered instead (a refused backtest answers 429 at once). Watched in
     * PostgreSQL's own lock table rather than guessed from a pause: a second's sleep was both slow and, on a
     * loaded machine, too short for a backtest let through to have reached the lock.
     */
    private static boolean waitsOnTheLock(Connection lock, int waiters, CompletableFuture<?> answer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (java.sql.PreparedStatement waiting = lock.prepareStatement(
                "SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND relation = 'evaluations'::regclass")) {
            while (System.nanoTime() < deadline && !answer.isDone()) {
                try (java.sql.ResultSet rows = waiting.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) >= waiters) {
                        return !answer.isDone();
                    }
                }
                Thread.sleep(10);
            }
        }
        return false;
    }
}
