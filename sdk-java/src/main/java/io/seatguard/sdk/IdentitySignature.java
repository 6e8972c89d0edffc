package io.seatguard.sdk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the identity your pages pass to the browser SDK ({@code evaluate.*({user, email, phone,
 * identity_signature})}), so Seatguard knows your backend named the account and not whoever holds the
 * public client id. Compute it on your server when you render the page; the identity secret
 * ({@code ids_…}) never goes to the browser.
 *
 * <pre>{@code
 * String signature = IdentitySignature.sign(System.getenv("SEATGUARD_IDENTITY_SECRET"), user.id(), user.email(), null);
 * // render user.id(), user.email() and signature into the page, and pass all three to evaluate.access(…)
 * }</pre>
 *
 * <p>The signature is the lower-case hex HMAC-SHA256, keyed by the whole secret as UTF-8, of
 * {@code user + "\0" + email + "\0" + phone}; pass exactly the values the page sends, {@code null} for
 * one it does not send (it leaves it out: a value sent as {@code ""} is refused).
 *
 * <p>Give it an expiry ({@link #sign(String, String, String, String, Instant)}) and pass the same
 * moment as {@code identity_expires} (whole seconds since 1970): a signature copied out of the page then
 * stops working at that moment, instead of when the identity secret is next rotated.
 *
 * <pre>{@code
 * Instant expires = Instant.now().plus(Duration.ofHours(12));
 * String signature = IdentitySignature.sign(secret, user.id(), user.email(), null, expires);
 * // render expires.getEpochSecond() too, and pass it as identity_expires
 * }</pre>
 */
public final class IdentitySignature {
    private IdentitySignature() {}

    /**
     * @param identitySecret the app's identity secret, {@code ids_…}
     * @param user the account id the page evaluates, or null
     * @param email the email it passes, or null
     * @param phone the phone number it passes, or null
     */
    public static String sign(String identitySecret, String user, String email, String phone) {
        return mac(identitySecret, nonNull(user) + '\0' + nonNull(email) + '\0' + nonNull(phone));
    }

    /**
     * As {@link #sign(String, String, String, String)}, good until {@code expires}; the page passes
     * {@code expires.getEpochSecond()} as {@code identity_expires}. Sub-second parts are dropped.
     */
    public static String sign(String identitySecret, String user, String email, String phone, Instant expires) {
        if (expires == null) {
            throw new IllegalArgumentException("expires is null (use the four-argument sign for a signature without one)");
        }
        return mac(identitySecret, nonNull(user) + '\0' + nonNull(email) + '\0' + nonNull(phone) + '\0' + expires.getEpochSecond());
    }

    private static String mac(String identitySecret, String message) {
        if (identitySecret == null || !identitySecret.startsWith("ids_")) {
            throw new IllegalArgumentException("an identity secret starts with ids_");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(identitySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
