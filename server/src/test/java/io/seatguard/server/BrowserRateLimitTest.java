package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browser calls (client id, no secret key) over the limit of one client address to one app answer 429
 * with Retry-After, readable by the app's pages; what they would have written is not written, and calls
 * with the secret key are never counted.
 */
class BrowserRateLimitTest {
    private static final Map<String, String> FROM_SHOP = Map.of("Origin", "https://shop.example");

    @Test
    void aClientOverTheLimitIsAnsweredTooManyRequestsAndNothingIsRecorded(@TempDir Path dataDir) {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).browserRateLimit(3).build())) {
            TestApp shop = server.createApp("shop", "https://shop.example");
            TestApp other = server.createApp("other", "https://shop.example");
            String evaluate = "{\"client_id\":\"" + shop.clientId() + "\",\"action\":\"access\",\"user\":\"rita\",\"device\":{\"token\":\"tok_rita_laptop_00001\"}}";
            for (int i = 0; i < 2; i++) {
                assertThat(server.post("/v3/evaluate", evaluate, FROM_SHOP).status()).isEqualTo(200);
            }
            Response beat = server.post("/v3/sessions/heartbeat", "{\"client_id\":\"" + shop.clientId()
                    + "\",\"user\":\"rita\",\"session\":\"tab-1\",\"device\":{\"token\":\"tok_rita_laptop_00001\"}}", FROM_SHOP);
            assertThat(beat.status()).as("a heartbeat counts with the evaluations: the third call").isEqualTo(200);

            Response refused = server.post("/v3/evaluate", evaluate, FROM_SHOP);
            assertThat(refused.status()).as(refused.body()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).contains("3 browser calls a minute");
            assertThat(refused.header("Retry-After")).as("a third of the minute, the time one call takes to come back").hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isBetween(15, 20));
            assertThat(refused.header("Access-Control-Allow-Origin")).as("the page can read why").contains("https://shop.example");
            assertThat(refused.header("Access-Control-Expose-Headers")).as("and how long to wait, and the request's id")
                    .hasValue("Retry-After, X-Request-Id");
            Response end = server.post("/v3/sessions/end", "{\"client_id\":\"" + shop.clientId() + "\",\"user\":\"rita\",\"session\":\"tab-1\"}",
                    FROM_SHOP);
            assertThat(end.status()).isEqualTo(429);

            Response history = server.get("/v3/users/rita/history", shop.bearer());
            assertThat(history.status()).as(history.body()).isEqualTo(200);
            assertThat(history.json().get("data")).as("the refused evaluation was not recorded").hasSize(2);

            String serverMode = "{\"action\":\"access\",\"user\":\"rita\",\"ip\":\"198.51.100.9\"}";
            for (int i = 0; i < 5; i++) {
                assertThat(server.post("/v3/evaluate", serverMode, shop.bearer()).status()).as("the backend's calls are not counted").isEqualTo(200);
            }
            assertThat(server.post("/v3/evaluate", evaluate.replace(shop.clientId(), other.clientId()), FROM_SHOP).status())
                    .as("another app's bucket").isEqualTo(200);
            Map<String, String> behindTheProxy = Map.of("Origin", "https://shop.example", "X-Forwarded-For", "203.0.113.50");
            assertThat(server.post("/v3/evaluate", evaluate, behindTheProxy).status())
                    .as("another client, named by a trusted proxy (loopback)").isEqualTo(200);
        }
    }

    /**
     * Found in review: a browser call naming a client id that is no app's cost a read of the store and
     * answered 401, without limit, so one address could make the server look ids up without end.
     */
    @Test
    void callsNamingUnknownClientIdsAreCountedPerClientAndThenRefusedBeforeAnyLookup(@TempDir Path dataDir) {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).browserRateLimit(3).build())) {
            TestApp shop = server.createApp("shop", "https://shop.example");
            String evaluate = "{\"client_id\":\"" + shop.clientId() + "\",\"action\":\"access\",\"user\":\"rita\"}";
            assertThat(server.post("/v3/evaluate", evaluate, FROM_SHOP).status()).as("the shop's app is now held by the node").isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                Response unknown = server.post("/v3/evaluate", evaluate.replace(shop.clientId(), "pk_madeUp" + i), FROM_SHOP);
                assertThat(unknown.status()).as("made-up id %d: %s", i, unknown.body()).isEqualTo(401);
            }
            Response refused = server.post("/v3/evaluate", evaluate.replace(shop.clientId(), "pk_madeUp3"), FROM_SHOP);
            assertThat(refused.status()).as("a fourth made-up id, whatever it is: %s", refused.body()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).contains("3 browser calls a minute", "client_id that is no app's");
            assertThat(refused.header("Retry-After")).hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(15, 20));
            assertThat(server.post("/v3/sessions/heartbeat", "{\"client_id\":\"pk_madeUp4\",\"user\":\"rita\",\"session\":\"tab-1\"}",
                    FROM_SHOP).status()).as("heartbeats share the bucket").isEqualTo(429);
            assertThat(server.post("/v3/sessions/end", "{\"client_id\":\"pk_madeUp5\",\"user\":\"rita\",\"session\":\"tab-1\"}",
                    FROM_SHOP).status()).as("and session ends").isEqualTo(429);

            assertThat(server.post("/v3/evaluate", evaluate, FROM_SHOP).status()).as("the app's own bucket is untouched").isEqualTo(200);
            Map<String, String> anotherClient = Map.of("Origin", "https://shop.example", "X-Forwarded-For", "203.0.113.50");
            assertThat(server.post("/v3/evaluate", evaluate.replace(shop.clientId(), "pk_madeUp6"), anotherClient).status())
                    .as("another client has a bucket of its own").isEqualTo(401);
        }
    }
}
