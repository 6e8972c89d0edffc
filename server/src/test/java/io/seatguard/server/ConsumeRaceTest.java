package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.testing.Concurrently;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Seed 003: consume is single use. Of 48 concurrent consumers over HTTP exactly one wins, on both stores. */
class ConsumeRaceTest {
    private static final int CONSUMERS = 48;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void ofManyConcurrentConsumersExactlyOneWins(TestServer.Store store) throws Exception {
        try (TestServer server = TestServer.start(store, dataDir)) {
            TestApp app = server.defaultApp();
            for (int round = 0; round < 3; round++) {
                String id = server.post("/v3/evaluate", "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"login\",\"user\":\"race-" + round + "\"}",
                        Map.of()).json().get("evaluation_id").asText();
                List<Integer> statuses = Concurrently.run(CONSUMERS, () -> server.post("/v3/evaluations/" + id + "/consume", null, app.bearer()).status());
                assertThat(statuses).filteredOn(status -> status == 200).as("winners in round %d", round).hasSize(1);
                assertThat(statuses).filteredOn(status -> status == 409).hasSize(CONSUMERS - 1);
                assertThat(server.post("/v3/evaluations/" + id + "/consume", null, app.bearer()).status()).isEqualTo(409);
            }
        }
    }
}
