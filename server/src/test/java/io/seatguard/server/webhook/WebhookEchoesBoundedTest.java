package io.seatguard.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding: the webhook routes echoed what the client sent, whole: an endpoint's or a message's id
 * from the path in a 404 (up to ~3,000 characters), every unknown field's name in a create's or a
 * rotation's 400. They now answer as the account routes and {@code NoBody} do: an id cut to 64
 * characters, at most 20 unknown fields named, each name cut to 64.
 */
class WebhookEchoesBoundedTest {
    private static final String LONG = "x".repeat(3000);
    private static final String CUT = "x".repeat(64) + "…";

    @TempDir
    Path dataDir;

    @Test
    void notFoundAnswersCutTheIdTheyEcho() {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).webhookAllowPrivate(true).build())) {
            TestApp app = server.defaultApp();
            String endpoint = created(server, app);
            for (Response missing : List.of(server.get("/v3/webhooks/wh_" + LONG, app.bearer()),
                    server.get("/v3/webhooks/wh_" + LONG + "/deliveries", app.bearer()),
                    server.post("/v3/webhooks/wh_" + LONG + "/rotate-secret", null, app.bearer()),
                    server.send("DELETE", "/v3/webhooks/wh_" + LONG, null, app.bearer()))) {
                assertThat(missing.status()).as(missing.body()).isEqualTo(404);
                assertThat(missing.json().get("detail").asText()).as("the endpoint's id, cut").contains("webhook wh_" + "x".repeat(61) + "…")
                        .hasSizeLessThan(200);
            }
            for (Response missing : List.of(server.get("/v3/webhooks/" + endpoint + "/deliveries/msg_" + LONG, app.bearer()),
                    server.post("/v3/webhooks/" + endpoint + "/deliveries/msg_" + LONG + "/redeliver", null, app.bearer()))) {
                assertThat(missing.status()).as(missing.body()).isEqualTo(404);
                assertThat(missing.json().get("detail").asText()).as("the message's id, cut").contains("delivery msg_" + "x".repeat(60) + "…")
                        .hasSizeLessThan(200);
            }
        }
    }

    @Test
    void unknownFieldsAreNamedAtMostTwentyEachCut() {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).webhookAllowPrivate(true).build())) {
            TestApp app = server.defaultApp();
            String endpoint = created(server, app);
            // Thirty names of a thousand characters: within the body's size limit.
            StringBuilder fields = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                fields.append(",\"").append(i).append("x".repeat(1000)).append("\":1");
            }
            Response create = server.post("/v3/webhooks", "{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"evaluation.created\"]" + fields + "}",
                    app.bearer());
            Response rotate = server.post("/v3/webhooks/" + endpoint + "/rotate-secret", "{" + fields.substring(1) + "}", app.bearer());
            for (Response refused : List.of(create, rotate)) {
                assertThat(refused.status()).as(refused.body()).isEqualTo(400);
                List<String> named = refused.json().get("errors").findValuesAsText("field");
                assertThat(named).as("twenty of thirty").hasSize(20).allSatisfy(field -> assertThat(field).hasSize(65).endsWith("…"));
                assertThat(named.get(0)).isEqualTo("0" + "x".repeat(63) + "…");
                assertThat(refused.body()).hasSizeLessThan(10_000);
            }
        }
    }

    private static String created(TestServer server, TestApp app) {
        Response created = server.post("/v3/webhooks", "{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"evaluation.created\"]}", app.bearer());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }
}
