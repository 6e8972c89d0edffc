package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Review finding: a UUID's text is case-insensitive on input (RFC 9562 §4), but an evaluation id or a
 * device id in upper case, as some databases hand them back, was not found or refused. Every UUID the
 * API takes is read in either case and answered in lower case, on both stores.
 */
class UpperCaseUuidsApiTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void evaluationAndDeviceIdsAreTakenInEitherCaseAndAnsweredInLowerCase(TestServer.Store store) {
        try (TestServer server = TestServer.start(store, dataDir)) {
            TestApp app = server.defaultApp();
            Response answer = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"uma\",\"ip\":\"198.51.100.4\","
                    + "\"device\":{\"token\":\"tok_uma_laptop_000001\"}}", app.bearer());
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            String evaluationId = answer.json().get("evaluation_id").asText();
            String deviceId = answer.json().get("device_id").asText();
            String upperEvaluation = evaluationId.toUpperCase(Locale.ROOT);
            String upperDevice = deviceId.toUpperCase(Locale.ROOT);

            Response read = server.get("/v3/evaluations/" + upperEvaluation, app.bearer());
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json().get("id").asText()).isEqualTo(evaluationId);
            Response consumed = server.post("/v3/evaluations/" + upperEvaluation + "/consume", "", app.bearer());
            assertThat(consumed.status()).as(consumed.body()).isEqualTo(200);
            assertThat(consumed.json().get("id").asText()).isEqualTo(evaluationId);
            assertThat(server.post("/v3/evaluations/" + evaluationId + "/consume", "", app.bearer()).status())
                    .as("one evaluation, whatever the case it is named in").isEqualTo(409);

            Response history = server.get("/v3/history?device_id=" + upperDevice, app.bearer());
            assertThat(history.status()).as(history.body()).isEqualTo(200);
            JsonNode rows = history.json().get("data");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get("evaluation_id").asText()).isEqualTo(evaluationId);
            assertThat(rows.get(0).get("device_id").asText()).isEqualTo(deviceId);
            String mixed = deviceId.substring(0, 18) + upperDevice.substring(18);
            assertThat(server.get("/v3/history?device_id=" + mixed, app.bearer()).json().get("data")).hasSize(1);

            Response loggedOut = server.send("DELETE", "/v3/users/uma/devices/" + upperDevice, null, app.bearer());
            assertThat(loggedOut.status()).as(loggedOut.body()).isEqualTo(204);
            JsonNode devices = server.get("/v3/users/uma/devices", app.bearer()).json().get("data");
            assertThat(devices.get(0).get("id").asText()).isEqualTo(deviceId);
            assertThat(devices.get(0).get("status").asText()).isEqualTo("detached");

            // What is not a UUID in any case is still refused or not found.
            assertThat(server.get("/v3/history?device_id=" + upperDevice.replace('-', 'G'), app.bearer()).status()).isEqualTo(400);
            assertThat(server.get("/v3/evaluations/" + upperEvaluation.substring(1) + "G", app.bearer()).status()).isEqualTo(404);
            assertThat(server.send("DELETE", "/v3/users/uma/devices/" + upperDevice + "0", null, app.bearer()).status()).isEqualTo(400);

            // A device id a list or a policy names was already stored in lower case; kept so.
            String upper = "01A24546-C3FE-7ABC-8DEF-0123456789AB";
            Response list = server.post("/v3/lists", "{\"name\":\"lent\",\"kind\":\"device\",\"values\":[\"" + upper + "\"]}",
                    Map.of("Authorization", app.bearer().get("Authorization"), "Content-Type", "application/json"));
            assertThat(list.status()).as(list.body()).isEqualTo(201);
            assertThat(list.json().get("values").get(0).asText()).isEqualTo(upper.toLowerCase(Locale.ROOT));
            Response policy = server.post("/v3/policies", "{\"name\":\"Deny one\",\"actions\":[\"login\"],\"verdict\":\"deny\","
                    + "\"conditions\":{\"check\":\"device_id\",\"op\":\"eq\",\"value\":\"" + upper + "\"}}", app.bearer());
            assertThat(policy.status()).as(policy.body()).isEqualTo(201);
            assertThat(policy.json().get("conditions").get("value").asText()).isEqualTo(upper.toLowerCase(Locale.ROOT));
        }
    }
}
