package io.seatguard.core.challenge;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Six-digit codes, kept only as an HMAC keyed with a server secret and bound to their challenge. A
 * plain hash of a six-digit code is reversed by trying all million codes; keyed, a copy of the
 * challenges table alone reveals nothing (the operator can keep the key out of the database with
 * {@code --code-key}), and a code never verifies another challenge.
 */
public final class VerificationCodes {
    public static final int DIGITS = 6;

    private final byte[] key;
    private final RandomGenerator random;

    /** @param random a cryptographically strong generator in production ({@code SecureRandom}) */
    public VerificationCodes(byte[] key, RandomGenerator random) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the code key must be at least 16 bytes");
        }
        this.key = key.clone();
        this.random = requireNonNull(random, "random is null");
    }

    /**
     * The code a person typed, as the {@link #DIGITS} ASCII digits it was sent as, or empty when what
     * was typed cannot be a code at all (letters, too few or too many digits). Spaces and hyphens are
     * dropped ("123 456", "123-456"), and digits of other scripts are read as the digits they are (a
     * keyboard set to Arabic types "١٢٣٤٥٦"), so a person who has the right code is not told it is wrong.
     */
    public static Optional<String> typed(String text) {
        if (text == null) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(DIGITS);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.DASH_PUNCTUATION) {
                continue;
            }
            int digit = Character.digit(c, 10);
            if (digit < 0 || digits.length() == DIGITS) {
                return Optional.empty();
            }
            digits.append((char) ('0' + digit));
        }
        return digits.length() == DIGITS ? Optional.of(digits.toString()) : Optional.empty();
    }

    /**
     * {@link #DIGITS} ASCII digits, uniform. Formatted in {@link Locale#ROOT}: the JVM's default locale wrote
     * Arabic-Indic digits on a server whose JVM runs in {@code ar-EG} (Persian, Bengali, Marathi ones
     * elsewhere), a code {@link #typed} never reads back, so no owner there could pass (found in review).
     */
    public String newCode() {
        return String.format(Locale.ROOT, "%0" + DIGITS + "d", random.nextInt(1_000_000));
    }

    public String hash(String challengeId, String code) {
        return HexFormat.of().formatHex(io.seatguard.core.crypto.HmacSha256.mac(key, (challengeId + ":" + code).getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares in constant time, so response timing says nothing about how close a guess was. */
    public boolean matches(String challengeId, String code, String storedHash) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return false;
        }
        return MessageDigest.isEqual(hash(challengeId, code).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
