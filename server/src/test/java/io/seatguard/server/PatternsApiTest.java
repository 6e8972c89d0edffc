package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.core.pattern.PatternThresholds;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Patterns flagged as evaluations arrive, listed and exported, and summarised per account. */
class PatternsApiTest {
    @TempDir
    Path dataDir;

    private static void evaluate(TestServer server, TestApp app, String user, String token, String session) {
        Response response = server.post("/v3/evaluate", "{\"action\":\"access\",\"user\":\"" + user + "\",\"ip\":\"198.51.100.7\",\"session\":\"" + session
                + "\",\"user_agent\":\"" + EvaluateApiTest.DESKTOP + "\",\"device\":{\"token\":\"" + token + "\"}}", app.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** many_devices suspicious at 2 devices, dangerous at 3. */
    private TestServer startFlaggingAtTwoDevices() {
        return TestServer.startWith(TestServer.config(dataDir).patternThresholds(PatternThresholds.parse("many_devices=2:3")).build());
    }

    @Test
    void importedHistoryIsNotJudgedUntilTheAccountsNextEvaluation() {
        try (TestServer server = startFlaggingAtTwoDevices()) {
            TestApp app = server.defaultApp();
            for (int device = 1; device <= 3; device++) {
                Response imported = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"imported\",\"ip\":\"198.51.100.7\",\"timestamp\":\""
                        + java.time.Instant.now().minus(java.time.Duration.ofDays(3)).plusSeconds(device) + "\",\"user_agent\":\"" + EvaluateApiTest.DESKTOP
                        + "\",\"device\":{\"token\":\"tok_imported_dev_000" + device + "\"}}", app.bearer());
                assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            }
            assertThat(server.get("/v3/patterns", app.bearer()).json().get("data")).as("an import flags nothing").isEmpty();

            evaluate(server, app, "imported", "tok_imported_dev_0001", "s-now");
            JsonNode flagged = server.get("/v3/patterns", app.bearer()).json().get("data");
            assertThat(flagged).as("judged on everything stored, imports included").hasSize(1);
            assertThat(flagged.get(0).get("level").asText()).isEqualTo("dangerous");
            assertThat(flagged.get(0).get("current_value").asLong()).isEqualTo(3);
        }
    }

    /**
     * Found in a walk-through: a challenged or denied evaluation counts its device in device_count, and
     * flagged many_devices for good (levels never fall) though the account never had the device.
     */
    @Test
    void aDeviceNotLetInDoesNotCountTowardsManyDevices() {
        try (TestServer server = startFlaggingAtTwoDevices()) {
            TestApp app = server.defaultApp();
            evaluate(server, app, "pat", "tok_pat_device_00001", "s1");
            Response policy = server.post("/v3/policies", "{\"name\":\"No new devices\",\"actions\":[\"access\"],\"verdict\":\"deny\","
                    + "\"conditions\":{\"check\":\"is_new_device\",\"op\":\"eq\",\"value\":true}}", app.bearer());
            assertThat(policy.status()).as(policy.body()).isEqualTo(201);
            evaluate(server, app, "pat", "tok_pat_device_00002", "s2");
            evaluate(server, app, "pat", "tok_pat_device_00003", "s3");
            assertThat(server.get("/v3/patterns", app.bearer()).json().get("data")).as("two denied devices: still one of the account's").isEmpty();
            evaluate(server, app, "pat", "tok_pat_device_00001", "s1");
            assertThat(server.get("/v3/patterns", app.bearer()).json().get("data")).as("nor on the next allowed evaluation").isEmpty();
        }
    }

    /** A page view of this account from a laptop whose components are these, holding this token: the evaluation stored. */
    private static JsonNode evaluateWithComponents(TestServer server, TestApp app, String user, String token) {
        Response response = server.post("/v3/evaluate", "{\"action\":\"access\",\"user\":\"" + user + "\",\"ip\":\"198.51.100.7\",\"user_agent\":\""
                + EvaluateApiTest.DESKTOP + "\",\"device\":{\"token\":\"" + token + "\",\"components\":{\"canvas\":\"c-office-image\",\"audio\":\"a-1\","
                + "\"fonts\":\"f-office\",\"cores\":8,\"memory\":16,\"screen\":\"1920x1080\",\"timezone\":\"Europe/Paris\"}}}", app.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return server.get("/v3/evaluations/" + response.json().get("evaluation_id").asText(), app.bearer()).json();
    }

    /**
     * many_accounts_on_device counts the accounts one device was used on (device_user_count), not the
     * accounts that showed its exact fingerprint: a company's laptops from one disk image share every
     * component, and each colleague's own account must not flag the others'. One browser signing into
     * several accounts still does.
     */
    @Test
    void lookAlikeLaptopsOfColleaguesAreNotOneDeviceButOneBrowserOnManyAccountsIs() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            JsonNode last = null;
            for (int colleague = 1; colleague <= 5; colleague++) {
                last = evaluateWithComponents(server, app, "colleague-" + colleague, "tok_office_laptop_0000" + colleague);
            }
            assertThat(last.get("checks").get("fingerprint_user_count").asLong()).as("one fingerprint").isEqualTo(5);
            assertThat(last.get("checks").get("device_user_count").asLong()).as("each laptop its own").isEqualTo(1);
            assertThat(last.get("risk").get("signals").findValuesAsText("name")).as("a new laptop on a fingerprint four accounts showed")
                    .containsExactly("shared_fingerprint");
            JsonNode again = evaluateWithComponents(server, app, "colleague-5", "tok_office_laptop_00005");
            assertThat(again.get("risk").get("signals").findValuesAsText("name")).as("the same laptop the next time: known, its own")
                    .doesNotContain("shared_fingerprint", "shared_device");
            assertThat(server.get("/v3/patterns", app.bearer()).json().get("data")).as("no colleague flagged").isEmpty();

            for (String account : new String[] {"farm-1", "farm-2", "farm-3"}) {
                last = evaluateWithComponents(server, app, account, "tok_one_browser_00001");
            }
            assertThat(last.get("checks").get("device_user_count").asLong()).isEqualTo(3);
            assertThat(last.get("risk").get("signals").findValuesAsText("name")).contains("shared_device");
            JsonNode flagged = server.get("/v3/patterns?pattern=many_accounts_on_device", app.bearer()).json().get("data");
            assertThat(flagged).extracting(row -> row.get("user").asText()).containsExactly("farm-3");
            assertThat(flagged.get(0).get("current_value").asLong()).isEqualTo(3);
        }
    }

    /**
     * One browser trying account after account, refused from the second on, is still counted on each try:
     * a denied evaluation lets no device in, but records the account on it, as it records its fingerprint.
     */
    @Test
    void aBrowserRefusedOnAccountAfterAccountIsCountedOnEachTry() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            Response policy = server.post("/v3/policies", """
                    {"name":"One browser, one account","actions":["access"],"verdict":"deny",
                     "conditions":{"check":"device_user_count","op":"gte","value":2}}""", app.bearer());
            assertThat(policy.status()).as(policy.body()).isEqualTo(201);
            assertThat(evaluateWithComponents(server, app, "try-1", "tok_stuffing_browser1").get("verdict").asText()).isEqualTo("allow");
            JsonNode second = evaluateWithComponents(server, app, "try-2", "tok_stuffing_browser1");
            assertThat(second.get("verdict").asText()).isEqualTo("deny");
            JsonNode third = evaluateWithComponents(server, app, "try-3", "tok_stuffing_browser1");
            assertThat(third.get("checks").get("device_user_count").asLong()).as("try-1 let in, try-2 refused, and try-3").isEqualTo(3);
            assertThat(server.get("/v3/users/try-2/devices", app.bearer()).json().get("data")).as("the refused account never had it").isEmpty();
            JsonNode flagged = server.get("/v3/patterns?pattern=many_accounts_on_device", app.bearer()).json().get("data");
            assertThat(flagged).extracting(row -> row.get("user").asText()).containsExactly("try-3");
        }
    }

    @Test
    void anAccountOnManyDevicesIsFlaggedAtOnceAndExported() {
        try (TestServer server = startFlaggingAtTwoDevices()) {
            TestApp app = server.defaultApp();
            evaluate(server, app, "=cmd", "tok_nia_device_00001", "s1");
            assertThat(server.get("/v3/patterns", app.bearer()).json().get("data")).as("one device: nothing").isEmpty();
            evaluate(server, app, "=cmd", "tok_nia_device_00002", "s2");
            JsonNode flagged = server.get("/v3/patterns", app.bearer()).json().get("data");
            assertThat(flagged).hasSize(1);
            assertThat(flagged.get(0).get("user").asText()).isEqualTo("=cmd");
            assertThat(flagged.get(0).get("pattern").asText()).isEqualTo("many_devices");
            assertThat(flagged.get(0).get("level").asText()).isEqualTo("suspicious");
            evaluate(server, app, "=cmd", "tok_nia_device_00003", "s3");
            assertThat(server.get("/v3/patterns?level=dangerous", app.bearer()).json().get("data").get(0).get("current_value").asLong()).isEqualTo(3);
            assertThat(server.get("/v3/patterns?level=suspicious", app.bearer()).json().get("data")).isEmpty();
            assertThat(server.get("/v3/patterns?pattern=multiple_countries", app.bearer()).json().get("data")).isEmpty();

            Response csv = server.get("/v3/patterns?format=csv", app.bearer());
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.body()).startsWith("user,pattern,level,current_value,first_detected,last_seen\r\n")
                    .as("a formula-looking id is defused").contains("\"'=cmd\",many_devices,dangerous,3,");
            assertThat(server.get("/v3/patterns", server.createApp("other").bearer()).json().get("data")).isEmpty();

            // A second flagged account, then a limit of one: the list says it was cut.
            evaluate(server, app, "ola", "tok_ola_device_00001", "s4");
            evaluate(server, app, "ola", "tok_ola_device_00002", "s5");
            Response cut = server.get("/v3/patterns?limit=1", app.bearer());
            assertThat(cut.json().get("data")).hasSize(1);
            assertThat(cut.json().get("truncated").asBoolean()).isTrue();
            assertThat(cut.headers().get("Seatguard-Truncated")).containsExactly("true");
            assertThat(server.get("/v3/patterns?limit=1&format=csv", app.bearer()).headers().get("Seatguard-Truncated")).containsExactly("true");
            Response whole = server.get("/v3/patterns?limit=2", app.bearer());
            assertThat(whole.json().get("truncated").asBoolean()).isFalse();
            assertThat(whole.json().get("data")).hasSize(2);

            JsonNode summary = server.get("/v3/users/=cmd", app.bearer()).json();
            assertThat(summary.get("patterns").findValuesAsText("pattern")).containsExactly("many_devices");
            assertThat(summary.get("device_count").asInt()).isEqualTo(3);
            assertThat(summary.get("people_estimate").get("all_time").asInt()).as("three computers: at least two people").isEqualTo(2);
            assertThat(summary.get("people_estimate").get("active").asInt()).as("three live sessions on one network").isEqualTo(1);

            for (String bad : new String[] {"pattern=many", "level=high", "format=xml", "limit=0"}) {
                Response refused = server.get("/v3/patterns?" + bad, app.bearer());
                assertThat(refused.status()).as(bad).isEqualTo(400);
                assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo(bad.split("=")[0]);
            }
            assertThat(server.get("/v3/patterns", Map.of()).status()).isEqualTo(401);
        }
    }
}
