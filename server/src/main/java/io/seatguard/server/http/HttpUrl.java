package io.seatguard.server.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An absolute http(s) URL read as a browser reads it (WHATWG URL), and written back in a form that every
 * parser reads the same way.
 *
 * <p>Why not {@link URI} alone: it follows RFC 2396, which refuses characters browsers leave raw in
 * {@code location.href} ({@code %} not followed by two hex digits, {@code | ^ { } ` " < > \}, a second
 * {@code #}, {@code [ ]} in a path). The SDK sends {@code location.href} as {@code return_to}, so a page
 * at {@code ?x=%} would otherwise get no evaluation at all, and a sharer could switch protection off by
 * editing the URL. Those characters are percent-encoded here instead, as a browser encodes them in the
 * URLs it requests; every server reads {@code %7C} in a path or query as it reads {@code |}.
 *
 * <p>What is written back ({@link #text}) is plain ASCII with no spaces or control characters (safe in
 * a {@code Location} header): the scheme and host in the browser's serialization ({@link UrlHosts}), the
 * port unless it is the scheme's default, no user name or password (a browser navigates to the host
 * after the last {@code @}: {@code https://app.example@evil.example/} is {@code evil.example}, and
 * credentials have no business in a stored URL), a backslash in the path turned into the slash a
 * browser reads it as ({@code https://app.example\@evil.example} is a path on {@code app.example}).
 * Where a browser's reading is less plain it is refused rather than guessed: control characters, a
 * trailing space, slashes other than exactly {@code //} after the scheme, more than one {@code @}, a
 * host that is not plainly a domain or an IP address, a port outside 1–65535.
 *
 * @param scheme {@code http} or {@code https}
 * @param host as {@link UrlHosts#canonical} writes it
 * @param port -1 for the scheme's default
 * @param hadCredentials whether the URL named a user (dropped from {@link #text})
 * @param rest the path, query and fragment, percent-encoded where needed
 */
record HttpUrl(String scheme, String host, int port, boolean hadCredentials, String rest) {
    private static final Pattern START = Pattern.compile("(?i)(https?)://");
    /** What RFC 3986 (and {@link URI}) take unencoded in a path; the query and fragment also take {@code ? [ ]}. */
    private static final String PATH_SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/";
    private static final String QUERY_SAFE = PATH_SAFE + "?[]";

    /** The URL as a browser would navigate to it, or empty when it is no absolute http(s) URL or its reading is in doubt. */
    static Optional<HttpUrl> parse(String text) {
        Matcher start = START.matcher(text);
        if (!start.lookingAt() || text.endsWith(" ") || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        String scheme = start.group(1).toLowerCase(Locale.ROOT);
        int authorityStart = start.end();
        int authorityEnd = authorityStart;
        while (authorityEnd < text.length() && "/\\?#".indexOf(text.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        if (authorityEnd == authorityStart) {
            // https:///evil.example and https:/\evil.example are evil.example to a browser: too easy to misread.
            return Optional.empty();
        }
        String authority = text.substring(authorityStart, authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at >= 0 && authority.indexOf('@') != at) {
            return Optional.empty();
        }
        String hostPort = authority.substring(at + 1);
        int portColon = hostPort.startsWith("[") ? hostPort.indexOf(':', Math.max(hostPort.indexOf(']'), 0)) : hostPort.indexOf(':');
        String hostText = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
        Optional<String> host = UrlHosts.canonical(hostText);
        int port = portColon < 0 ? -1 : port(hostPort.substring(portColon + 1));
        if (host.isEmpty() || port == 0) {
            return Optional.empty();
        }
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
        }
        Optional<String> rest = encodedRest(text.substring(authorityEnd));
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        HttpUrl url = new HttpUrl(scheme, host.get(), port, at >= 0, rest.get());
        return url.readsTheSameToUri() ? Optional.of(url) : Optional.empty();
    }

    /** {@code scheme://host[:port]}: the origin a browser's {@code Origin} header would name (RFC 6454). */
    String origin() {
        return scheme + "://" + host + (port == -1 ? "" : ":" + port);
    }

    /** The whole URL, without credentials, encoded as described above. */
    String text() {
        return origin() + rest;
    }

    /** 1–65535, -1 when empty (a browser reads {@code https://x:/} as the default port), 0 when it is no port. */
    private static int port(String digits) {
        if (digits.isEmpty()) {
            return -1;
        }
        if (digits.length() > 16 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        long value = Long.parseLong(digits);
        return value >= 1 && value <= 65_535 ? (int) value : 0;
    }

    /**
     * Path, query and fragment with every character RFC 3986 does not allow there percent-encoded
     * (UTF-8), a {@code %} kept only where it starts an escape, and a path's backslashes turned into slashes.
     */
    private static Optional<String> encodedRest(String rest) {
        StringBuilder out = new StringBuilder(rest.length());
        int part = 0; // 0 path, 1 query, 2 fragment
        for (int i = 0; i < rest.length(); ) {
            int c = rest.codePointAt(i);
            int width = Character.charCount(c);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                // A lone surrogate: no character, so no UTF-8 to encode it as.
                return Optional.empty();
            }
            if (c == '?' && part == 0) {
                part = 1;
                out.append('?');
            }
            else if (c == '#' && part < 2) {
                part = 2;
                out.append('#');
            }
            else if (c == '\\' && part == 0) {
                out.append('/');
            }
            else if (c == '%' && i + 2 < rest.length() && isHex(rest.charAt(i + 1)) && isHex(rest.charAt(i + 2))) {
                out.append(rest, i, i + 3);
                width = 3;
            }
            else if (c < 0x80 && (part == 0 ? PATH_SAFE : QUERY_SAFE).indexOf(c) >= 0) {
                out.append((char) c);
            }
            else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4 & 0xf, 16))).append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
            }
            i += width;
        }
        return Optional.of(out.toString());
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Defence in depth: the text must also parse as a {@link URI} naming the same host and port (every later reader uses one). */
    private boolean readsTheSameToUri() {
        try {
            URI uri = new URI(text());
            return host.equals(uri.getHost()) && port == uri.getPort() && uri.getRawUserInfo() == null;
        }
        catch (URISyntaxException e) {
            return false;
        }
    }
}
