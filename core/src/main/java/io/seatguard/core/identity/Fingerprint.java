package io.seatguard.core.identity;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The exact fingerprint of a set of components: a SHA-256 over a canonical encoding, so the same
 * components always give the same id whatever order the SDK sent them in.
 *
 * <p>The encoding is, in name order, each name and typed value prefixed by its length
 * ({@code 6:screen11:s:1920x1080}), so no value can contain text that reads as another component. The
 * type letter keeps {@code "1"} (string) apart from {@code 1} (number); numbers are written in their
 * shortest plain decimal form so {@code 2} and {@code 2.0} agree.
 */
public final class Fingerprint {
    private static final int ID_HEX_CHARS = 32;

    private Fingerprint() {}

    /** Empty when there are no components to fingerprint. */
    public static Optional<String> of(SortedMap<String, Object> components) {
        if (components.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder(components.size() * 32);
        for (Map.Entry<String, Object> entry : components.entrySet()) {
            String value = encode(entry.getValue());
            canonical.append(entry.getKey().length()).append(':').append(entry.getKey())
                    .append(value.length()).append(':').append(value);
        }
        return Optional.of(sha256Hex(canonical.toString()).substring(0, ID_HEX_CHARS));
    }

    /** The typed, canonical text of one component value ({@code n:2} for both 2 and 2.0). */
    static String encode(Object value) {
        return switch (value) {
            case String text -> "s:" + text;
            case Boolean flag -> "b:" + flag;
            case Number number -> "n:" + new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
            default -> throw new IllegalArgumentException("unsupported component value " + value.getClass());
        };
    }

    /** Hex SHA-256 of a string; also used to store device tokens without keeping them in clear. */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
