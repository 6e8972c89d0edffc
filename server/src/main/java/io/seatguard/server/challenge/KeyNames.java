package io.seatguard.server.challenge;

import io.seatguard.core.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Names of attempt-limit buckets in a shared store: the HMAC-SHA-256 of what the bucket counts (an
 * account, an email address or phone number, a client address), so the store never holds the address.
 * Keyed, not a plain hash: a plain hash of an email address or phone number is reversed by hashing the
 * candidates. The key is the server's code key, kept for such secrets already; a domain prefix keeps
 * these hashes apart from the codes' (VerificationCodes), which hash {@code challenge:code}.
 */
final class KeyNames {
    private static final String DOMAIN = "attempt-limit|";

    private final byte[] key;

    KeyNames(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the key of attempt-limit names must be at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** Lower-case hex, the same on every node with the same key. */
    String hash(String name) {
        return HexFormat.of().formatHex(HmacSha256.mac(key, (DOMAIN + name).getBytes(StandardCharsets.UTF_8)));
    }
}
