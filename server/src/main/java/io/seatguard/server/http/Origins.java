package io.seatguard.server.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The origin of a URL as a browser writes it, for checks that compare where a URL leads with an app's allowed origins. */
public final class Origins {
    private Origins() {}

    /**
     * {@code scheme://host[:port]} of an absolute http(s) URL, scheme and host lower-cased and a default
     * port left out (RFC 6454's serialization); empty for anything else. The host is the URI's own, so
     * {@code https://app.example@evil.example/} is {@code https://evil.example}.
     */
    public static Optional<String> of(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        }
        catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code url} leads to one of {@code origins} (each compared in the same serialization). */
    public static boolean leadsTo(String url, Collection<String> origins) {
        Optional<String> origin = of(url);
        return origin.isPresent() && origins.stream().map(Origins::of).anyMatch(origin::equals);
    }
}
