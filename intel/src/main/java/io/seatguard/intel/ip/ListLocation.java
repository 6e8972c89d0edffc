package io.seatguard.intel.ip;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
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
                uri = URI.create(trimmed);
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + trimmed + "' is not a valid URL");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("'" + trimmed + "' has no host");
            }
            return new ListLocation(Optional.empty(), Optional.of(uri));
        }
        return new ListLocation(Optional.of(Path.of(trimmed)), Optional.empty());
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
