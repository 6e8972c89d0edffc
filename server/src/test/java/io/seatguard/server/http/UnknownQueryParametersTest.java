package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the JSON API refuses a query parameter it does not take (found in review): only four
 * routes did, so {@code GET /v3/users/u/devices?status=detached} listed every device, and
 * {@code DELETE /v3/users/victim?dry_run=true} erased the account. Scripts, probes and pages take any.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownQueryParametersTest {
    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN);

    private TestServer server;
    private TestApp app;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        server = TestServer.start(TestServer.Store.SQLITE, dataDir);
        app = server.defaultApp();
        for (String user : List.of("victim", "member")) {
            Response evaluated = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"" + user + "\",\"ip\":\"203.0.113.9\"}", app.bearer());
            assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aDryRunEraseIsRefusedAndErasesNothing() {
        Response erase = server.send("DELETE", "/v3/users/victim?dry_run=true", null, app.bearer());

        assertThat(erase.status()).as(erase.body()).isEqualTo(400);
        assertThat(erase.contentType()).startsWith("application/problem+json");
        JsonNode error = erase.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("dry_run");
        assertThat(error.get("message").asText()).isEqualTo("is not a parameter of this route, which takes none");
        assertThat(server.get("/v3/users/victim", app.bearer()).status()).as("the account is still there").isEqualTo(200);
    }

    @Test
    void routesThatTakeNoParametersRefuseAny() {
        record Call(String method, String path, Map<String, String> headers, String field) {}
        for (Call call : List.of(
                new Call("GET", "/v3/users/member/devices?status=detached", app.bearer(), "status"),
                new Call("GET", "/v3/apps?limit=1", ADMIN, "limit"),
                new Call("GET", "/v3/policies?mode=monitor", app.bearer(), "mode"),
                new Call("GET", "/v3/evaluations/ev_x?fields=all", app.bearer(), "fields"),
                // Before the key is checked, as a malformed body is: what a route takes is no secret.
                new Call("GET", "/v3/webhooks?x", Map.of(), "x"),
                new Call("POST", "/v3/evaluate?debug=1", Map.of(), "debug"))) {
            Response answer = server.send(call.method(), call.path(), call.method().equals("POST") ? "{}" : null, call.headers());
            assertThat(answer.status()).as(call.path() + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asText()).as(call.path()).isEqualTo(call.field());
        }
    }

    @Test
    void aRouteWithParametersNamesThemWhenRefusingAnother() {
        Response answer = server.get("/v3/patterns?levels=dangerous", app.bearer());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("message").asText()).isEqualTo("is not a parameter of this route; it takes format, level, limit, pattern");
        assertThat(server.get("/v3/patterns?level=dangerous&limit=5", app.bearer()).status()).isEqualTo(200);
        assertThat(server.get("/v3/patterns?level=dangerous&level=suspicious", app.bearer()).json().get("errors").get(0).get("message").asText())
                .isEqualTo("is given more than once");
    }

    @Test
    void scriptsProbesAndPagesTakeAnyParameter() {
        for (String path : List.of("/v3/sdk.js?v=3.1", "/v3/sdk.classic.js?v=3.1", "/v3/openapi.json?v=1", "/healthz?probe=lb", "/readyz?probe=lb",
                "/metrics?name%5B%5D=up", "/challenge/assets/challenge.css?v=1", "/dashboard/login?next=%2Fdashboard")) {
            Response answer = server.get(path, Map.of());
            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        }
    }
}
