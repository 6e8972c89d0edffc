package io.seatguard.core.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} keyed by the
 * base64 part of a {@code whsec_} secret. While a rotated secret overlaps, the header carries one
 * signature per secret, space-separated, and a receiver accepts any.
 */
public final class WebhookSignature {
    public static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {}

    public static String header(String messageId, long timestampSeconds, String body, List<String> secrets) {
        return secrets.stream().map(secret -> "v1," + sign(messageId, timestampSeconds, body, secret)).collect(Collectors.joining(" "));
    }

    public static String sign(String messageId, long timestampSeconds, String body, String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        byte[] signature = io.seatguard.core.crypto.HmacSha256.mac(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())),
                (messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signature);
    }

    /** A new secret: 24 random bytes, base64, after {@code whsec_}. */
    public static String newSecret(java.util.random.RandomGenerator random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }
}
