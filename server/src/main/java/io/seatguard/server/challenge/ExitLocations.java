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
    private ExitLocations() {}

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
