package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** History by account, device and IP, with cursors; the account summary; erasing an account; on both stores. */
class HistoryApiTest {
    @TempDir
    Path dataDir;

    private static String evaluate(TestServer server, TestApp app, String user, String token, String ip, Instant at) {
        Response response = server.post("/v3/evaluate", "{\"action\":\"access\",\"user\":\"" + user + "\",\"ip\":\"" + ip + "\",\"timestamp\":\"" + at
                + "\",\"user_agent\":\"" + EvaluateApiTest.DESKTOP + "\",\"device\":{\"token\":\"" + token + "\"}}", app.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("evaluation_id").asText();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(row -> ids.add(row.get("evaluation_id").asText()));
        return ids;
    }

    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void pagesNeitherSkipNorRepeatRowsWhileNewOnesArrive(TestServer.Store store) {
        try (TestServer server = TestServer.start(store, dataDir)) {
            TestApp app = server.defaultApp();
            Instant base = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            Set<String> recorded = new HashSet<>();
            for (int i = 0; i < 7; i++) {
                recorded.add(evaluate(server, app, "ivy", "tok_ivy_laptop_00001", "198.51.100." + (i % 2 + 1), base.plusSeconds(i * 60L)));
            }
            // Two evaluations at the same instant: the id breaks the tie.
            recorded.add(evaluate(server, app, "ivy", "tok_ivy_laptop_00001", "198.51.100.1", base.plusSeconds(120)));

            JsonNode first = server.get("/v3/users/ivy/history?limit=3", app.bearer()).json();
            assertThat(first.get("data")).hasSize(3);
            JsonNode newest = first.get("data").get(0);
            assertThat(newest.get("action").asText()).isEqualTo("access");
            assertThat(newest.get("verdict").asText()).isEqualTo("allow");
            assertThat(newest.get("ip").asText()).isEqualTo("198.51.100.1");
            assertThat(newest.get("created_at").asText()).isEqualTo(base.plusSeconds(360).toString());
            assertThat(newest.has("risk_score")).isTrue();
            assertThat(newest.get("signals").isArray()).isTrue();

            List<String> seen = new ArrayList<>(ids(first));
            String cursor = first.get("next_cursor").asText();
            // Newer and older rows arrive between pages.
            evaluate(server, app, "ivy", "tok_ivy_laptop_00001", "198.51.100.9", base.plusSeconds(3_600));
            evaluate(server, app, "ivy", "tok_ivy_laptop_00001", "198.51.100.9", base.plusSeconds(1));
            while (!cursor.equals("null")) {
                JsonNode page = server.get("/v3/users/ivy/history?limit=3&cursor=" + cursor, app.bearer()).json();
                seen.addAll(ids(page));
                cursor = page.get("next_cursor").asText();
            }
            assertThat(seen).doesNotHaveDuplicates().containsAll(recorded);

            String device = server.get("/v3/users/ivy/devices", app.bearer()).json().get("data").get(0).get("id").asText();
            assertThat(server.get("/v3/history?device_id=" + device + "&limit=100", app.bearer()).json().get("data")).hasSize(10);
            assertThat(server.get("/v3/history?ip=198.51.100.2", app.bearer()).json().get("data")).hasSize(3);
            assertThat(server.get("/v3/history?ip=198.51.100.2", server.createApp("other").bearer()).json().get("data")).as("another app's").isEmpty();

            JsonNode summary = server.get("/v3/users/ivy", app.bearer()).json();
            assertThat(summary.get("id").asText()).isEqualTo("ivy");
            assertThat(summary.get("device_count").asInt()).isEqualTo(1);
            assertThat(summary.get("patterns").isArray()).isTrue();
        }
    }

    private static final int MAX_CONCURRENT_WRITES = 300;

    @Test
    void pagingWhileAnotherThreadKeepsWritingSkipsAndRepeatsNothing() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            Instant base = Instant.now().minus(3, ChronoUnit.HOURS);
            Set<String> before = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                before.add(evaluate(server, app, "wes", "tok_wes_laptop_00001", "198.51.100.1", base.plusSeconds(i * 10L)));
            }
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
            Thread writer = Thread.ofPlatform().start(() -> {
                // Bounded: half of these rows go below the pages already read, and a writer faster than the
                // reader (evaluations of a backdated account got cheaper) kept the pager going for ever.
                for (int i = 0; !stop.get() && i < MAX_CONCURRENT_WRITES; i++) {
                    // New rows both newer and older than the pages already read.
                    Instant at = i % 2 == 0 ? Instant.now().minusSeconds(5) : base.minusSeconds(i);
                    evaluate(server, app, "wes", "tok_wes_laptop_00001", "198.51.100.2", at);
                    written.incrementAndGet();
                }
            });
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = server.get("/v3/users/wes/history?limit=4" + (cursor == null ? "" : "&cursor=" + cursor), app.bearer()).json();
                seen.addAll(ids(page));
                cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
                pages++;
                // Every page holds a row not seen before (checked below), so the rows written bound the pages.
                assertThat(pages).as("pages over at most %d rows", 30 + MAX_CONCURRENT_WRITES).isLessThanOrEqualTo(30 + MAX_CONCURRENT_WRITES + 1);
                Thread.sleep(20);
            }
            while (cursor != null);
            stop.set(true);
            writer.join();
            assertThat(written.get()).as("the writer really ran alongside").isPositive();
            assertThat(seen).doesNotHaveDuplicates().containsAll(before);
        }
    }

    @Test
    void aCursorSentWithAnotherHistoryIsRefusedRatherThanLeavingOutThatHistorysNewerRows() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                evaluate(server, app, "ada", "tok_ada_laptop_00001", "198.51.100.1", base.plusSeconds(i));
                // Bob's evaluations are newer than any of Ada's: Ada's cursor would have skipped them all.
                evaluate(server, app, "bob", "tok_bob_laptop_00001", "198.51.100.2", base.plusSeconds(100 + i));
            }
            String adas = server.get("/v3/users/ada/history?limit=1", app.bearer()).json().get("next_cursor").asText();

            Response forBob = server.get("/v3/users/bob/history?cursor=" + adas, app.bearer());
            assertThat(forBob.status()).as(forBob.body()).isEqualTo(400);
            assertThat(forBob.json().get("errors").get(0).get("field").asText()).isEqualTo("cursor");
            assertThat(forBob.json().get("errors").get(0).get("message").asText()).startsWith("was given for another history");
            assertThat(server.get("/v3/history?ip=198.51.100.1&cursor=" + adas, app.bearer()).status()).as("another search").isEqualTo(400);
            assertThat(server.get("/v3/users/ada/history?cursor=" + adas, server.createApp("other").bearer()).status())
                    .as("another app's account of that name").isEqualTo(400);

            String byIp = server.get("/v3/history?ip=198.51.100.1&limit=1", app.bearer()).json().get("next_cursor").asText();
            JsonNode next = server.get("/v3/history?ip=198.51.100.1&limit=1&cursor=" + byIp, app.bearer()).json();
            assertThat(next.get("data")).as("its own search takes it").hasSize(1);
            assertThat(server.get("/v3/history?ip=::ffff:198.51.100.1&limit=1&cursor=" + byIp, app.bearer()).status())
                    .as("the same address written otherwise").isEqualTo(200);
            assertThat(server.get("/v3/users/ada/history?cursor=" + adas, app.bearer()).json().get("data")).hasSize(2);
        }
    }

    @Test
    void badQueriesAreRefusedNamingTheParameter() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            evaluate(server, app, "joe", "tok_joe_laptop_00001", "198.51.100.1", Instant.now().minusSeconds(60));
            Map<String, String> cases = Map.of(
                    "/v3/users/joe/history?limit=0", "limit",
                    "/v3/users/joe/history?limit=abc", "limit",
                    "/v3/users/joe/history?cursor=not-a-cursor", "cursor",
                    "/v3/history", "device_id",
                    "/v3/history?device_id=x&ip=1.2.3.4", "device_id",
                    "/v3/history?device_id=not-a-uuid", "device_id",
                    "/v3/history?ip=example.com", "ip");
            cases.forEach((path, field) -> {
                Response response = server.get(path, app.bearer());
                assertThat(response.status()).as(path).isEqualTo(400);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().get("errors").findValuesAsText("field")).as(path).contains(field);
            });
            assertThat(server.get("/v3/users/nobody", app.bearer()).status()).isEqualTo(404);
            assertThat(server.get("/v3/users/joe", server.createApp("other").bearer()).status()).isEqualTo(404);
            assertThat(server.get("/v3/users/joe/history", Map.of()).status()).isEqualTo(401);
        }
    }

    /** docs/api.md: an account id is matched exactly as sent, and is one path segment, percent-encoded. */
    @Test
    void anAccountIdIsMatchedExactlyAsSentAndIsOnePercentEncodedPathSegment() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            Instant at = Instant.now().minusSeconds(60);
            evaluate(server, app, "caf\u00e9", "tok_cafe_composed_0001", "198.51.100.1", at);
            evaluate(server, app, "cafe\u0301", "tok_cafe_decomposed_01", "198.51.100.2", at);
            evaluate(server, app, "a/b c+d", "tok_slash_space_plus01", "198.51.100.3", at);

            assertThat(server.get("/v3/users/caf%C3%A9/history", app.bearer()).json().get("data").findValuesAsText("ip"))
                    .as("composed").containsExactly("198.51.100.1");
            assertThat(server.get("/v3/users/cafe%CC%81/history", app.bearer()).json().get("data").findValuesAsText("ip"))
                    .as("decomposed: another account").containsExactly("198.51.100.2");
            assertThat(server.get("/v3/users/a%2Fb%20c+d", app.bearer()).json().get("id").asText()).isEqualTo("a/b c+d");
            assertThat(server.get("/v3/users/a/b%20c+d", app.bearer()).json().get("type").asText()).as("an unescaped slash is another path")
                    .endsWith("/no-route");
            assertThat(server.get("/v3/users/a%2Fb%20c%20d", app.bearer()).status()).as("a plus sign is not a space").isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void erasingAnAccountLeavesNothingOfItAndSparesTheOthers(TestServer.Store store) throws Exception {
        try (TestServer server = TestServer.start(store, dataDir)) {
            TestApp app = server.defaultApp();
            Response policy = server.post("/v3/policies", """
                    {"name": "Verify kai", "actions": ["login"], "conditions": {"check": "user", "op": "eq", "value": "kai"},
                     "verdict": "challenge", "challenge": {"type": "verification", "channels": ["email"], "success_url": "https://app.example/ok"}}""",
                    app.bearer());
            assertThat(policy.status()).isEqualTo(201);
            Response challenged = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"kai\",\"email\":\"kai@example.com\",\"ip\":\"198.51.100.4\","
                    + "\"session\":\"tab-1\",\"device\":{\"token\":\"tok_kai_laptop_00001\"}}", app.bearer());
            String challengedId = challenged.json().get("evaluation_id").asText();
            String challenge = challenged.json().get("redirect").asText().replaceAll(".*/", "");
            String kept = evaluate(server, app, "lou", "tok_kai_laptop_00001", "198.51.100.4", Instant.now().minusSeconds(30));

            assertThat(server.send("DELETE", "/v3/users/kai", null, server.createApp("other").bearer()).status()).isEqualTo(404);
            assertThat(server.send("DELETE", "/v3/users/kai", null, app.bearer()).status()).isEqualTo(204);
            assertThat(server.send("DELETE", "/v3/users/kai", null, app.bearer()).status()).as("gone").isEqualTo(404);
            assertThat(server.get("/v3/users/kai", app.bearer()).status()).isEqualTo(404);
            assertThat(server.get("/v3/users/kai/devices", app.bearer()).status()).isEqualTo(404);
            assertThat(server.get("/v3/users/kai/history", app.bearer()).json().get("data")).isEmpty();
            assertThat(server.get("/v3/evaluations/" + challengedId, app.bearer()).status()).isEqualTo(404);
            assertThat(server.get("/v3/challenges/" + challenge, app.bearer()).status()).isEqualTo(404);
            assertThat(server.get("/v3/evaluations/" + kept, app.bearer()).status()).as("lou's are kept").isEqualTo(200);
            assertThat(server.get("/v3/users/lou/devices", app.bearer()).json().get("data")).hasSize(1);

            if (store == TestServer.Store.SQLITE) {
                try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("seatguard.db"))) {
                    for (String table : List.of("evaluations", "user_devices", "user_ips", "user_fingerprints", "owner_notices")) {
                        assertThat(count(connection, "SELECT COUNT(*) FROM " + table + " WHERE user_id = 'kai'")).as(table).isZero();
                    }
                    assertThat(count(connection, "SELECT COUNT(*) FROM users WHERE id = 'kai'")).isZero();
                    assertThat(count(connection, "SELECT COUNT(*) FROM challenges WHERE account_key = 'user:kai'")).isZero();
                    assertThat(count(connection, "SELECT COUNT(*) FROM evaluations WHERE document LIKE '%kai@example.com%'")).isZero();
                }
            }
            // The account can come back as new.
            Response again = server.post("/v3/evaluate", "{\"action\":\"access\",\"user\":\"kai\",\"ip\":\"198.51.100.4\",\"device\":{\"token\":\"tok_kai_laptop_00001\"}}",
                    app.bearer());
            assertThat(server.get("/v3/evaluations/" + again.json().get("evaluation_id").asText(), app.bearer()).json().get("checks").get("is_new_user")
                    .asBoolean()).isTrue();
        }
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
