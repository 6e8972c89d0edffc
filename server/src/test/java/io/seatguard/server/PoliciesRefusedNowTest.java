package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy stored under a higher --event-count-limit is named in the log of a start with a lower one,
 * and the API's policy carries the same faults in {@code refused_now}.
 */
class PoliciesRefusedNowTest {
    private static final String POLICY = """
            {"name": "Very busy account", "actions": ["login"], "verdict": "deny",
             "conditions": {"check": "event_count", "op": "gte", "value": 20000}}""";
    /** Valid under either limit, with a challenge and a nested condition, to read back from SQL. */
    private static final String FINE = """
            {"name": "Verify the owner", "actions": ["access"], "verdict": "challenge", "priority": 10,
             "conditions": {"any": [{"check": "concurrent_sessions", "op": "eq", "value": true},
                                    {"check": "event_count", "op": "gte", "value": 500}]},
             "challenge": {"type": "verification", "channels": ["email"], "success_url": "https://app.example/home"}}""";

    @TempDir
    Path workDir;

    @Test
    void aStartWithALowerEventCountLimitWarnsAboutTheStoredPolicy() throws Exception {
        Path dataDir = workDir.resolve("data");
        String policyId;
        String fineId;
        String secret;
        try (ServerProcess raised = ServerProcess.start(workDir.resolve("raised"), "--data-dir", dataDir.toString(),
                "--geoip-db", "off", "--asn-db", "off", "--event-count-limit", "50000")) {
            secret = raised.banner("secret_key").orElseThrow(() -> new AssertionError("no secret key in the banner"));
            TestServer.Response created = raised.send("POST", "/v3/policies", POLICY,
                    Map.of("Authorization", "Bearer " + secret, "Content-Type", "application/json"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            policyId = created.json().get("id").asText();
            TestServer.Response fine = raised.send("POST", "/v3/policies", FINE,
                    Map.of("Authorization", "Bearer " + secret, "Content-Type", "application/json"));
            assertThat(fine.status()).as(fine.body()).isEqualTo(201);
            fineId = fine.json().get("id").asText();
            assertThat(raised.errorOutput()).doesNotContain("would be refused");
        }

        try (ServerProcess lowered = ServerProcess.start(workDir.resolve("lowered"), "--data-dir", dataDir.toString(),
                "--geoip-db", "off", "--asn-db", "off")) {
            assertThat(lowered.errorOutput())
                    .contains("WARN")
                    .contains("policy " + policyId + " (\"Very busy account\") would be refused if written now: conditions.value: "
                            + "\"event_count\" stops counting at 1000")
                    .doesNotContain(fineId);

            Map<String, String> bearer = Map.of("Authorization", "Bearer " + secret);
            TestServer.Response refused = lowered.send("GET", "/v3/policies/" + policyId, null, bearer);
            assertThat(refused.status()).as(refused.body()).isEqualTo(200);
            assertThat(refused.json().get("refused_now").findValuesAsText("field")).containsExactly("conditions.value");
            assertThat(refused.json().get("refused_now").get(0).get("message").asText()).contains("\"event_count\" stops counting at 1000");
            TestServer.Response listed = lowered.send("GET", "/v3/policies", null, bearer);
            assertThat(listed.json().get("data").findValuesAsText("id")).containsExactlyInAnyOrder(policyId, fineId);
            for (var policy : listed.json().get("data")) {
                assertThat(policy.get("refused_now")).as(policy.get("id").asText())
                        .hasSize(policy.get("id").asText().equals(policyId) ? 1 : 0);
            }

            // Sent back as read: the fine one is taken (refused_now is read-only), the other refused as on create.
            Map<String, String> json = Map.of("Authorization", "Bearer " + secret, "Content-Type", "application/json");
            TestServer.Response fine = lowered.send("GET", "/v3/policies/" + fineId, null, bearer);
            TestServer.Response fineAgain = lowered.send("PUT", "/v3/policies/" + fineId, fine.body(), json);
            assertThat(fineAgain.status()).as(fineAgain.body()).isEqualTo(200);
            assertThat(fineAgain.json().get("refused_now")).isEmpty();
            TestServer.Response refusedAgain = lowered.send("PUT", "/v3/policies/" + policyId, refused.body(), json);
            assertThat(refusedAgain.status()).as(refusedAgain.body()).isEqualTo(400);
            assertThat(refusedAgain.json().get("errors").findValuesAsText("field")).containsExactly("conditions.value");
        }
    }
}
