package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a webhook request from Seatguard (Standard Webhooks): the {@code webhook-signature} must hold
 * a {@code v1} HMAC-SHA256 of {@code id.timestamp.body} under one of your secrets, and the timestamp must
 * be within five minutes of now.
 *
 * <p>Pass the body's bytes exactly as received: the signature covers bytes, and a body decoded with the
 * wrong charset (a servlet's {@code getReader()} defaults to ISO-8859-1 when a request names none) no
 * longer matches once it holds any non-ASCII text. The {@code String} forms are for a body already
 * decoded as UTF-8, which Seatguard's is ({@code Content-Type: application/json; charset=utf-8}).
 */
public final class Webhooks {
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Webhooks() {}

    /** The event ({@code {type, timestamp, data}}) when the request is Seatguard's; else {@link WebhookVerificationException}. */
    public static JsonNode verify(Map<String, String> headers, byte[] body, String secret) {
        return verify(headers, body, List.of(secret), Instant.now());
    }

    /** With several secrets, during a rotation: any one that verifies will do. */
    public static JsonNode verify(Map<String, String> headers, byte[] body, List<String> secrets) {
        return verify(headers, body, secrets, Instant.now());
    }

    /** With several secrets and the time to judge the timestamp against. */
    public static JsonNode verify(Map<String, String> headers, byte[] body, List<String> secrets, Instant now) {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        String id = lower.get("webhook-id");
        String timestamp = lower.get("webhook-timestamp");
        String signatures = lower.get("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            throw new WebhookVerificationException("missing webhook-id, webhook-timestamp or webhook-signature");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        }
        catch (NumberFormatException e) {
            throw new WebhookVerificationException("webhook-timestamp is not a number");
        }
        if (!withinTolerance(seconds, now)) {
            throw new WebhookVerificationException("webhook-timestamp is more than " + TOLERANCE.toMinutes() + " minutes off");
        }
        for (String secret : secrets) {
            byte[] expected = sign(id, seconds, body, secret);
            for (String candidate : signatures.trim().split(" ")) {
                if (!candidate.startsWith("v1,")) {
                    continue;
                }
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(candidate.substring(3));
                }
                catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    try {
                        return JSON.readTree(body);
                    }
                    catch (IOException e) {
                        throw new WebhookVerificationException("the body is not JSON");
                    }
                }
            }
        }
        throw new WebhookVerificationException("no signature matches");
    }

    /** A body already decoded as UTF-8; see the class comment for why the bytes are safer. */
    public static JsonNode verify(Map<String, String> headers, String body, String secret) {
        return verify(headers, body.getBytes(StandardCharsets.UTF_8), List.of(secret), Instant.now());
    }

    /** A body already decoded as UTF-8, with several secrets during a rotation. */
    public static JsonNode verify(Map<String, String> headers, String body, List<String> secrets) {
        return verify(headers, body.getBytes(StandardCharsets.UTF_8), secrets, Instant.now());
    }

    /** A body already decoded as UTF-8, with several secrets and the time to judge the timestamp against. */
    public static JsonNode verify(Map<String, String> headers, String body, List<String> secrets, Instant now) {
        return verify(headers, body.getBytes(StandardCharsets.UTF_8), secrets, now);
    }

    /**
     * Compared in seconds before any {@link Instant} is made of the header: a forged timestamp beyond
     * Instant's range would otherwise throw {@code DateTimeException}, a 500 in the receiver.
     */
    private static boolean withinTolerance(long seconds, Instant now) {
        Instant earliest = now.minus(TOLERANCE);
        Instant latest = now.plus(TOLERANCE);
        if (seconds < earliest.getEpochSecond() || seconds > latest.getEpochSecond()) {
            return false;
        }
        Instant at = Instant.ofEpochSecond(seconds);
        return !at.isBefore(earliest) && !at.isAfter(latest);
    }

    private static byte[] sign(String id, long seconds, byte[] body, String secret) {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("a webhook secret starts with whsec_");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + seconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
