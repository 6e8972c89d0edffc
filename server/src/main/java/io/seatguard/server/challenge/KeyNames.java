package io.seatguard.server.challenge;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Names of attempt-limit buckets in a shared store: the HMAC-SHA-256 of what the bucket counts (an
 * account, an email address or phone number, a client address), so the store never holds the address.
 * Keyed, not a plain hash: a plain hash of an email address or phone number is reversed by hashing the
 * candidates. The key is the server's code key, kept for such secrets already; a domain prefix keeps
 * these hashes apart from the codes' (VerificationCodes), which hash {@code challenge:code}.
 */
final class KeyNames {
    private static final String DOMAIN = "attempt-limit|";

    private final SecretKeySpec key;

    KeyNames(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the key of attempt-limit names must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** Lower-case hex, the same on every node with the same key. */
    String hash(String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((DOMAIN + name).getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
