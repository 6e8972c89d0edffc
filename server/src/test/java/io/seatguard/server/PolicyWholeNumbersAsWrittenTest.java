package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found by {@code HostileInputPropertiesTest}: a policy's whole-number fields took a fraction that a double
 * rounds to a whole number. {@code "priority": 0.9999999999999999999} was stored as priority 1 and
 * {@code 1e-400} as 0, where {@code 0.5} is refused; the same held for {@code challenge.device_limit} and
 * {@code challenge.expires_in_seconds}. A number is now judged as written, before any rounding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyWholeNumbersAsWrittenTest {
    private TestServer server;
    private TestApp app;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        server = TestServer.start(TestServer.Store.SQLITE, dataDir);
        app = server.defaultApp();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String policy(String priority, String deviceLimit, String expiresIn) {
        return """
                {"name": "Two devices", "priority": %s, "actions": ["access"], "conditions": {"check": "device_count", "op": "gt", "value": 2.5},
                 "verdict": "challenge", "challenge": {"type": "device_limit", "device_limit": %s, "expires_in_seconds": %s,
                 "success_url": "https://app.example/plans", "logout_url": "https://app.example/bye"}}""".formatted(priority, deviceLimit, expiresIn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.9999999999999999999", "1.0000000000000000001", "1e-400", "-1e-400", "59.99999999999999999"})
    void aFractionADoubleWouldRoundToAWholeNumberIsRefusedInEachWholeNumberField(String fraction) {
        assertRefused(policy(fraction, "2", "600"), "priority");
        assertRefused(policy("5", fraction, "600"), "challenge.device_limit");
        assertRefused(policy("5", "2", "6" + fraction.replace("-", "") + "0"), "challenge.expires_in_seconds");
        assertThat(server.get("/v3/policies", app.bearer()).json().get("data")).as("nothing was stored").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"100", "100.0", "1e2", "1.00E+2", "100.000000000000000000000"})
    void aWholeNumberIsTakenHoweverItIsWritten(String hundred) {
        Response created = server.post("/v3/policies", policy(hundred, "2", "600"), app.bearer());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("priority").asText()).isEqualTo("100");
        assertThat(created.json().get("conditions").get("value").asDouble()).as("a condition's number keeps its fraction").isEqualTo(2.5);
        assertThat(server.send("DELETE", "/v3/policies/" + created.json().get("id").asText(), null, app.bearer()).status()).isEqualTo(204);
    }

    /**
     * Read as written, a condition's number keeps the bounds it had as a double: written with a decimal point
     * or an exponent it must lie below 2^53 (docs/policies.md), and an exponent no double reaches is refused.
     */
    @ParameterizedTest
    @ValueSource(strings = {"9007199254740992.0", "9.007199254740992e15", "1e999999999", "-1e999999999"})
    void aConditionsNumberReadAsWrittenKeepsItsBounds(String number) {
        assertRefused("""
                {"name": "n", "actions": ["login"], "conditions": {"check": "metadata.n", "op": "eq", "value": %s}, "verdict": "deny"}""".formatted(number),
                "conditions.value");
        assertRefused(policy(number, "2", "600"), "priority");
    }

    private void assertRefused(String body, String field) {
        for (String route : List.of("/v3/policies", "/v3/policies/backtest")) {
            Response refused = server.post(route, body, app.bearer());
            assertThat(refused.status()).as(route + " " + field + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsText("field")).as(refused.body()).containsExactly(field);
        }
    }
}
