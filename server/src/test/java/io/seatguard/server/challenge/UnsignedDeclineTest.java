package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding (security): an unsigned browser call (the public client id, no identity signature)
 * naming the account, with a token of its own and the components of the owner's device, resolved to the
 * owner's device; "I am not the account owner" on its challenge then logged that device out, and the
 * owner's next page view answered {@code logout: true}. An unsigned decline now logs nothing out.
 */
class UnsignedDeclineTest {
    private static final String DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String COMPONENTS = "\"components\":{\"canvas\":\"c0ffee\",\"gpu\":\"ANGLE (Intel)\",\"cores\":8,\"touch\":false}";
    private static final String POLICY = """
            {"name": "Verify every page view", "actions": ["access"], "conditions": {"check": "action", "op": "eq", "value": "access"},
             "verdict": "challenge", "challenge": {"type": "verification", "channels": ["email"], "success_url": "https://app.example/signup",
                           "logout_url": "https://app.example/bye"}}""";

    @TempDir
    Path dataDir;

    /** The owner's page view of their own device, named by the app's backend. */
    private static JsonNode ownersAccess(TestServer server, TestApp app) {
        Response response = server.post("/v3/evaluate", "{\"action\":\"access\",\"user\":\"dina\",\"ip\":\"198.51.100.7\",\"user_agent\":\"" + DESKTOP
                + "\",\"device\":{\"token\":\"tok_dina_laptop_0001\"," + COMPONENTS + "}}", app.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void anUnsignedDeclineOnTheOwnersDeviceLogsNothingOut() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            Response login = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"dina\",\"ip\":\"198.51.100.7\",\"user_agent\":\"" + DESKTOP
                    + "\",\"device\":{\"token\":\"tok_dina_laptop_0001\"," + COMPONENTS + "}}", app.bearer());
            assertThat(login.json().get("verdict").asText()).as(login.body()).isEqualTo("allow");
            String ownersDevice = login.json().get("device_id").asText();
            assertThat(server.post("/v3/policies", POLICY, app.bearer()).status()).isEqualTo(201);

            // Someone with the client id: a token of their own, the owner's device's components, the owner's email.
            Response forged = server.post("/v3/evaluate", "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"access\",\"user\":\"dina\","
                    + "\"email\":\"attacker@example.com\",\"device\":{\"token\":\"tok_attacker_new_0001\"," + COMPONENTS + "}}", Map.of("User-Agent", DESKTOP));
            assertThat(forged.status()).as(forged.body()).isEqualTo(200);
            assertThat(forged.json().get("device_id").asText()).as("resolved to the owner's device").isEqualTo(ownersDevice);
            String page = forged.json().get("redirect").asText();
            assertThat(page).startsWith(server.url() + "/challenge/");

            PageClient attacker = new PageClient();
            attacker.get(page);
            HttpResponse<String> declined = attacker.post(page + "/decline", Map.of("lang", "en"));
            assertThat(declined.statusCode()).isEqualTo(303);
            assertThat(server.get("/v3/challenges/" + page.substring(page.lastIndexOf('/') + 1), app.bearer()).json().get("status").asText())
                    .as("the challenge still ends as declined").isEqualTo("failed");

            assertThat(server.get("/v3/users/dina/devices", app.bearer()).json().get("data").findValuesAsText("status"))
                    .as("the owner's device stays in").containsExactly("attached");
            JsonNode next = ownersAccess(server, app);
            assertThat(next.get("logout").asBoolean()).as(next.toString()).isFalse();
            assertThat(next.get("verdict").asText()).as("challenged as before, not sent to the logout page").isEqualTo("challenge");
        }
    }
}
