package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Found in review: two tabs of one device-limit page, each logging out a different device at the same
 * moment, both landed, and the account was left with fewer devices than its limit allows. The page logs
 * devices out only until the account is within its limit (docs/challenges.md).
 */
class DeviceLimitLogoutRaceTest {
    private static final String DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String POLICY = """
            {"name": "Two devices", "actions": ["access"], "conditions": {"check": "device_count", "op": "gt", "value": 2},
             "verdict": "challenge", "challenge": {"type": "device_limit", "device_limit": 2, "success_url": "https://app.example/plans",
                           "logout_url": "https://app.example/bye"}}""";
    private static final String RETURN_TO = "https://app.example/watch/1";
    private static final int ROUNDS = 3;

    @TempDir
    Path dataDir;

    /** The redirect of {@code user}'s server-mode evaluation of {@code action} from the device holding {@code token}; empty when none. */
    private static String evaluate(TestServer server, TestApp app, String user, String action, String token) {
        Response response = server.post("/v3/evaluate", "{\"action\":\"" + action + "\",\"user\":\"" + user + "\",\"ip\":\"198.51.100.7\",\"user_agent\":\""
                + DESKTOP + "\",\"return_to\":\"" + RETURN_TO + "\",\"device\":{\"token\":\"" + token + "\"}}", app.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().has("redirect") && !response.json().get("redirect").isNull() ? response.json().get("redirect").asText() : "";
    }

    /** Each of the account's devices by id, with its status as the API lists it. */
    private static Map<String, String> statuses(TestServer server, TestApp app, String user) {
        Map<String, String> statusById = new HashMap<>();
        server.get("/v3/users/" + user + "/devices", app.bearer()).json().get("data")
                .forEach(device -> statusById.put(device.get("id").asText(), device.get("status").asText()));
        return statusById;
    }

    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void twoTabsLoggingOutAtOnceLogOutOnlyWhatTheLimitNeeds(TestServer.Store store) throws Exception {
        try (TestServer server = TestServer.start(store, dataDir)) {
            TestApp app = server.defaultApp();
            Response policy = server.post("/v3/policies", POLICY, app.bearer());
            assertThat(policy.status()).as(policy.body()).isEqualTo(201);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    String user = "race" + round;
                    evaluate(server, app, user, "login", "tok_race" + round + "_laptop_01");
                    evaluate(server, app, user, "login", "tok_race" + round + "_tablet_01");
                    List<String> owners = List.copyOf(statuses(server, app, user).keySet());
                    assertThat(owners).as("two devices attached").hasSize(2);
                    String page = evaluate(server, app, user, "access", "tok_race" + round + "_phone_001");
                    assertThat(page).as("a third device: over the limit of two").startsWith(server.url() + "/challenge/");

                    List<PageClient> tabs = List.of(new PageClient(), new PageClient());
                    tabs.forEach(tab -> tab.get(page));
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                    for (int tab = 0; tab < 2; tab++) {
                        PageClient client = tabs.get(tab);
                        String device = owners.get(tab);
                        answers.add(pool.submit(() -> {
                            start.await();
                            return client.post(page + "/logout-device", Map.of("lang", "en", "device_id", device));
                        }));
                    }
                    start.countDown();
                    List<HttpResponse<String>> responses = new ArrayList<>();
                    for (Future<HttpResponse<String>> answer : answers) {
                        responses.add(answer.get(30, TimeUnit.SECONDS));
                    }

                    assertThat(statuses(server, app, user).values()).as("round %d: one logout was enough", round).containsOnlyOnce("detached");
                    assertThat(responses).as("round %d: the challenge passes", round)
                            .filteredOn(response -> response.statusCode() == 303).isNotEmpty()
                            .allSatisfy(response -> assertThat(response.headers().firstValue("Location")).hasValue(RETURN_TO));
                    // The other tab logs nothing out: it goes on where the first tab's pass led when that pass
                    // came before its answer, and says no device needed to go when it did not yet.
                    assertThat(responses).as("round %d: the other tab is told nothing was logged out", round)
                            .filteredOn(response -> response.statusCode() == 200)
                            .allSatisfy(response -> assertThat(response.body()).contains("No device needed to be logged out"));
                    assertThat(server.get("/v3/challenges/" + page.substring(page.lastIndexOf('/') + 1), app.bearer()).json().get("status").asText())
                            .isEqualTo("completed");
                }
            }
            finally {
                pool.shutdownNow();
            }
        }
    }
}
