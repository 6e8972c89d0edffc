package io.seatguard.core.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256, which every JVM has: webhook signatures, signed identities, verification codes' hashes and
 * the names of attempt-limit buckets all key it differently and feed it their own message.
 */
public final class HmacSha256 {
    private HmacSha256() {}

    /** The 32-byte MAC of {@code message} under {@code key}. */
    public static byte[] mac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
