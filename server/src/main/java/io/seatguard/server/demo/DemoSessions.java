package io.seatguard.server.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed cookie values for the demo: a session ({@code user}) or a login or signup waiting for its
 * challenge ({@code kind, subject, evaluation id}). Fields are base64url-encoded, joined with dots, with
 * an expiry and an HMAC under a key made at start (a restart signs everyone out).
 */
final class DemoSessions {
    private final byte[] key = new byte[32];

    DemoSessions() {
        new SecureRandom().nextBytes(key);
    }

    String sign(List<String> fields, Instant expires) {
        StringBuilder value = new StringBuilder();
        for (String field : fields) {
            value.append(Base64.getUrlEncoder().withoutPadding().encodeToString(field.getBytes(UTF_8))).append('.');
        }
        value.append(expires.getEpochSecond());
        return value + "." + mac(value.toString());
    }

    /** The fields of a value this class signed that has not expired, else empty. */
    Optional<List<String>> verify(String signed, int fieldCount, Instant now) {
        if (signed == null) {
            return Optional.empty();
        }
        int lastDot = signed.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.empty();
        }
        String value = signed.substring(0, lastDot);
        if (!MessageDigest.isEqual(mac(value).getBytes(UTF_8), signed.substring(lastDot + 1).getBytes(UTF_8))) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.");
        if (parts.length != fieldCount + 1) {
            return Optional.empty();
        }
        try {
            if (!Instant.ofEpochSecond(Long.parseLong(parts[fieldCount])).isAfter(now)) {
                return Optional.empty();
            }
            String[] fields = new String[fieldCount];
            for (int i = 0; i < fieldCount; i++) {
                fields[i] = new String(Base64.getUrlDecoder().decode(parts[i]), UTF_8);
            }
            return Optional.of(List.of(fields));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String mac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(UTF_8)));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
