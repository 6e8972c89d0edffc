package io.seatguard.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.http.Json;
import io.seatguard.storage.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Review finding: anyone holding an app's public client id could send unsigned browser evaluations naming
 * made-up accounts with the owner's browser fingerprint (its components are observable), and the owner's
 * next evaluation from the app's backend counted them all in {@code fingerprint_user_count}: under a policy
 * such as {@code fingerprint_user_count gte 5 → deny}, the owner was refused. A vouched evaluation (server
 * mode, signed identity) now counts only the accounts a vouched evaluation showed the fingerprint for, and
 * its own; an unsigned one still counts every account. On both stores: SQL on PostgreSQL, caches beside SQL
 * on the embedded store.
 */
class UnsignedFingerprintAccountsTest {
    private static final String NETWORK = "81.2.69.160";
    private static final int SHARED = 5;

    @TempDir
    Path dataDir;

    private Optional<PostgresTestDatabase> postgres = Optional.empty();
    private TestServer server;
    private UnsignedCallerApp app;

    private void start(TestServer.Store store) {
        io.seatguard.server.config.ServerConfig.Builder config = TestServer.config(dataDir);
        if (store == TestServer.Store.POSTGRESQL) {
            postgres = Optional.of(PostgresTestDatabase.create());
            config.databaseUrl(postgres.get().url());
        }
        server = TestServer.startWith(config.build());
        app = UnsignedCallerApp.create(server);
        Response policy = server.post("/v3/policies", """
                {"name": "one browser, many accounts", "actions": ["login", "access"], "verdict": "deny",
                 "conditions": {"check": "fingerprint_user_count", "op": "gte", "value": %d}}""".formatted(SHARED), app.bearer());
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        postgres.ifPresent(PostgresTestDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void madeUpAccountsOnTheOwnersFingerprintDoNotGetTheOwnersBackendRefused(TestServer.Store store) {
        start(store);
        JsonNode first = app.evaluation(serverEvaluate("vic"));
        assertThat(first.get("checks").get("fingerprint_user_count").asInt()).isEqualTo(1);
        for (int i = 0; i < SHARED; i++) {
            JsonNode forged = app.evaluation(browserEvaluate("made-up-" + i));
            assertThat(forged.get("identity").asText()).isEqualTo("unsigned");
            assertThat(forged.get("device").get("fingerprint").get("id").asText()).as("the owner's fingerprint")
                    .isEqualTo(first.get("device").get("fingerprint").get("id").asText());
        }

        JsonNode owner = app.evaluation(serverEvaluate("vic"));
        assertThat(owner.get("identity").asText()).isEqualTo("server");
        assertThat(owner.get("checks").get("fingerprint_user_count").asInt()).as("the made-up accounts are not the owner's concern").isEqualTo(1);
        assertThat(owner.get("verdict").asText()).isEqualTo("allow");

        JsonNode page = app.evaluation(browserEvaluate("vic"));
        assertThat(page.get("checks").get("fingerprint_user_count").asInt()).as("an unsigned evaluation counts every account")
                .isEqualTo(SHARED + 1);
        assertThat(page.get("verdict").asText()).isEqualTo("deny");
    }

    /** The owner's browser's stable components: anyone who has seen the browser can send the same. */
    private static void withOwnersComponents(ObjectNode body) {
        body.putObject("device").putObject("components").put("screen", "2560x1440").put("cores", 12).put("model", "vic-desktop");
    }

    private Response browserEvaluate(String user) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("client_id", app.clientId()).put("action", "access").put("user", user);
        withOwnersComponents(body);
        Response response = app.browserEvaluate(body, NETWORK);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private Response serverEvaluate(String user) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("action", "login").put("user", user).put("ip", NETWORK)
                .put("user_agent", UnsignedCallerApp.DESKTOP);
        withOwnersComponents(body);
        Response response = server.post("/v3/evaluate", body.toString(), app.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }
}
