package io.seatguard.server.challenge;

import java.nio.charset.StandardCharsets;

/**
 * A challenge's exit URL as its page's {@code Location} header carries it. A policy's {@code success_url}
 * and {@code logout_url} may hold letters beyond ASCII ({@code https://shop.example/connexion/vérifiée}:
 * the API takes them, as {@link java.net.URI} does), and a header is bytes: Jetty wrote {@code é} as one
 * Latin-1 byte, which browsers do not read as {@code é}, and a character past U+00FF as a stand-in, so the
 * owner who passed landed on another page. Each such character is percent-encoded as UTF-8 instead, as a
 * browser encodes the URL it requests, which names the same page; ASCII, escapes included, is kept as is.
 */
final class ExitLocations {
    /**
     * The response's header block as Jetty holds it ({@code HttpConfiguration.responseHeaderSize}, which
     * the server leaves at its default): a response whose headers do not fit is answered 500 instead.
     */
    static final int RESPONSE_HEADER_BYTES = 8192;
    /** Kept for what is written after the route: the status line, {@code Date}, {@code Content-Length}. */
    static final int ROOM_AFTER_ROUTE = 512;

    private ExitLocations() {}

    /**
     * Whether a {@code Location} of {@code location} fits beside the headers the page has set already
     * ({@code headerBytes}, as {@link #headerBytes} counts them). The URLs a policy takes today (at most
     * 6,144 characters once percent-encoded, {@code PolicyParser}) leave room for the rest; one stored
     * before that limit may not fit, and its page then says so rather than fail.
     */
    static boolean fits(String location, int headerBytes) {
        return "Location: ".length() + location.length() + 2 + headerBytes + ROOM_AFTER_ROUTE <= RESPONSE_HEADER_BYTES;
    }

    /** The bytes of the headers set so far, each as {@code Name: value\r\n} (all ASCII, as the page sets them). */
    static int headerBytes(jakarta.servlet.http.HttpServletResponse response) {
        int bytes = 0;
        for (String name : response.getHeaderNames()) {
            for (String value : response.getHeaders(name)) {
                bytes += name.length() + 2 + value.length() + 2;
            }
        }
        return bytes;
    }

    static String of(String url) {
        if (url.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // Every URL a policy names in ASCII, and every return_to (stored encoded already).
            return url;
        }
        StringBuilder ascii = new StringBuilder(url.length() + 16);
        for (int i = 0; i < url.length(); ) {
            int c = url.codePointAt(i);
            int width = Character.charCount(c);
            if (c > 0x20 && c < 0x7f) {
                ascii.append((char) c);
            }
            else {
                for (byte b : url.substring(i, i + width).getBytes(StandardCharsets.UTF_8)) {
                    ascii.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4 & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
            }
            i += width;
        }
        return ascii.toString();
    }
}
