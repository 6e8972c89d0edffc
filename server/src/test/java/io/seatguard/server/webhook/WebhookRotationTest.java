package io.seatguard.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /v3/webhooks/{id}/rotate-secret} reads its body (review finding: it never did, so text that
 * is no JSON rotated, and {@code {"previous_secret_valid_for":0}} rotated with the 24 hours' overlap
 * anyway): an optional {@code previous_secret_valid_for}, any other field or value refused, and nothing rotated then.
 */
class WebhookRotationTest {
    @TempDir
    Path dataDir;

    @Test
    void aRotationTakesTheOverlapItAsksForAndRefusesAnyOtherBody() throws Exception {
        try (Receiver receiver = new Receiver(0); TestServer server = TestServer.startWith(TestServer.config(dataDir).webhookAllowPrivate(true).build())) {
            TestApp app = server.defaultApp();
            Response created = server.post("/v3/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"evaluation.created\"]}", app.bearer());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String endpoint = created.json().get("id").asText();
            String rotate = "/v3/webhooks/" + endpoint + "/rotate-secret";
            String first = created.json().get("secret").asText();

            record Refused(String body, Map<String, String> headers, int status, String field) {}
            Map<String, String> form = new HashMap<>(app.bearer());
            form.put("Content-Type", "application/x-www-form-urlencoded");
            for (Refused refused : List.of(new Refused("not json", app.bearer(), 400, "body"), new Refused("not json", form, 415, "Content-Type"),
                    new Refused("[]", app.bearer(), 400, "body"),
                    new Refused("{\"previous_secret_valid_for\":0,\"previous_key_valid_for\":0}", app.bearer(), 400, "previous_key_valid_for"),
                    new Refused("{\"previous_secret_valid_for\":-1}", app.bearer(), 400, "previous_secret_valid_for"),
                    new Refused("{\"previous_secret_valid_for\":604801}", app.bearer(), 400, "previous_secret_valid_for"),
                    new Refused("{\"previous_secret_valid_for\":1.5}", app.bearer(), 400, "previous_secret_valid_for"),
                    new Refused("{\"previous_secret_valid_for\":\"3600\"}", app.bearer(), 400, "previous_secret_valid_for"))) {
                Response answer = server.post(rotate, refused.body(), refused.headers());
                assertThat(answer.status()).as(refused.body()).isEqualTo(refused.status());
                assertThat(answer.json().get("errors").findValuesAsText("field")).as(refused.body()).containsExactly(refused.field());
            }

            Response hour = server.post(rotate, "{\"previous_secret_valid_for\":3600}", app.bearer());
            assertThat(hour.status()).as(hour.body()).isEqualTo(200);
            assertThat(Duration.between(Instant.now(), Instant.parse(hour.json().get("previous_secret_expires_at").asText())))
                    .isBetween(Duration.ofMinutes(55), Duration.ofHours(1));
            String second = hour.json().get("secret").asText();
            assertThat(second).as("the refusals rotated nothing: this is the first rotation's").isNotEqualTo(first);

            Response defaulted = server.post(rotate, null, app.bearer());
            assertThat(defaulted.status()).as("no body: 24 hours, as before").isEqualTo(200);
            assertThat(Duration.between(Instant.now(), Instant.parse(defaulted.json().get("previous_secret_expires_at").asText())))
                    .isBetween(Duration.ofHours(23), Duration.ofHours(24));
            Response empty = server.post(rotate, "{\"previous_secret_valid_for\":null}", app.bearer());
            assertThat(empty.status()).isEqualTo(200);
            assertThat(Duration.between(Instant.now(), Instant.parse(empty.json().get("previous_secret_expires_at").asText())))
                    .isBetween(Duration.ofHours(23), Duration.ofHours(24));

            Response atOnce = server.post(rotate, "{\"previous_secret_valid_for\":0}", app.bearer());
            assertThat(atOnce.status()).as(atOnce.body()).isEqualTo(200);
            assertThat(atOnce.json().get("previous_secret_expires_at").isNull()).as(atOnce.body()).isTrue();
            String last = atOnce.json().get("secret").asText();

            // The next message is signed with the newest secret alone: every replaced one stopped.
            Response evaluated = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"rot\",\"ip\":\"198.51.100.7\"}", app.bearer());
            assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
            Receiver.Received received = receiver.await(1, Duration.ofSeconds(20)).get(0);
            assertThat(received.signature().split(" ")).as("one signature").hasSize(1);
            Map<String, String> headers = Map.of("webhook-id", received.id(), "webhook-timestamp", received.timestamp(), "webhook-signature",
                    received.signature());
            assertThat(io.seatguard.sdk.Webhooks.verify(headers, received.body(), List.of(last), Instant.now()).path("type").asText())
                    .isEqualTo("evaluation.created");
        }
    }
}
