package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Javalin routed by X-HTTP-Method-Override, so a POST that named DELETE erased an account (found in
 * review), past any proxy that filters by method. A request naming another method is refused, naming the
 * header, and nothing is done; preflights do not offer the header to pages either.
 */
class MethodOverridesTest {
    @TempDir
    Path dataDir;

    @Test
    void aPostNamingAnotherMethodIsRefusedAndDoesNothing() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            Response evaluated = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"alice\",\"ip\":\"203.0.113.9\","
                    + "\"user_agent\":\"Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0\",\"device\":{\"token\":\"tok_alice_000000001\"}}", app.bearer());
            assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
            for (String header : List.of("X-HTTP-Method-Override", "x-http-method-override")) {
                Map<String, String> headers = new HashMap<>(app.bearer());
                headers.put(header, "DELETE");
                Response overridden = server.post("/v3/users/alice", null, headers);
                assertThat(overridden.status()).as(header + ": " + overridden.body()).isEqualTo(400);
                assertThat(overridden.json().get("errors").get(0).get("field").asText()).isEqualTo("X-HTTP-Method-Override");
            }
            // The others Javalin does not honour, but a proxy in front might: refused on any route too.
            for (String header : List.of("X-HTTP-Method", "X-Method-Override")) {
                Map<String, String> headers = new HashMap<>(app.bearer());
                headers.put(header, "GET");
                Response overridden = server.post("/v3/evaluations/" + evaluated.json().get("evaluation_id").asText() + "/consume", null, headers);
                assertThat(overridden.status()).as(header + ": " + overridden.body()).isEqualTo(400);
                assertThat(overridden.json().get("errors").get(0).get("field").asText()).isEqualTo(header);
            }
            assertThat(server.get("/v3/users/alice", app.bearer()).status()).as("the account is still there").isEqualTo(200);

            server.createApp("shop", "https://shop.example");
            Response preflight = server.send("OPTIONS", "/v3/evaluate", null, Map.of("Origin", "https://shop.example",
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type, x-http-method-override, traceparent"));
            assertThat(preflight.header("Access-Control-Allow-Headers").orElse("")).doesNotContainIgnoringCase("method-override").containsIgnoringCase("traceparent");
        }
    }
}
