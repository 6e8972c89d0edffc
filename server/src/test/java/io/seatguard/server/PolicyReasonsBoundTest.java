package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.storage.StorageSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (review of policies and lists, finding 2): the reasons of every matched monitor policy carried
 * the request's own metadata once per held leaf, and are stored with the evaluation for 90 days. Ten
 * monitor policies of twenty leaves and one unsigned browser call with a 3,900-character plan stored an
 * 880,612-byte evaluation document.
 */
class PolicyReasonsBoundTest {
    @TempDir
    Path dataDir;

    @Test
    void oneBrowserCallStoresABoundedDocumentHoweverManyLeavesHeld() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            Map<String, String> json = new HashMap<>(app.bearer());
            json.put("Content-Type", "application/json");
            for (int p = 0; p < 10; p++) {
                StringBuilder leaves = new StringBuilder();
                for (int i = 0; i < 20; i++) {
                    leaves.append(i == 0 ? "" : ",").append("{\"check\":\"metadata.plan\",\"op\":\"ne\",\"value\":\"tier").append(i).append("\"}");
                }
                Response created = server.post("/v3/policies", "{\"name\":\"Watch " + p + "\",\"mode\":\"monitor\",\"actions\":[\"access\"],"
                        + "\"conditions\":{\"all\":[" + leaves + "]},\"verdict\":\"deny\"}", json);
                assertThat(created.status()).as(created.body()).isEqualTo(201);
            }

            String plan = "x".repeat(3_900);
            Response evaluated = server.post("/v3/evaluate", "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"access\",\"user\":\"bob\","
                    + "\"metadata\":{\"plan\":\"" + plan + "\"}}", Map.of());
            assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
            String id = evaluated.json().get("evaluation_id").asText();

            JsonNode evaluation = server.get("/v3/evaluations/" + id, app.bearer()).json();
            JsonNode monitored = evaluation.get("monitored_policies");
            assertThat(monitored).as("every matched monitor policy is listed").hasSize(10);
            int recorded = 0;
            int omitted = 0;
            for (JsonNode match : monitored) {
                recorded += match.get("reasons").size();
                omitted += match.get("reasons_omitted").asInt();
            }
            assertThat(recorded).isEqualTo(50);
            assertThat(omitted).isEqualTo(150);
            JsonNode reason = monitored.get(0).get("reasons").get(0);
            assertThat(reason.get("actual").asText()).hasSize(129).endsWith("…");
            assertThat(reason.get("truncated").asBoolean()).isTrue();
            assertThat(reason.get("value").asText()).isEqualTo("tier0");
            assertThat(evaluation.get("metadata").get("plan").asText()).as("the request's own value stays whole").isEqualTo(plan);

            // 880,612 bytes before reasons were bounded; 21,698 when this was written: the plan itself
            // (3,900), 50 reasons of about 230 bytes, ten monitor policies named, and the evaluation.
            assertThat(storedDocumentBytes(id)).isLessThan(25_000);
        }
    }

    private long storedDocumentBytes(String evaluationId) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(StorageSettings.EMBEDDED_FILE_NAME));
                PreparedStatement read = connection.prepareStatement("SELECT document FROM evaluations WHERE id = ?")) {
            read.setString(1, evaluationId);
            try (ResultSet row = read.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
        }
    }
}
