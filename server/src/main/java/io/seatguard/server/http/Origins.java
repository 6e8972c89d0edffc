package io.seatguard.server.http;

import java.util.Collection;
import java.util.Optional;

/** The origin of a URL as a browser writes it, for checks that compare where a URL leads with an app's allowed origins. */
public final class Origins {
    private Origins() {}

    /**
     * {@code scheme://host[:port]} of an absolute http(s) URL as a browser reads it ({@link HttpUrl}):
     * scheme and host in the browser's serialization and a default port left out (RFC 6454); empty for
     * anything else. The host is the one a browser would go to, so {@code https://app.example@evil.example/}
     * is {@code https://evil.example}.
     */
    public static Optional<String> of(String url) {
        return HttpUrl.parse(url).map(HttpUrl::origin);
    }

    /**
     * {@code text} in the same serialization when it is exactly an origin, {@code http(s)://host[:port]}
     * with no user, path, query or fragment; empty for anything else. One rule for what names only a
     * site: an app's allowed origins and the server's {@code --public-url}.
     */
    public static Optional<String> exactly(String text) {
        return HttpUrl.parse(text).filter(url -> !url.hadCredentials() && url.rest().isEmpty()).map(HttpUrl::origin);
    }

    /** Whether {@code url} leads to one of {@code origins} (each compared in the same serialization). */
    public static boolean leadsTo(String url, Collection<String> origins) {
        Optional<String> origin = of(url);
        return origin.isPresent() && origins.stream().map(Origins::of).anyMatch(origin::equals);
    }
}
