package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.sdk.AlreadyConsumedException;
import io.seatguard.sdk.Evaluation;
import io.seatguard.sdk.HistoryPage;
import io.seatguard.sdk.NotFoundException;
import io.seatguard.sdk.SeatguardClient;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java server SDK against a real server: seed 003's backend checks, devices, history, patterns. */
class JavaSdkTest {
    @TempDir
    Path dataDir;

    @Test
    void aBackendChecksAndConsumesAnEvaluationOnceAndManagesDevices() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            SeatguardClient seatguard = SeatguardClient.builder(server.url(), app.secretKey()).build();
            Response evaluated = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"sam\",\"ip\":\"198.51.100.3\",\"user_agent\":\""
                    + EvaluateApiTest.DESKTOP + "\",\"device\":{\"token\":\"tok_sam_laptop_000001\"}}", app.bearer());
            String id = evaluated.json().get("evaluation_id").asText();

            Evaluation read = seatguard.getEvaluation(id);
            assertThat(read.action()).isEqualTo("login");
            assertThat(read.userId()).contains("sam");
            assertThat(read.consumed()).isFalse();
            Evaluation consumed = seatguard.consumeEvaluation(id);
            assertThat(consumed.consumed()).isTrue();
            assertThatThrownBy(() -> seatguard.consumeEvaluation(id)).isInstanceOf(AlreadyConsumedException.class);
            assertThatThrownBy(() -> SeatguardClient.builder(server.url(), server.createApp("other").secretKey()).build().getEvaluation(id))
                    .isInstanceOf(NotFoundException.class);

            assertThat(seatguard.listDevices("sam")).singleElement().satisfies(device -> {
                assertThat(device.type()).isEqualTo("computer");
                assertThat(device.status()).isEqualTo("attached");
            });
            String device = seatguard.listDevices("sam").get(0).id();
            seatguard.logOutDevice("sam", device);
            assertThat(seatguard.listDevices("sam").get(0).status()).isEqualTo("detached");

            HistoryPage page = seatguard.history("sam", 10, Optional.empty());
            assertThat(page.rows()).hasSize(1);
            assertThat(page.nextCursor()).isEmpty();
            assertThat(seatguard.historyOfDevice(device, 10, Optional.empty()).rows()).hasSize(1);
            assertThat(seatguard.historyOfIp("198.51.100.3", 10, Optional.empty()).rows()).hasSize(1);
            assertThat(seatguard.patterns(Optional.empty(), Optional.empty())).isEmpty();
            assertThatThrownBy(() -> seatguard.getChallenge("ch_" + "a".repeat(32))).isInstanceOf(NotFoundException.class);
        }
    }
}
