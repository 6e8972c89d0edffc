package io.seatguard.core.app;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.seatguard.core.ids.IdGenerator;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Signed identity: an app's backend vouches for the {@code user}, {@code email} and {@code phone} a
 * browser evaluation names. In browser mode these are otherwise the browser's word, and the client id
 * is public, so anyone could evaluate as anyone (and open that account's device-limit page, or have
 * codes sent to an address of their choosing).
 *
 * <p>The signature is the lower-case hex HMAC-SHA256, keyed by the whole identity secret ({@code ids_…},
 * as UTF-8 bytes), of {@code user + "\0" + email + "\0" + phone}, each exactly as sent and the empty
 * string when absent. NUL separates them because no field can hold it (the API refuses U+0000 in any
 * string), so no two different triples sign the same text. Keying by the secret's text rather than
 * decoded bytes keeps it one line in any language.
 *
 * <p>A signature may carry an expiry ({@code identity_expires}, whole seconds since 1970): the message is
 * then {@code user + "\0" + email + "\0" + phone + "\0" + expires} in decimal. Why: without one, a page's
 * signature copied out of it vouches for that identity until the secret is rotated. The expiry cannot be
 * dropped or moved without the secret (the message would change), so an app whose backend only signs
 * with expiries gets signatures that lapse, with no setting on our side; the three-field form stays valid
 * for backends that sign without.
 */
public final class IdentitySignature {
    public static final String SECRET_PREFIX = "ids_";
    /** 43 base62 characters: about 256 random bits, like the 32 random bytes of an HMAC-SHA256 key. */
    static final int SECRET_LENGTH = 43;
    /** An HMAC-SHA256 in hex. */
    public static final int HEX_LENGTH = 64;

    private IdentitySignature() {}

    public static String newSecret(IdGenerator ids) {
        return SECRET_PREFIX + ids.newSecret(SECRET_LENGTH);
    }

    /** The signature of that identity under {@code secret}, as an app's backend computes it. */
    public static String sign(String secret, Optional<String> user, Optional<String> email, Optional<String> phone) {
        return sign(secret, user, email, phone, Optional.empty());
    }

    /** As {@link #sign(String, Optional, Optional, Optional)}, good until {@code expires} (seconds since 1970) when given. */
    public static String sign(String secret, Optional<String> user, Optional<String> email, Optional<String> phone, Optional<Long> expires) {
        return HexFormat.of().formatHex(mac(secret, message(user, email, phone, expires)));
    }

    /**
     * Whether {@code signatureHex} (64 hex digits, either case) signs that identity under one of
     * {@code secrets}. Each comparison takes the same time however much of it matched.
     */
    public static boolean verifies(String signatureHex, List<String> secrets, Optional<String> user, Optional<String> email, Optional<String> phone) {
        return verifies(signatureHex, secrets, user, email, phone, Optional.empty());
    }

    /** As above, for a signature that names its expiry; whether that moment has passed is the caller's to judge. */
    public static boolean verifies(String signatureHex, List<String> secrets, Optional<String> user, Optional<String> email, Optional<String> phone,
            Optional<Long> expires) {
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signatureHex);
        }
        catch (IllegalArgumentException e) {
            return false;
        }
        byte[] message = message(user, email, phone, expires);
        boolean matched = false;
        for (String secret : secrets) {
            // Every secret is tried, so the time does not tell which one (if any) matched.
            matched |= MessageDigest.isEqual(mac(secret, message), presented);
        }
        return matched;
    }

    private static byte[] message(Optional<String> user, Optional<String> email, Optional<String> phone, Optional<Long> expires) {
        String identity = user.orElse("") + '\0' + email.orElse("") + '\0' + phone.orElse("");
        return (expires.isEmpty() ? identity : identity + '\0' + expires.get()).getBytes(UTF_8);
    }

    private static byte[] mac(String secret, byte[] message) {
        return io.seatguard.core.crypto.HmacSha256.mac(secret.getBytes(UTF_8), message);
    }
}
