package io.seatguard.sdk;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The server's address, as every API path is appended to it. Checked once, in the builder: a query or
 * fragment in it ({@code https://sg.example.com?env=prod}) swallowed every path after it, and a doubled
 * trailing slash made {@code //v3/…}; each call then went to another route, whose 404 a deletion took
 * for "nothing was there" ({@code eraseAccount} answered false and erased nothing).
 */
final class BaseUrl {
    private BaseUrl() {}

    /** The address without its trailing slashes, or {@link IllegalArgumentException} saying what is wrong with it. */
    static String of(String value) {
        URI uri;
        try {
            uri = new URI(value);
        }
        catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL");
        }
        if (uri.getHost() == null) {
            // The JDK's client takes no host it cannot parse (my_host, with an underscore) and would refuse every call.
            throw new IllegalArgumentException("baseUrl names no host the HTTP client can use (letters, digits, dots and hyphens): " + value);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must not hold a query (?…) or a fragment (#…): the API's paths are added after it: " + value);
        }
        String base = value;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }
}
