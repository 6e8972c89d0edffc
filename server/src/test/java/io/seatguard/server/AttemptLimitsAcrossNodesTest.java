package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.challenge.AttemptLimits;
import io.seatguard.server.challenge.PageClient;
import io.seatguard.server.config.ServerConfig;
import io.seatguard.storage.PostgresTestDatabase;
import io.seatguard.storage.RedisTestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL and one Redis (the real servers on the machine) draw on one budget of code
 * checks per account: the hosted page's limit holds for the deployment, not once per node.
 */
class AttemptLimitsAcrossNodesTest {
    private static final String VERIFY_NEW_DEVICES = """
            {"name": "Verify new devices", "actions": ["login"], "priority": 5,
             "conditions": {"check": "is_new_device", "op": "eq", "value": true}, "verdict": "challenge",
             "challenge": {"type": "verification", "channels": ["email"], "success_url": "https://app.example/welcome"}}""";

    @TempDir
    Path dataDir;

    @Test
    void codeChecksOnEitherNodeCountAgainstOneAccountLimit() {
        RedisTestServer.require();
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
                TestServer first = TestServer.startWith(node(dataDir.resolve("first"), database));
                TestServer second = TestServer.startWith(node(dataDir.resolve("second"), database))) {
            TestApp app = first.defaultApp();
            assertThat(first.post("/v3/policies", VERIFY_NEW_DEVICES, app.bearer()).status()).isEqualTo(201);
            // An address of this run's own: Redis keeps a per-address bucket for ten minutes across runs.
            Map<String, String> client = Map.of("X-Forwarded-For", "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + (1 + ThreadLocalRandom.current().nextInt(254)));
            long budget = AttemptLimits.VERIFY_PER_ACCOUNT.capacity();
            // Only checks that judge a code spend the budget, and five wrong ones fail a challenge: the
            // account's budget takes several challenges, each opened by a login from a new device.
            int checks = 0;
            for (int device = 0; checks < budget; device++) {
                String challenge = challengeWithCodeSent(first, second, app, device, client);
                PageClient onFirst = new PageClient(client);
                PageClient onSecond = new PageClient(client);
                onFirst.get(first.url() + "/challenge/" + challenge);
                onSecond.get(second.url() + "/challenge/" + challenge);
                for (int attempt = 0; attempt < 5 && checks < budget; attempt++, checks++) {
                    HttpResponse<String> check = checks % 2 == 0
                            ? onFirst.post(first.url() + "/challenge/" + challenge + "/verify", Map.of("code", "000000"))
                            : onSecond.post(second.url() + "/challenge/" + challenge + "/verify", Map.of("code", "000000"));
                    assertThat(check.statusCode()).as("check %d of %d: a wrong code, or the fifth that fails the challenge", checks + 1, budget)
                            .isIn(422, 200);
                }
            }
            // Each node took half the budget; per node, each would still allow as many again.
            String next = challengeWithCodeSent(first, second, app, 99, client);
            for (TestServer node : new TestServer[] {first, second}) {
                PageClient page = new PageClient(client);
                page.get(node.url() + "/challenge/" + next);
                HttpResponse<String> refused = page.post(node.url() + "/challenge/" + next + "/verify", Map.of("code", "000000"));
                assertThat(refused.statusCode()).as(node.url()).isEqualTo(429);
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            }
        }
    }

    /** A login from a new device opens a challenge on the second node; the first node's page sends its code. */
    private static String challengeWithCodeSent(TestServer first, TestServer second, TestApp app, int device, Map<String, String> client) {
        Response login = second.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"vera\",\"email\":\"vera@example.com\",\"ip\":\"198.51.100.9\","
                + "\"device\":{\"token\":\"tok_vera_device_" + String.format("%05d", device) + "\"}}", app.bearer());
        String redirect = login.json().get("redirect").asText();
        String challenge = redirect.substring(redirect.lastIndexOf('/') + 1);
        PageClient page = new PageClient(client);
        page.get(first.url() + "/challenge/" + challenge);
        assertThat(page.post(first.url() + "/challenge/" + challenge + "/send", Map.of("channel", "email")).statusCode()).isEqualTo(200);
        return challenge;
    }

    private static ServerConfig node(Path dataDir, PostgresTestDatabase database) {
        return TestServer.config(dataDir).databaseUrl(database.url()).redisUrl(RedisTestServer.URL).build();
    }
}
