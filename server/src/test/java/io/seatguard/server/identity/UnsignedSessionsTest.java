package io.seatguard.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.sdk.IdentitySignature;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.http.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding: anyone holding an app's public client id put a live session on any account with an
 * unsigned browser evaluation naming it, kept it live by heartbeats, and the owner's next evaluation, even
 * one from the app's backend, saw {@code concurrent_sessions} and was refused by a policy on it. An
 * evaluation vouched for (server mode, signed identity) now judges it only against sessions vouched
 * evaluations opened; an unsigned one still sees them all, so an app that vouches for nobody keeps
 * detecting sharing as before.
 */
class UnsignedSessionsTest {
    private static final String OWNER_NETWORK = "81.2.69.160";
    private static final String ATTACKER_NETWORK = "89.160.20.112";
    private static final String DENY_CONCURRENT = """
            {"name": "deny concurrent", "actions": ["access"], "verdict": "deny",
             "conditions": {"check": "concurrent_sessions", "op": "eq", "value": true}}""";

    @TempDir
    Path dataDir;

    private TestServer server;
    private UnsignedCallerApp app;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.Store.SQLITE, dataDir);
        app = UnsignedCallerApp.create(server);
        Response policy = server.post("/v3/policies", DENY_CONCURRENT, app.bearer());
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSessionOpenedWithTheClientIdAloneCannotGetTheOwnersBackendRefused() {
        serverEvaluate("login", "vic", "tok_vic_laptop_00000001", null);
        openAttackersSession("vic");

        JsonNode owner = app.evaluation(serverEvaluate("access", "vic", "tok_vic_laptop_00000001", "ses_owner"));
        assertThat(owner.get("identity").asText()).isEqualTo("server");
        assertThat(owner.get("checks").get("concurrent_sessions").asBoolean()).as("the made-up session is not the owner's concern").isFalse();
        assertThat(owner.get("verdict").asText()).isEqualTo("allow");
    }

    @Test
    void norTheOwnersSignedPage() {
        serverEvaluate("login", "vic", "tok_vic_laptop_00000001", null);
        openAttackersSession("vic");

        ObjectNode page = browserBody("vic", "tok_vic_laptop_00000001", "ses_owner")
                .put("identity_signature", IdentitySignature.sign(app.identitySecret(), "vic", null, null));
        JsonNode owner = app.evaluation(app.browserEvaluate(page, OWNER_NETWORK));
        assertThat(owner.get("identity").asText()).isEqualTo("signed");
        assertThat(owner.get("checks").get("concurrent_sessions").asBoolean()).isFalse();
        assertThat(owner.get("verdict").asText()).isEqualTo("allow");
    }

    /** A sharer's session the app's backend vouched for is still concurrent for the owner's backend. */
    @Test
    void aSessionTheBackendVouchedForIsStillConcurrent() {
        serverEvaluate("access", "vic", "tok_vic_laptop_00000001", "ses_owner");

        JsonNode sharer = app.evaluation(serverEvaluate("access", "vic", "tok_sharer_laptop_00001", "ses_sharer", ATTACKER_NETWORK));
        assertThat(sharer.get("checks").get("concurrent_sessions").asBoolean()).isTrue();
        assertThat(sharer.get("verdict").asText()).isEqualTo("deny");
    }

    /** An app that vouches for nobody keeps detecting sharing between its unsigned pages, as before. */
    @Test
    void unsignedPagesStillSeeEveryLiveSession() {
        openAttackersSession("vic");

        JsonNode owner = app.evaluation(app.browserEvaluate(browserBody("vic", "tok_vic_laptop_00000001", "ses_owner"), OWNER_NETWORK));
        assertThat(owner.get("identity").asText()).isEqualTo("unsigned");
        assertThat(owner.get("checks").get("concurrent_sessions").asBoolean()).isTrue();
        assertThat(owner.get("verdict").asText()).isEqualTo("deny");
    }

    /** The attacker's page, allowed (nothing else is live), and kept live by a heartbeat. */
    private void openAttackersSession(String user) {
        Response opened = app.browserEvaluate(browserBody(user, "tok_mallory_laptop_0001", "ses_attacker"), ATTACKER_NETWORK);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().get("verdict").asText()).isEqualTo("allow");
        Response beat = server.post("/v3/sessions/heartbeat", "{\"client_id\":\"" + app.clientId() + "\",\"user\":\"" + user
                + "\",\"session\":\"ses_attacker\",\"device\":{\"token\":\"tok_mallory_laptop_0001\"}}", Map.of("X-Forwarded-For", ATTACKER_NETWORK));
        assertThat(beat.status()).as(beat.body()).isEqualTo(200);
        assertThat(beat.json().get("active").asBoolean()).isTrue();
    }

    private ObjectNode browserBody(String user, String token, String session) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("client_id", app.clientId()).put("action", "access").put("user", user)
                .put("session", session);
        body.putObject("device").put("token", token);
        return body;
    }

    private JsonNode serverEvaluate(String action, String user, String token, String session) {
        return serverEvaluate(action, user, token, session, OWNER_NETWORK);
    }

    private JsonNode serverEvaluate(String action, String user, String token, String session, String ip) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("action", action).put("user", user).put("ip", ip).put("user_agent", UnsignedCallerApp.DESKTOP);
        if (session != null) {
            body.put("session", session);
        }
        body.putObject("device").put("token", token);
        Response response = server.post("/v3/evaluate", body.toString(), app.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

}
