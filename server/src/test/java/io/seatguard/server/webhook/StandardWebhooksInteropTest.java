package io.seatguard.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.svix.Webhook;
import com.svix.exceptions.WebhookVerificationException;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.http.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real deliveries, checked by an implementation of Standard Webhooks that is not ours: Svix's Java library
 * ({@code com.svix:svix}, {@link Webhook#verify}). The other webhook tests verify with our SDK, which shares
 * its reading of the spec with the signer: a mistake made in both (the signed string, the key's decoding,
 * the header's form) would pass there and fail at every receiver that uses a published library.
 */
class StandardWebhooksInteropTest {
    @TempDir
    Path dataDir;

    @Test
    void aPublishedVerifierAcceptsDeliveriesRedeliveriesAndEitherSecretDuringRotation() throws Exception {
        try (Receiver receiver = new Receiver(0); TestServer server = TestServer.startWith(TestServer.config(dataDir).webhookAllowPrivate(true).build())) {
            TestApp app = server.defaultApp();
            Response created = server.post("/v3/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"evaluation.created\"]}", app.bearer());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String endpoint = created.json().get("id").asText();
            String first = created.json().get("secret").asText();

            // A normal delivery; the user is non-ASCII so the signature covers UTF-8 bytes, not just ASCII.
            evaluate(server, app, "zoë-東京");
            Receiver.Received delivery = receiver.await(1, Duration.ofSeconds(20)).get(0);
            assertThat(Json.MAPPER.readTree(delivery.body()).at("/data/user").asText()).isEqualTo("zoë-東京");
            assertThat(delivery.signature().split(" ")).as("one secret, one signature").hasSize(1);
            assertVerifies(delivery, first);
            // The control: the library does reject, so the acceptances above mean something.
            String stranger = "whsec_" + Base64.getEncoder().encodeToString("a secret this endpoint never had".getBytes());
            assertThatThrownBy(() -> new Webhook(stranger).verify(delivery.body(), delivery.headers()))
                    .isInstanceOf(WebhookVerificationException.class);
            assertThatThrownBy(() -> new Webhook(first).verify(delivery.body() + " ", delivery.headers())).as("a body changed by one byte")
                    .isInstanceOf(WebhookVerificationException.class);

            // A redelivery: the same webhook-id, a new timestamp, still verifiable.
            String redeliver = "/v3/webhooks/" + endpoint + "/deliveries/" + delivery.id() + "/redeliver";
            assertThat(server.post(redeliver, null, app.bearer()).status()).isEqualTo(202);
            Receiver.Received again = receiver.await(2, Duration.ofSeconds(20)).get(1);
            assertThat(again.id()).isEqualTo(delivery.id());
            assertThat(again.body()).isEqualTo(delivery.body());
            assertVerifies(again, first);

            // Rotation with the default overlap: two signatures in the header, either secret verifies alone.
            String second = server.post("/v3/webhooks/" + endpoint + "/rotate-secret", null, app.bearer()).json().get("secret").asText();
            evaluate(server, app, "ana");
            Receiver.Received rotated = receiver.await(3, Duration.ofSeconds(20)).get(2);
            assertThat(rotated.signature().split(" ")).as(rotated.signature()).hasSize(2);
            assertVerifies(rotated, second);
            assertVerifies(rotated, first);

            // A second rotation within the overlap: three signatures, and a redelivery during it, each secret alone verifies.
            String third = server.post("/v3/webhooks/" + endpoint + "/rotate-secret", null, app.bearer()).json().get("secret").asText();
            assertThat(server.post(redeliver, null, app.bearer()).status()).isEqualTo(202);
            Receiver.Received redeliveredDuringRotation = receiver.await(4, Duration.ofSeconds(20)).get(3);
            assertThat(redeliveredDuringRotation.id()).isEqualTo(delivery.id());
            assertThat(redeliveredDuringRotation.signature().split(" ")).as(redeliveredDuringRotation.signature()).hasSize(3);
            for (String secret : List.of(third, second, first)) {
                assertVerifies(redeliveredDuringRotation, secret);
            }
        }
    }

    private static void evaluate(TestServer server, TestApp app, String user) {
        Response evaluated = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"" + user + "\",\"ip\":\"198.51.100.7\"}", app.bearer());
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
    }

    /** What a receiver using Svix's library does: the body as received, the request's headers as they came. */
    private static void assertVerifies(Receiver.Received received, String secret) {
        assertThatCode(() -> new Webhook(secret).verify(received.body(), received.headers()))
                .as("%s verified with %s", received.signature(), secret).doesNotThrowAnyException();
    }
}
