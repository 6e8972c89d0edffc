package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.core.checks.CheckSettings;
import io.seatguard.intel.ip.IntelConfig;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.challenge.PageClient;
import io.seatguard.server.config.NetworkSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding: a stored policy that today's settings refuse (written under a higher
 * {@code --event-count-limit}) could not be disabled, nor switched to monitor, by {@code PUT} or the
 * dashboard, since every write validated it as a new policy; it could only be deleted. Switched off it
 * keeps its faults as stored, and the answer names them; switched on, it must be valid.
 */
class PoliciesSwitchedOffWithFaultsTest {
    private static final String POLICY = """
            {"name": "Very busy account", "actions": ["login"], "verdict": "deny", "priority": 5,
             "conditions": {"check": "event_count", "op": "gte", "value": 20000}}""";

    @TempDir
    Path dataDir;

    private TestApp app;
    private SeatguardServer.CreatedOperator operator;
    private String policyId;

    /** The policy written under a limit of 50,000; the tests run with the default 1,000, which refuses it. */
    @BeforeEach
    void storeUnderAHigherLimit() {
        CheckSettings defaults = CheckSettings.DEFAULTS;
        CheckSettings raised = new CheckSettings(defaults.maxTravelSpeedKmh(), defaults.minTravelDistanceKm(), defaults.velocityWindow(),
                defaults.highVelocityEvents(), 50_000);
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir)
                .network(new NetworkSettings(IntelConfig.NONE, NetworkSettings.DEFAULT_REFRESH, raised)).build())) {
            app = server.defaultApp();
            operator = server.server().createdOperator().orElseThrow();
            Response created = server.post("/v3/policies", POLICY, app.bearer());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            policyId = created.json().get("id").asText();
        }
    }

    @Test
    void putDisablesItOrSwitchesItToMonitorKeepingTheFaultAndNamingIt() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            ObjectNode read = readBack(server);
            assertThat(read.get("refused_now").findValuesAsText("field")).containsExactly("conditions.value");

            Response disabled = server.send("PUT", "/v3/policies/" + policyId, asSent(read).put("enabled", false).toString(), app.bearer());
            assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
            assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
            assertThat(disabled.json().get("conditions").toString()).isEqualTo(read.get("conditions").toString());
            assertThat(disabled.json().get("refused_now").findValuesAsText("field")).as("the answer still names the stored fault")
                    .containsExactly("conditions.value");
            assertThat(readBack(server).get("enabled").asBoolean()).isFalse();

            Response monitored = server.send("PUT", "/v3/policies/" + policyId,
                    asSent(read).put("mode", "monitor").put("name", "Very busy account (watching)").toString(), app.bearer());
            assertThat(monitored.status()).as(monitored.body()).isEqualTo(200);
            ObjectNode now = readBack(server);
            assertThat(now.get("enabled").asBoolean()).isTrue();
            assertThat(now.get("mode").asText()).isEqualTo("monitor");
            assertThat(now.get("name").asText()).isEqualTo("Very busy account (watching)");
            assertThat(now.get("priority").asInt()).isEqualTo(5);
            assertThat(now.get("refused_now").findValuesAsText("field")).containsExactly("conditions.value");
        }
    }

    @Test
    void putChangingTheFaultyPartToAnotherFaultOrSwitchingItOnIsRefusedNamingIt() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            ObjectNode read = readBack(server);
            ObjectNode otherFault = asSent(read).put("enabled", false);
            ((ObjectNode) otherFault.get("conditions")).put("value", 30000);
            Response refused = server.send("PUT", "/v3/policies/" + policyId, otherFault.toString(), app.bearer());
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactly("conditions.value");
            assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("stops counting at 1000");

            assertThat(server.send("PUT", "/v3/policies/" + policyId, asSent(read).put("mode", "monitor").toString(), app.bearer()).status())
                    .isEqualTo(200);
            Response enforced = server.send("PUT", "/v3/policies/" + policyId, asSent(read).put("mode", "enforce").toString(), app.bearer());
            assertThat(enforced.status()).as("enforcing it is writing it now").isEqualTo(400);
            assertThat(enforced.contentType()).startsWith("application/problem+json");
            assertThat(enforced.json().get("errors").findValuesAsText("field")).containsExactly("conditions.value");
            assertThat(enforced.json().get("detail").asText()).contains("only while switched off");
            assertThat(readBack(server).get("mode").asText()).as("nothing was written").isEqualTo("monitor");

            ObjectNode fixed = asSent(read).put("mode", "enforce");
            ((ObjectNode) fixed.get("conditions")).put("value", 1000);
            Response valid = server.send("PUT", "/v3/policies/" + policyId, fixed.toString(), app.bearer());
            assertThat(valid.status()).as(valid.body()).isEqualTo(200);
            assertThat(valid.json().get("refused_now")).isEmpty();
        }
    }

    @Test
    void theDashboardsSwitchTakesItToMonitorAndRefusesToEnforceItAgain() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            PageClient browser = new PageClient();
            browser.get(server.url() + "/dashboard/login");
            assertThat(browser.post(server.url() + "/dashboard/login", Map.of("email", operator.email(), "password", operator.password())).statusCode())
                    .isEqualTo(303);
            String page = server.url() + "/dashboard/policies?app=" + app.id();
            browser.get(page);

            HttpResponse<String> toMonitor = browser.post(server.url() + "/dashboard/policies/mode", Map.of("app", app.id(), "id", policyId));
            assertThat(toMonitor.statusCode()).as(toMonitor.body()).isEqualTo(303);
            assertThat(readBack(server).get("mode").asText()).isEqualTo("monitor");

            browser.get(page);
            HttpResponse<String> toEnforce = browser.post(server.url() + "/dashboard/policies/mode", Map.of("app", app.id(), "id", policyId));
            assertThat(toEnforce.statusCode()).isEqualTo(400);
            assertThat(toEnforce.body()).contains("only while switched off").contains("conditions.value").contains("stops counting at 1000");
            assertThat(readBack(server).get("mode").asText()).isEqualTo("monitor");

            // Its edit form offers the JSON field; saved there disabled (and enforce, which a disabled policy never is), it is taken.
            String edit = browser.get(page + "&edit=" + policyId).body();
            java.util.regex.Matcher stored = java.util.regex.Pattern.compile("name=\"stored\" value=\"([0-9a-f]{64})\"").matcher(edit);
            assertThat(stored.find()).as("the form carries what it was opened on").isTrue();
            String json = asSent(readBack(server)).put("enabled", false).put("mode", "enforce").toString();
            HttpResponse<String> saved = browser.post(server.url() + "/dashboard/policies", Map.of("app", app.id(), "id", policyId,
                    "stored", stored.group(1), "json", json, "do", "save"));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
            ObjectNode now = readBack(server);
            assertThat(now.get("enabled").asBoolean()).isFalse();
            assertThat(now.get("refused_now").findValuesAsText("field")).containsExactly("conditions.value");
        }
    }

    private ObjectNode readBack(TestServer server) {
        Response read = server.get("/v3/policies/" + policyId, app.bearer());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return (ObjectNode) read.json();
    }

    /** The policy as read, to send back with PUT (the read-only members are ignored; dropped here to change the rest). */
    private static ObjectNode asSent(JsonNode read) {
        ObjectNode sent = read.deepCopy();
        sent.remove(java.util.List.of("id", "created_at", "updated_at", "refused_now"));
        return sent;
    }
}
