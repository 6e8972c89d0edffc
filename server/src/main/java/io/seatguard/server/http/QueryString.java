package io.seatguard.server.http;

import io.seatguard.core.error.SeatguardException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a query string as strictly as Jetty reads a path: an escape is {@code %} and two hex digits, and
 * the bytes escaped are UTF-8. Javalin's own reader decoded a malformed escape to nothing, so
 * {@code ?limit=%zz} answered as if no limit were given, and {@code ?level=%zz} listed every level (found
 * in review); bad UTF-8 became U+FFFD, which a filter would then search for. A path with either is
 * refused by Jetty before routing ({@link HttpApi}, {@link ProtocolProblems}).
 *
 * <p>Parameters are split on {@code &} and named up to the first {@code =}, as browsers' URLSearchParams
 * does: a {@code +} is a space, a name without {@code =} has the empty value, and an empty piece (the
 * trailing {@code &} URL builders leave) is no parameter at all.
 */
final class QueryString {
    static final String MALFORMED = "is not UTF-8 percent-encoded: each % must be followed by two hex digits (a % itself is %25)";
    /** Jetty's reading of raw bytes in the request line that are not UTF-8 (see {@link #parameters(String)}). */
    private static final char REPLACEMENT = '\uFFFD';
    static final String RAW_NOT_UTF8 = "holds raw bytes that are not UTF-8 (or a raw U+FFFD): escape each byte past ASCII as % and two hex digits";

    private QueryString() {}

    /**
     * The parameters by name, each with its values in order; a fault naming the parameter (or {@code request}, for a name) if one cannot be read.
     *
     * <p>Raw bytes (not escaped) that are not UTF-8 never reach us: Jetty reads the request line as UTF-8 and
     * puts U+FFFD for each byte it cannot read, with nothing to tell, so {@code ?ip=<0xFF>} was taken as an
     * address of U+FFFD. A raw U+FFFD in the query as Jetty hands it over is therefore refused: a client
     * that meant the character sends it escaped ({@code %EF%BF%BD}) as browsers escape every byte past ASCII
     * in a query, and that still decodes. A form body is read from its bytes ({@link #formBody}) and needs no such rule.
     */
    static Map<String, List<String>> parameters(String query) {
        if (query != null && query.indexOf(REPLACEMENT) >= 0) {
            refuseRawReplacement(query);
        }
        return parameters(query, "query parameter");
    }

    /** Refuses the first parameter whose raw name or value holds U+FFFD, naming it when its name can be read. */
    private static void refuseRawReplacement(String query) {
        for (String piece : query.split("&", -1)) {
            int equals = piece.indexOf('=');
            String rawName = equals < 0 ? piece : piece.substring(0, equals);
            if (rawName.indexOf(REPLACEMENT) >= 0) {
                throw SeatguardException.invalid("request", "has a query parameter whose name " + RAW_NOT_UTF8);
            }
            if (piece.indexOf(REPLACEMENT) >= 0) {
                String name = decode(rawName).orElseThrow(() -> SeatguardException.invalid("request", "has a query parameter whose name " + MALFORMED));
                throw name.isEmpty()
                        ? SeatguardException.invalid("request", "has a query parameter with no name whose value " + RAW_NOT_UTF8)
                        : SeatguardException.invalid(name, RAW_NOT_UTF8);
            }
        }
    }

    /**
     * The fields of an {@code application/x-www-form-urlencoded} body, which is written as a query is, read
     * as strictly: Javalin's form reader took {@code %zz} for an absent field too.
     */
    static Map<String, List<String>> formFields(String body) {
        return parameters(body, "form field");
    }

    /**
     * A form body as text, in the charset it declares. One in UTF-8 (every page's form is posted so; a body
     * declaring none is read as UTF-8) must be well-formed: read as it came, each stray byte became U+FFFD,
     * a field other than the one sent (a list's account id, a policy's value), as {@code %FF} did before
     * {@link #decode} refused it. Browsers escape every byte past ASCII, so none of theirs is refused.
     */
    static String formBody(byte[] body, String declaredCharset) {
        java.nio.charset.Charset charset = declaredCharset == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(declaredCharset);
        if (charset.equals(StandardCharsets.UTF_8) && !Utf8.isWellFormed(body)) {
            throw SeatguardException.invalid("request", "has a form body that is not UTF-8: escape each byte past ASCII as % and two hex digits");
        }
        return new String(body, charset);
    }

    private static Map<String, List<String>> parameters(String query, String what) {
        if (query == null || query.isEmpty()) {
            // Most requests (every SDK call) have none: no map made for them.
            return Map.of();
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String piece : query.split("&", -1)) {
            if (piece.isEmpty()) {
                continue;
            }
            int equals = piece.indexOf('=');
            String name = decode(equals < 0 ? piece : piece.substring(0, equals))
                    .orElseThrow(() -> SeatguardException.invalid("request", "has a " + what + " whose name " + MALFORMED));
            String value = decode(equals < 0 ? "" : piece.substring(equals + 1))
                    .orElseThrow(() -> SeatguardException.invalid(name, MALFORMED));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** The text an encoded name or value stands for; empty when an escape is malformed or the bytes are not UTF-8. */
    static Optional<String> decode(String encoded) {
        if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
            return Optional.of(encoded);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 1 < encoded.length() ? hex(encoded.charAt(i + 1)) : -1;
                int low = i + 2 < encoded.length() ? hex(encoded.charAt(i + 2)) : -1;
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            }
            else if (c == '+') {
                bytes.write(' ');
            }
            else {
                // Anything else stands for itself, as the UTF-8 bytes of its character (a raw é in the request line).
                int end = Character.isHighSurrogate(c) && i + 1 < encoded.length() ? i + 2 : i + 1;
                bytes.writeBytes(encoded.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        byte[] decoded = bytes.toByteArray();
        return Utf8.isWellFormed(decoded) ? Optional.of(new String(decoded, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** An ASCII hex digit's value, else -1: {@code Character.digit} alone takes other scripts' digits too. */
    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }
}
