package io.seatguard.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.sdk.IdentitySignature;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.http.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding (high): in browser mode the user, email and phone were the word of whoever held the
 * public client id. Signed identity lets an app's backend vouch for them: {@code identity_signature},
 * checked against the app's identity secret, required when the app says so, and recorded on the
 * evaluation as {@code identity}.
 */
class SignedIdentityTest {
    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN);

    @TempDir
    Path dataDir;

    private TestServer server;
    private JsonNode app;
    private String identitySecret;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.Store.SQLITE, dataDir);
        app = createApp("{\"name\":\"Shop\"}");
        identitySecret = app.get("identity_secret").asText();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private JsonNode createApp(String body) {
        Response created = server.post("/v3/apps", body, ADMIN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private Map<String, String> bearer(JsonNode app) {
        return Map.of("Authorization", "Bearer " + app.get("secret_key").asText());
    }

    private Response browserEvaluate(JsonNode app, String action, String user, String email, Object signature) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("client_id", app.get("client_id").asText()).put("action", action);
        if (user != null) {
            body.put("user", user);
        }
        if (email != null) {
            body.put("email", email);
        }
        if (signature != null) {
            body.set("identity_signature", Json.MAPPER.valueToTree(signature));
        }
        return server.post("/v3/evaluate", body.toString(), Map.of());
    }

    private String identityOf(JsonNode app, Response evaluated) {
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
        return server.get("/v3/evaluations/" + evaluated.json().get("evaluation_id").asText(), bearer(app)).json().get("identity").asText();
    }

    private static void assertRefusedNaming(Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(field);
    }

    private Response browserEvaluateWithExpiry(String user, String signature, Object expires) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("client_id", app.get("client_id").asText()).put("action", "access").put("user", user);
        if (signature != null) {
            body.put("identity_signature", signature);
        }
        body.set("identity_expires", Json.MAPPER.valueToTree(expires));
        return server.post("/v3/evaluate", body.toString(), Map.of());
    }

    /**
     * A page's signature copied out of it vouched for its account until the secret was rotated. Signed with
     * an expiry (the Java SDK's five-argument sign), it vouches until then: the server checks the signature
     * over the expiry, and refuses it once that moment is past.
     */
    @Test
    void aSignatureMadeWithAnExpiryIsTakenUntilThenAndRefusedAfter() {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        String good = IdentitySignature.sign(identitySecret, "nia", null, null, later);
        assertThat(identityOf(app, browserEvaluateWithExpiry("nia", good, later.getEpochSecond()))).isEqualTo("signed");

        Instant past = Instant.now().minusSeconds(5);
        Response lapsed = browserEvaluateWithExpiry("nia", IdentitySignature.sign(identitySecret, "nia", null, null, past), past.getEpochSecond());
        assertRefusedNaming(lapsed, 401, "identity_expires");
        assertThat(lapsed.json().get("type").asText()).endsWith("/invalid-credentials");
        assertRefusedNaming(browserEvaluateWithExpiry("nia", good, later.getEpochSecond() + 3_600), 401, "identity_signature");
    }

    @Test
    void anExpiryThatIsNoUnixTimeOrComesWithoutASignatureIsRefusedNamingIt() {
        String signature = IdentitySignature.sign(identitySecret, "nia", null, null);
        for (Object bad : new Object[] {"1767225600", 1.767225600e9 + 0.5, -1, 0, 253_402_300_800L, new java.math.BigInteger("100000000000000000000"), true,
                Map.of("at", 1)}) {
            Response refused = browserEvaluateWithExpiry("nia", signature, bad);
            assertRefusedNaming(refused, 400, "identity_expires");
            assertThat(refused.json().get("errors").get(0).get("message").asText()).as("for %s", bad).contains("seconds since 1970");
        }
        Response alone = browserEvaluateWithExpiry("nia", null, Instant.now().plusSeconds(60).getEpochSecond());
        assertRefusedNaming(alone, 400, "identity_expires");
        assertThat(alone.json().get("errors").get(0).get("message").asText()).contains("send both or neither");
        Response nothing = browserEvaluateWithExpiry("nia", null, null);
        assertThat(nothing.status()).as("null is as good as absent: %s", nothing.body()).isEqualTo(200);
    }

    @Test
    void theEvaluationRecordsHowItsIdentityWasEstablished() {
        String signature = IdentitySignature.sign(identitySecret, "mia", "mia@example.com", null);
        assertThat(identityOf(app, browserEvaluate(app, "access", "mia", "mia@example.com", signature))).isEqualTo("signed");
        assertThat(identityOf(app, browserEvaluate(app, "access", "mia", "mia@example.com", null))).isEqualTo("unsigned");
        Response server = this.server.post("/v3/evaluate", "{\"action\":\"access\",\"user\":\"mia\"}", bearer(app));
        assertThat(identityOf(app, server)).as("a backend with the secret key needs no signature").isEqualTo("server");
    }

    @Test
    void aSignatureThatDoesNotSignWhatIsSentIsRefused() {
        String signature = IdentitySignature.sign(identitySecret, "mia", "mia@example.com", null);
        JsonNode other = createApp("{\"name\":\"Blog\"}");
        assertRefusedNaming(browserEvaluate(app, "access", "mia", "attacker@example.com", signature), 401, "identity_signature");
        assertRefusedNaming(browserEvaluate(app, "access", "ned", "mia@example.com", signature), 401, "identity_signature");
        assertRefusedNaming(browserEvaluate(app, "access", "mia", "mia@example.com",
                IdentitySignature.sign(other.get("identity_secret").asText(), "mia", "mia@example.com", null)), 401, "identity_signature");
        assertRefusedNaming(browserEvaluate(app, "access", "mia", "mia@example.com",
                IdentitySignature.sign("ids_" + "x".repeat(43), "mia", "mia@example.com", null)), 401, "identity_signature");
        assertThat(browserEvaluate(app, "access", "mia", "mia@example.com", signature.toUpperCase()).status()).as("hex in either case").isEqualTo(200);
    }

    /**
     * An email whose domain is typed with its own letters is taken and kept in its xn-- form, while the
     * signature is checked over the email as sent: a backend signs what its user typed.
     */
    @Test
    void anInternationalDomainIsSignedAsSentAndKeptInItsALabelForm() {
        String typed = "mia@ex\u00e4mple.com";
        Response signed = browserEvaluate(app, "access", "mia", typed, IdentitySignature.sign(identitySecret, "mia", typed, null));
        assertThat(identityOf(app, signed)).isEqualTo("signed");
        JsonNode evaluation = server.get("/v3/evaluations/" + signed.json().get("evaluation_id").asText(), bearer(app)).json();
        assertThat(evaluation.get("user").get("email").asText()).isEqualTo("mia@xn--exmple-cua.com");
        assertRefusedNaming(browserEvaluate(app, "access", "mia", typed, IdentitySignature.sign(identitySecret, "mia", "mia@xn--exmple-cua.com", null)),
                401, "identity_signature");
    }

    @Test
    void aMalformedSignatureIsRefusedNamingIt() {
        for (Object bad : new Object[] {"z".repeat(64), "ab".repeat(31) + "a", "ab".repeat(33), "", 42, Map.of("sig", "x"), true}) {
            assertRefusedNaming(browserEvaluate(app, "access", "mia", null, bad), 400, "identity_signature");
        }
        Response serverMode = server.post("/v3/evaluate", "{\"action\":\"access\",\"user\":\"mia\",\"identity_signature\":12}", bearer(app));
        assertRefusedNaming(serverMode, 400, "identity_signature");
    }

    @Test
    void aRotationKeepsThePreviousSecretAcceptedAndShowsTheNewOneOnce() {
        String id = app.get("id").asText();
        assertThat(server.get("/v3/apps/" + id, ADMIN).json().has("identity_secret")).as("never read back").isFalse();
        assertThat(server.get("/v3/apps/" + id, ADMIN).json().get("has_identity_secret").asBoolean()).isTrue();
        Response rotated = server.post("/v3/apps/" + id + "/rotate-identity-secret", null, ADMIN);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newSecret = rotated.json().get("identity_secret").asText();
        assertThat(newSecret).startsWith("ids_").isNotEqualTo(identitySecret);
        assertThat(rotated.json().has("secret_key")).isFalse();
        assertThat(server.get("/v3/apps", ADMIN).body()).doesNotContain(newSecret).doesNotContain(identitySecret);

        assertThat(identityOf(app, browserEvaluate(app, "access", "mia", null, IdentitySignature.sign(newSecret, "mia", null, null)))).isEqualTo("signed");
        assertThat(identityOf(app, browserEvaluate(app, "access", "mia", null, IdentitySignature.sign(identitySecret, "mia", null, null))))
                .as("pages rendered before the rotation, within the hour").isEqualTo("signed");
        assertThat(server.post("/v3/apps/app_nope/rotate-identity-secret", null, ADMIN).status()).isEqualTo(404);
        assertThat(server.post("/v3/apps/" + id + "/rotate-identity-secret", null, bearer(app)).status()).as("admin only").isEqualTo(401);
    }

    @Test
    void anAppThatRequiresSignedIdentityRefusesABrowserNamingSomeoneWithoutIt() {
        String id = app.get("id").asText();
        assertRefusedNaming(server.send("PATCH", "/v3/apps/" + id, "{\"require_signed_identity\":\"yes\"}", ADMIN), 400, "require_signed_identity");
        Response patched = server.send("PATCH", "/v3/apps/" + id, "{\"require_signed_identity\":true}", ADMIN);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("require_signed_identity").asBoolean()).isTrue();

        assertRefusedNaming(browserEvaluate(app, "access", "mia", null, null), 401, "identity_signature");
        assertRefusedNaming(browserEvaluate(app, "login", null, null, null), 400, "user");
        assertRefusedNaming(browserEvaluate(app, "signup", "mia", "mia@example.com", null), 401, "identity_signature");
        assertThat(identityOf(app, browserEvaluate(app, "access", "mia", null, IdentitySignature.sign(identitySecret, "mia", null, null))))
                .isEqualTo("signed");
        assertThat(identityOf(app, browserEvaluate(app, "signup", null, "new@example.com", null)))
                .as("a newcomer's own email, which the signup's challenge proves").isEqualTo("unsigned");
        assertThat(identityOf(app, browserEvaluate(app, "page.view", null, null, null))).as("naming nobody").isEqualTo("unsigned");
        Response serverMode = server.post("/v3/evaluate", "{\"action\":\"access\",\"user\":\"mia\"}", bearer(app));
        assertThat(identityOf(app, serverMode)).as("server mode is unaffected").isEqualTo("server");

        assertThat(server.send("PATCH", "/v3/apps/" + id, "{\"require_signed_identity\":false}", ADMIN).status()).isEqualTo(200);
        assertThat(identityOf(app, browserEvaluate(app, "access", "mia", null, null))).isEqualTo("unsigned");
    }

    @Test
    void anAppCanRequireSignedIdentityFromItsCreation() {
        JsonNode strict = createApp("{\"name\":\"Strict\",\"require_signed_identity\":true}");
        assertThat(strict.get("require_signed_identity").asBoolean()).isTrue();
        assertThat(strict.get("identity_secret").asText()).startsWith("ids_");
        assertRefusedNaming(browserEvaluate(strict, "access", "mia", null, null), 401, "identity_signature");
        assertThat(app.get("require_signed_identity").asBoolean()).as("off by default").isFalse();
    }

    @Test
    void theIdentityOfAnEvaluationSurvivesARestart() {
        String evaluation = browserEvaluate(app, "access", "mia", null, IdentitySignature.sign(identitySecret, "mia", null, null)).json()
                .get("evaluation_id").asText();
        server.close();
        server = TestServer.start(TestServer.Store.SQLITE, dataDir);
        assertThat(server.get("/v3/evaluations/" + evaluation, bearer(app)).json().get("identity").asText()).isEqualTo("signed");
        assertThat(identityOf(app, browserEvaluate(app, "access", "mia", null, IdentitySignature.sign(identitySecret, "mia", null, null))))
                .as("the identity secret survives too").isEqualTo("signed");
    }
}
