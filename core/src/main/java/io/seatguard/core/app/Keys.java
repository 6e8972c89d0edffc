package io.seatguard.core.app;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.seatguard.core.identity.Fingerprint;
import io.seatguard.core.ids.IdGenerator;
import java.security.MessageDigest;

/**
 * The shapes of Seatguard's keys and how they are checked.
 *
 * <p>A secret key is {@code sk_} and 40 base62 characters (238 bits). Its first 12 characters after the
 * prefix are a lookup handle, stored in clear and indexed, so authentication reads one row; the whole
 * key is then compared by SHA-256 in constant time ({@link MessageDigest#isEqual}). A fast hash is
 * right here: the key is random, so there is no dictionary to slow down, unlike a password.
 */
public final class Keys {
    public static final String CLIENT_ID_PREFIX = "pk_";
    public static final String SECRET_PREFIX = "sk_";
    private static final int SECRET_LENGTH = 40;
    private static final int LOOKUP_LENGTH = 12;

    private Keys() {}

    public static String newClientId(IdGenerator ids) {
        return CLIENT_ID_PREFIX + ids.newSecret(24);
    }

    public static String newSecretKey(IdGenerator ids) {
        return SECRET_PREFIX + ids.newSecret(SECRET_LENGTH);
    }

    public static String newAdminToken(IdGenerator ids) {
        return "sgadm_" + ids.newSecret(40);
    }

    public static boolean looksLikeSecretKey(String key) {
        return key != null && key.length() == SECRET_PREFIX.length() + SECRET_LENGTH && key.startsWith(SECRET_PREFIX)
                && key.chars().skip(SECRET_PREFIX.length()).allMatch(Keys::isBase62);
    }

    public static StoredSecret store(String secretKey) {
        return new StoredSecret(lookupOf(secretKey), hash(secretKey));
    }

    public static String lookupOf(String secretKey) {
        return secretKey.substring(SECRET_PREFIX.length(), SECRET_PREFIX.length() + LOOKUP_LENGTH);
    }

    public static String hash(String key) {
        return Fingerprint.sha256Hex(key);
    }

    /** Compares a presented key with a stored hash without leaking, through timing, how much of it matched. */
    public static boolean matches(String presented, String storedHash) {
        return MessageDigest.isEqual(hash(presented).getBytes(UTF_8), storedHash.getBytes(UTF_8));
    }

    private static boolean isBase62(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
