package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.http.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A login refused (denied, or sent to a challenge) that shows components close to an existing device's is
 * judged as that device, but leaves it as it was: its stored fingerprint and latest components are still
 * its own, so the refused caller's components do not find it exactly afterwards. Before, the write claimed
 * the caller's fingerprint for the owner's device and made the caller's components its latest (found in
 * review, after the refused token fix: RefusedTokenBindingTest).
 */
class RefusedCloseMatchApiTest {
    private static final String OWNER_HOME = "198.51.100.7";
    private static final String COPIER = "203.0.113.9";
    private static final String ELSEWHERE = """
            {"name": "Refuse elsewhere", "actions": ["login"],
             "conditions": {"check": "ip", "op": "in_list", "value": "elsewhere"}, "verdict": "%s"%s}""";
    private static final String VERIFICATION = """
            , "challenge": {"type": "verification", "channels": ["email"], "success_url": "https://app.example/welcome"}""";
    private static final String COMPONENTS = "\"platform\":\"MacIntel\",\"webgl_vendor\":\"Apple\",\"webgl_renderer\":\"Apple M2\",\"audio\":\"a1\","
            + "\"fonts\":\"f1\",\"cores\":8,\"memory\":8,\"screen\":\"1512x982\",\"timezone\":\"Europe/Paris\"";

    @TempDir
    Path dataDir;

    static Stream<Arguments> refusals() {
        return Stream.of(Arguments.of(TestServer.Store.SQLITE, "deny"), Arguments.of(TestServer.Store.SQLITE, "challenge"),
                Arguments.of(TestServer.Store.POSTGRESQL, "deny"));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("refusals")
    void aRefusedCloseMatchLeavesTheDevicesFingerprintAndComponentsAsTheyWere(TestServer.Store store, String verdict) throws Exception {
        try (TestServer server = TestServer.start(store, dataDir)) {
            TestApp app = server.defaultApp();
            JsonNode owners = evaluate(server, app, OWNER_HOME, "tok_vera_laptop_000001", "v1");
            assertThat(owners.get("verdict").asText()).isEqualTo("allow");
            String device = owners.get("device").get("id").asText();
            String ownFingerprint = owners.get("device").get("fingerprint").get("id").asText();
            JsonNode ownComponents = components(server, app, device);

            Response list = server.post("/v3/lists", "{\"name\":\"elsewhere\",\"kind\":\"ip\",\"values\":[\"203.0.113.0/24\"]}", app.jsonBearer());
            assertThat(list.status()).as(list.body()).isEqualTo(201);
            Response policy = server.post("/v3/policies", ELSEWHERE.formatted(verdict, verdict.equals("challenge") ? VERIFICATION : ""), app.jsonBearer());
            assertThat(policy.status()).as(policy.body()).isEqualTo(201);

            // Somebody who copied the owner's components, one of them changed (another canvas reading).
            JsonNode refused = evaluate(server, app, COPIER, "tok_copier_00000000001", "v2");
            assertThat(refused.get("verdict").asText()).isEqualTo(verdict);
            assertThat(refused.get("device").get("id").asText()).as("close to the owner's: judged as the owner's device").isEqualTo(device);
            assertThat(refused.get("device").get("fingerprint").get("confidence").asDouble()).isLessThan(1.0);
            String copierFingerprint = refused.get("device").get("fingerprint").get("id").asText();
            assertThat(copierFingerprint).isNotEqualTo(ownFingerprint);

            assertThat(components(server, app, device)).as("the device's latest components are still its own").isEqualTo(ownComponents);
            assertThat(holder(server, app, copierFingerprint)).as("the copier's fingerprint is nobody's").isEmpty();
            assertThat(holder(server, app, ownFingerprint)).contains(device);

            // The copier's components again, with another new token: a close match again, never an exact one.
            JsonNode again = evaluate(server, app, COPIER, "tok_copier_00000000002", "v2");
            assertThat(again.get("device").get("fingerprint").get("confidence").asDouble()).as("not found by the exact fingerprint").isLessThan(1.0);
            assertThat(holder(server, app, copierFingerprint)).isEmpty();
        }
    }

    /** A server-mode login of the account {@code vera} with the laptop's components and the given canvas reading; the stored evaluation. */
    private static JsonNode evaluate(TestServer server, TestApp app, String ip, String token, String canvas) {
        Response answer = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"vera\",\"email\":\"vera@example.com\",\"ip\":\"" + ip
                + "\",\"user_agent\":\"" + EvaluateApiTest.DESKTOP + "\",\"device\":{\"token\":\"" + token + "\",\"components\":{" + COMPONENTS
                + ",\"canvas\":\"" + canvas + "\"}}}", app.bearer());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return server.get("/v3/evaluations/" + answer.json().get("evaluation_id").asText(), app.bearer()).json();
    }

    /** The device's stored latest components, as JSON. */
    private static JsonNode components(TestServer server, TestApp app, String deviceId) throws Exception {
        String stored = one(server, "SELECT components FROM device_components WHERE app_id = ? AND device_id = ?", app.id(), deviceId).orElseThrow();
        return Json.MAPPER.readTree(stored);
    }

    /** The device holding the fingerprint, if any. */
    private static Optional<String> holder(TestServer server, TestApp app, String fingerprintId) throws SQLException {
        return one(server, "SELECT device_id FROM device_fingerprints WHERE app_id = ? AND fingerprint_id = ?", app.id(), fingerprintId);
    }

    private static Optional<String> one(TestServer server, String sql, String appId, String key) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl()); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, appId);
            statement.setString(2, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

}
