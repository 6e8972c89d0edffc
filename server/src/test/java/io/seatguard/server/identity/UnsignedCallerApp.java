package io.seatguard.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import java.util.Map;

/**
 * An app of its own on a test server, for the tests of what an unsigned browser call (anyone holding the
 * public client id) can do to an account and what a vouched evaluation (the secret key, or a signature)
 * then sees: the calls each side makes, and the stored evaluation read back with the secret key.
 */
final class UnsignedCallerApp {
    static final String DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN);

    private final TestServer server;
    private final JsonNode app;

    private UnsignedCallerApp(TestServer server, JsonNode app) {
        this.server = server;
        this.app = app;
    }

    /** A new app named Shop on {@code server}. */
    static UnsignedCallerApp create(TestServer server) {
        Response created = server.post("/v3/apps", "{\"name\":\"Shop\"}", ADMIN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new UnsignedCallerApp(server, created.json());
    }

    /** The identity secret the app was created with, which signs a page's identity. */
    String identitySecret() {
        return app.get("identity_secret").asText();
    }

    String clientId() {
        return app.get("client_id").asText();
    }

    Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + app.get("secret_key").asText());
    }

    /** A browser's call from {@code from} (the loopback test client is a trusted proxy), not checked. */
    Response browserEvaluate(JsonNode body, String from) {
        return server.post("/v3/evaluate", body.toString(), Map.of("User-Agent", DESKTOP, "X-Forwarded-For", from));
    }

    /** The stored evaluation of an answered call, with its checks and how its identity was believed. */
    JsonNode evaluation(Response evaluated) {
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
        return evaluation(evaluated.json());
    }

    JsonNode evaluation(JsonNode evaluated) {
        return server.get("/v3/evaluations/" + evaluated.get("evaluation_id").asText(), bearer()).json();
    }
}
