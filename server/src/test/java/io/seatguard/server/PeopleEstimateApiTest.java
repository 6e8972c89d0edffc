package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v3/users/{user}}'s {@code people_estimate.all_time} over every device the account let in. */
class PeopleEstimateApiTest {
    @TempDir
    Path dataDir;

    /**
     * Found in a review: the estimate was judged on the device list, which holds the 1,000 most recently
     * seen links, refused ones included. An account whose phones were followed by 1,000 devices refused at
     * its challenge (a stranger's bot with the password) was estimated at nobody.
     */
    @Test
    void phonesBehindMoreThanAThousandRefusedLinksStillCount() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            for (int phone = 1; phone <= 3; phone++) {
                Response evaluated = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"resold\",\"ip\":\"198.51.100.7\",\"user_agent\":\""
                        + EvaluateApiTest.IPHONE + "\",\"device\":{\"token\":\"tok_resold_phone_000" + phone + "\"}}", app.bearer());
                assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
            }
            assertThat(server.get("/v3/users/resold", app.bearer()).json().get("people_estimate").get("all_time").asInt()).isEqualTo(3);

            // 1,000 phones refused at the account's challenge, seen after the account's own: rows written as
            // SqlDeviceLinks.refuse writes them, without 1,000 challenges.
            long later = System.currentTimeMillis() + 60_000;
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl()); Statement statement = connection.createStatement()) {
                String thousand = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) ";
                statement.execute(thousand + "INSERT INTO devices (app_id, id, type, browser, os, first_seen, last_seen) SELECT '" + app.id()
                        + "', printf('00000000-0000-4000-8000-%012d', i), 'mobile', 'Safari', 'iOS', " + later + ", " + later + " FROM n");
                statement.execute(thousand + "INSERT INTO user_devices (app_id, user_id, device_id, status, first_seen, last_seen, detached_at, vouched)"
                        + " SELECT '" + app.id() + "', 'resold', printf('00000000-0000-4000-8000-%012d', i), 'refused', " + later + ", " + later + " + i, "
                        + later + ", 0 FROM n");
            }
            assertThat(server.get("/v3/users/resold/devices", app.bearer()).json().get("data")).as("the list stops at the most recent 1,000").hasSize(1000);

            assertThat(server.get("/v3/users/resold", app.bearer()).json().get("people_estimate").get("all_time").asInt())
                    .as("the three phones let in, however many links came after them").isEqualTo(3);
        }
    }

    /**
     * Found in the same review: building the estimate read the device list, one more read of the store per
     * summary, whose query looks up each listed device's last country in up to 200 of its evaluations,
     * none of which the estimate uses. A summary takes three reads (the app's key, the account's summary
     * with its counts, its patterns); with the list it took four. Other reads (a node's background work)
     * only add, so the fewest of three rounds is compared: below four a call means the list was not read.
     */
    @Test
    void theSummaryDoesNotReadTheDeviceList() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            Response evaluated = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"mia\",\"ip\":\"198.51.100.7\",\"user_agent\":\""
                    + EvaluateApiTest.IPHONE + "\",\"device\":{\"token\":\"tok_mia_phone_0001\"}}", app.bearer());
            assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
            int calls = 20;
            double fewest = Double.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                double before = reads(server);
                for (int i = 0; i < calls; i++) {
                    assertThat(server.get("/v3/users/mia", app.bearer()).json().get("people_estimate").get("all_time").asInt()).isEqualTo(1);
                }
                fewest = Math.min(fewest, reads(server) - before);
            }
            assertThat(fewest).as("reads of the store for %d summaries", calls).isLessThan(4.0 * calls);
        }
    }

    private static double reads(TestServer server) {
        return MetricsText.value(server.get("/metrics", Map.of()).body(), "seatguard_storage_reads_total");
    }
}
