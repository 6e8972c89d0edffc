package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.challenge.PageClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator limited to one app who names that app in the {@code app} field (so the route's app check
 * passes) but another app's record by its id: every page and form that takes such an id (evaluation,
 * policy, list, webhook endpoint and its messages, device) answers 404 and changes nothing of the other
 * app. The route-wide app check cannot catch these: each handler must look the id up within the app.
 */
class DashboardCrossAppIdsTest {
    @TempDir
    Path dataDir;

    @Test
    void anotherAppsIdsUnderOnesOwnAppAreNotFoundAndNothingOfThemChanges() throws java.sql.SQLException {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).webhookAllowPrivate(true).build())) {
            TestApp theirs = server.defaultApp();
            TestApp mine = server.createApp("Mine");
            TestServer.Response evaluated = server.post("/v3/evaluate",
                    "{\"action\":\"login\",\"user\":\"zed.other\",\"ip\":\"198.51.100.77\",\"device\":{\"token\":\"tok_zed_laptop_000001\"}}", theirs.bearer());
            assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
            String evaluation = evaluated.json().get("evaluation_id").asText();
            String device = evaluated.json().get("device_id").asText();
            String policy = server.post("/v3/policies", """
                    {"name": "Theirs", "actions": ["login"], "mode": "enforce", "conditions": {"check": "user", "op": "eq", "value": "zed.other"}, "verdict": "deny"}""",
                    theirs.bearer()).json().get("id").asText();
            String list = server.post("/v3/lists", "{\"name\":\"Their list\",\"kind\":\"user\",\"values\":[\"zed.other\"]}", theirs.bearer()).json()
                    .get("id").asText();
            String endpoint = server.post("/v3/webhooks", "{\"url\":\"http://127.0.0.1:9/theirs\",\"events\":[\"device.attached\"]}", theirs.bearer())
                    .json().get("id").asText();
            String myEndpoint = server.post("/v3/webhooks", "{\"url\":\"http://127.0.0.1:9/mine\",\"events\":[\"device.attached\"]}", mine.bearer())
                    .json().get("id").asText();
            String secretBefore = secretOf(server, endpoint);

            PageClient admin = DashboardPagesTest.signedIn(server);
            admin.get(server.url() + "/dashboard/operators");
            assertThat(admin.postRepeated(server.url() + "/dashboard/operators", List.of(Map.entry("email", "scoped@example.com"),
                    Map.entry("password", "correct horse battery staple"), Map.entry("app_scope", mine.id()))).statusCode()).isEqualTo(201);
            PageClient scoped = new PageClient();
            scoped.get(server.url() + "/dashboard/login");
            assertThat(scoped.post(server.url() + "/dashboard/login", Map.of("email", "scoped@example.com", "password", "correct horse battery staple"))
                    .statusCode()).isEqualTo(303);

            String app = "?app=" + mine.id();
            for (String path : List.of("/dashboard/evaluations/" + mine.id() + "/" + evaluation, "/dashboard/policies" + app + "&edit=" + policy,
                    "/dashboard/lists" + app + "&list=" + list, "/dashboard/webhooks" + app + "&endpoint=" + endpoint,
                    "/dashboard/webhooks" + app + "&endpoint=" + myEndpoint + "&message=msg_000000000000000000000000")) {
                HttpResponse<String> page = scoped.get(server.url() + path);
                assertThat(page.statusCode()).as(path).isEqualTo(404);
                assertThat(page.body()).as(path).doesNotContain("zed.other").doesNotContain("Their list").doesNotContain("/theirs");
            }

            List<Map<String, String>> forms = List.of(
                    Map.of("path", "/dashboard/policies/mode", "id", policy),
                    Map.of("path", "/dashboard/policies/delete", "id", policy),
                    Map.of("path", "/dashboard/policies", "id", policy, "stored", "x", "do", "save",
                            "json", "{\"name\": \"Theirs\", \"actions\": [\"login\"], \"verdict\": \"allow\"}"),
                    Map.of("path", "/dashboard/lists/values", "list", list, "values", "zed.other", "do", "remove"),
                    Map.of("path", "/dashboard/lists/delete", "list", list),
                    Map.of("path", "/dashboard/webhooks/rotate", "endpoint", endpoint, "previous_valid_for", "0"),
                    Map.of("path", "/dashboard/webhooks/redeliver", "endpoint", endpoint, "message", "msg_000000000000000000000000"),
                    Map.of("path", "/dashboard/webhooks/delete", "endpoint", endpoint),
                    Map.of("path", "/dashboard/accounts/logout", "user", "zed.other", "device", device));
            scoped.get(server.url() + "/dashboard/evaluations");
            for (Map<String, String> form : forms) {
                Map<String, String> fields = new LinkedHashMap<>(form);
                String path = fields.remove("path");
                fields.put("app", mine.id());
                HttpResponse<String> answer = scoped.post(server.url() + path, fields);
                assertThat(answer.statusCode()).as("POST " + path).isEqualTo(404);
                // Not "zed.other": a refused form shows back what was typed in it, that id included.
                assertThat(answer.body()).as(path).doesNotContain("Their list").doesNotContain("/theirs");
            }

            TestServer.Response stored = server.get("/v3/policies/" + policy, theirs.bearer());
            assertThat(stored.status()).isEqualTo(200);
            assertThat(stored.json().get("mode").asText()).isEqualTo("enforce");
            assertThat(stored.json().get("verdict").asText()).isEqualTo("deny");
            assertThat(server.get("/v3/lists/" + list, theirs.bearer()).json().get("values").toString()).contains("zed.other");
            assertThat(server.get("/v3/webhooks/" + endpoint, theirs.bearer()).status()).as("not deleted").isEqualTo(200);
            assertThat(secretOf(server, endpoint)).as("not rotated").isEqualTo(secretBefore);
            assertThat(server.get("/v3/users/zed.other/devices", theirs.bearer()).json().get("data").findValuesAsText("status")).containsExactly("attached");
        }
    }

    /** The endpoint's signing secret as stored: the API shows it only when it is made or rotated. */
    private static String secretOf(TestServer server, String endpointId) throws java.sql.SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(server.jdbcUrl());
                java.sql.PreparedStatement select = connection.prepareStatement("SELECT secret FROM webhook_endpoints WHERE id = ?")) {
            select.setString(1, endpointId);
            try (java.sql.ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("endpoint " + endpointId + " stored").isTrue();
                return row.getString(1);
            }
        }
    }
}
