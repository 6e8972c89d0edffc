package io.seatguard.intel.ip;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an operator's list lives: a local file or an http(s) URL. Parsed from configuration text; a URL is
 * anything starting with {@code http://} or {@code https://}, everything else is a path.
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

    @Override
    public String toString() {
        return file.map(Path::toString).orElseGet(() -> url.orElseThrow().toString());
    }
}
