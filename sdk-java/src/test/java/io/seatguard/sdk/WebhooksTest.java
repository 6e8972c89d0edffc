package io.seatguard.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The Standard Webhooks test vector, and the ways a forged or stale request is refused. */
class WebhooksTest {
    // From the Standard Webhooks specification's reference libraries.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant NOW = Instant.ofEpochSecond(TIMESTAMP + 10);

    private static Map<String, String> headers(String signature, long timestamp) {
        return Map.of("Webhook-Id", ID, "Webhook-Timestamp", String.valueOf(timestamp), "Webhook-Signature", signature);
    }

    @Test
    void acceptsTheSpecificationsVectorWhateverTheHeaderCase() {
        assertThat(Webhooks.verify(headers(SIGNATURE, TIMESTAMP), BODY, List.of(SECRET), NOW).get("test").asLong()).isEqualTo(2432232314L);
        assertThat(Webhooks.verify(headers("v1,bm90IGl0 " + SIGNATURE, TIMESTAMP), BODY, List.of(SECRET), NOW)).as("any of several").isNotNull();
        assertThat(Webhooks.verify(headers(SIGNATURE, TIMESTAMP), BODY, List.of("whsec_" + "AAAA" + SECRET.substring(10), SECRET), NOW))
                .as("during a rotation").isNotNull();
    }

    /** Signs as the server does: HMAC-SHA256 of {@code id.timestamp.} and the body's bytes. */
    private static String sign(String id, long timestamp, byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    /**
     * Regression: the server sent {@code application/json} without a charset, so a servlet's
     * {@code getReader()} decoded the body as ISO-8859-1 and an event naming "Zoë" failed; the bytes verify.
     */
    @Test
    void verifiesTheRawBytesOfABodyWithNonAsciiText() throws Exception {
        byte[] body = "{\"type\":\"pattern.flagged\",\"data\":{\"user\":\"Zoë 😀\"}}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = headers(sign(ID, TIMESTAMP, body, SECRET), TIMESTAMP);
        assertThat(Webhooks.verify(headers, body, List.of(SECRET), NOW).get("data").get("user").asText()).isEqualTo("Zoë 😀");
        assertThat(Webhooks.verify(headers, new String(body, StandardCharsets.UTF_8), List.of(SECRET), NOW)).as("decoded as UTF-8").isNotNull();
        assertThatThrownBy(() -> Webhooks.verify(headers, new String(body, StandardCharsets.ISO_8859_1), List.of(SECRET), NOW))
                .as("why the bytes are the safe form").isInstanceOf(WebhookVerificationException.class);
        body[body.length - 3] ^= 1;
        assertThatThrownBy(() -> Webhooks.verify(headers, body, List.of(SECRET), NOW)).isInstanceOf(WebhookVerificationException.class);
    }

    /** The forms without a time judge the timestamp against now: one secret, or several during a rotation. */
    @Test
    void verifiesAFreshRequestAgainstNowWithOneSecretOrSeveral() throws Exception {
        long now = Instant.now().getEpochSecond();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = headers(sign(ID, now, body, SECRET), now);
        String other = "whsec_" + "B".repeat(32);
        assertThat(Webhooks.verify(headers, BODY, SECRET)).isNotNull();
        assertThat(Webhooks.verify(headers, BODY, List.of(other, SECRET))).isNotNull();
        assertThat(Webhooks.verify(headers, body, SECRET)).isNotNull();
        assertThat(Webhooks.verify(headers, body, List.of(other, SECRET))).isNotNull();
        assertThatThrownBy(() -> Webhooks.verify(headers, BODY, List.of(other))).isInstanceOf(WebhookVerificationException.class);
    }

    /** Regression: a timestamp beyond {@link Instant}'s range threw {@code DateTimeException}, a 500 in the receiver. */
    @Test
    void aTimestampBeyondAnyInstantIsRefusedAsOff() {
        for (long forged : new long[] {99_999_999_999_999_999L, -99_999_999_999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThatThrownBy(() -> Webhooks.verify(headers(SIGNATURE, forged), BODY, List.of(SECRET), NOW))
                    .as("%d", forged).isInstanceOf(WebhookVerificationException.class).hasMessageContaining("minutes off");
        }
        assertThat(Webhooks.verify(headers(SIGNATURE, TIMESTAMP), BODY, List.of(SECRET), Instant.ofEpochSecond(TIMESTAMP + 300)))
                .as("five minutes exactly is within").isNotNull();
        assertThatThrownBy(() -> Webhooks.verify(headers(SIGNATURE, TIMESTAMP), BODY, List.of(SECRET), Instant.ofEpochSecond(TIMESTAMP + 300, 1)))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("minutes off");
        assertThat(Webhooks.verify(headers(SIGNATURE, TIMESTAMP), BODY, List.of(SECRET), Instant.ofEpochSecond(TIMESTAMP - 300)))
                .as("and five minutes ahead").isNotNull();
        assertThatThrownBy(() -> Webhooks.verify(headers(SIGNATURE, TIMESTAMP), BODY, List.of(SECRET), Instant.ofEpochSecond(TIMESTAMP - 301)))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("minutes off");
    }

    @Test
    void refusesForgedTamperedStaleAndIncompleteRequests() {
        assertThatThrownBy(() -> Webhooks.verify(headers(SIGNATURE, TIMESTAMP), BODY.replace("2432232314", "2432232315"), List.of(SECRET), NOW))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("no signature");
        assertThatThrownBy(() -> Webhooks.verify(headers(SIGNATURE, TIMESTAMP), BODY, List.of("whsec_" + "B".repeat(32)), NOW))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> Webhooks.verify(headers(SIGNATURE, TIMESTAMP), BODY, List.of(SECRET), NOW.plusSeconds(600)))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("minutes off");
        assertThatThrownBy(() -> Webhooks.verify(headers("v2," + SIGNATURE.substring(3), TIMESTAMP), BODY, List.of(SECRET), NOW))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> Webhooks.verify(Map.of("webhook-id", ID), BODY, List.of(SECRET), NOW)).isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> Webhooks.verify(headers(SIGNATURE, TIMESTAMP), BODY, List.of("not-a-secret"), NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Found never run by a coverage run: a timestamp that is no number, a signature that is no base64
     * (passed over for the next one, never a crash), a signed body that is no JSON. Each is the documented
     * WebhookVerificationException, never another exception a receiver would answer 500 with.
     */
    @Test
    void aMalformedTimestampSignatureOrBodyIsAVerificationFailure() throws Exception {
        Map<String, String> wordTimestamp = Map.of("Webhook-Id", ID, "Webhook-Timestamp", "yesterday", "Webhook-Signature", SIGNATURE);
        assertThatThrownBy(() -> Webhooks.verify(wordTimestamp, BODY, List.of(SECRET), NOW)).isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("webhook-timestamp is not a number");
        assertThat(Webhooks.verify(headers("v1,%%%not*base64 " + SIGNATURE, TIMESTAMP), BODY, List.of(SECRET), NOW))
                .as("an undecodable signature is passed over for the next").isNotNull();
        assertThatThrownBy(() -> Webhooks.verify(headers("v1,%%%not*base64", TIMESTAMP), BODY, List.of(SECRET), NOW))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("no signature matches");
        byte[] notJson = "not json {".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Webhooks.verify(headers(sign(ID, TIMESTAMP, notJson, SECRET), TIMESTAMP), notJson, List.of(SECRET), NOW))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("the body is not JSON");
    }
}
