package io.seatguard.intel.ip;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an operator's list lives: a local file or an http(s) URL. Parsed from configuration text; a URL is
 * anything starting with {@code http://} or {@code https://}, everything else is a path. Its text form
 * leaves a URL's credentials out (see {@link #toString()}).
 */
public record ListLocation(Optional<Path> file, Optional<URI> url) {
    public ListLocation {
        requireNonNull(file, "file is null");
        requireNonNull(url, "url is null");
        if (file.isPresent() == url.isPresent()) {
            throw new IllegalArgumentException("a list location is a file or a URL");
        }
    }

    public static ListLocation parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("list location is empty");
        }
        if (trimmed.startsWith("http://") || trimmed.startsWith("https://")) {
            URI uri;
            try {
                uri = new URI(trimmed);
            }
            catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + withoutSecrets(trimmed) + "' is not a valid URL: " + e.getReason().toLowerCase(Locale.ROOT));
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("'" + withoutSecrets(trimmed) + "' has no host, or a port that is not a number");
            }
            // URI takes any digits as a port; one out of range would start and then fail every fetch.
            if (uri.getPort() == 0 || uri.getPort() > 65_535) {
                throw new IllegalArgumentException("'" + withoutSecrets(trimmed) + "' has port " + uri.getPort() + ": a port is from 1 to 65535");
            }
            return new ListLocation(Optional.empty(), Optional.of(uri));
        }
        return new ListLocation(Optional.of(Path.of(trimmed)), Optional.empty());
    }

    /**
     * Configuration text that may be a URL, as an error may show it when it does not parse: user info
     * (whatever comes between {@code ://} and the last {@code @}) masked as {@code ***}, and everything
     * from the {@code ?} or {@code #} after it left out, as {@link #toString()} leaves them out of a URL
     * that parsed. Stricter than the database URL's mask (core's {@code UrlPasswordMask}, which keeps the
     * user name and the query): list providers put an API key in the user name or the query. Text that
     * does not parse may hold a {@code /}, {@code ?} or {@code #} in its password, so the last {@code @}
     * is taken, at the cost of masking a path that has one.
     */
    public static String withoutSecrets(String text) {
        String shown = text;
        int authority = shown.indexOf("://");
        int at = shown.lastIndexOf('@');
        if (authority >= 0 && at > authority) {
            shown = shown.substring(0, authority + 3) + "***" + shown.substring(at);
        }
        int from = authority >= 0 ? Math.max(authority, shown.lastIndexOf('@')) : 0;
        for (int i = from; i < shown.length(); i++) {
            if (shown.charAt(i) == '?' || shown.charAt(i) == '#') {
                return shown.substring(0, i);
            }
        }
        return shown;
    }

    /**
     * How the location is shown: in source names ({@code /readyz}, which answers without a token, and
     * every evaluation's {@code detection_sources}), in errors and in the log. A URL shows its scheme,
     * host, port and path only: user info, query and fragment are where list providers put credentials.
     */
    @Override
    public String toString() {
        return file.map(Path::toString).orElseGet(() -> shown(url.orElseThrow()));
    }

    private static String shown(URI uri) {
        StringBuilder shown = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            shown.append(':').append(uri.getPort());
        }
        return shown.append(uri.getRawPath() == null ? "" : uri.getRawPath()).toString();
    }
}
