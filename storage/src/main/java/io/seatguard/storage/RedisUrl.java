package io.seatguard.storage;

import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Whether a Redis URL is one {@link RedisLink#open} can use, said before anything starts and in words
 * that never repeat the URL: it may hold a password. Lettuce's own refusals quote the whole URL (a
 * {@code %} not written {@code %25} in the password gave "Malformed escape pair at index 16:
 * redis://:hunter2%secret@…" on the console), or say only {@code For input string: "abc"}, and came at
 * the connect, as a failed start (exit status 1) rather than a bad setting (2).
 */
public final class RedisUrl {
    private RedisUrl() {}

    /** What is wrong with {@code url}, as a clause to follow "the Redis URL: ", or empty when Redis can be reached by it. */
    public static Optional<String> fault(String url) {
        if (url == null || !url.matches("rediss?://\\S+")) {
            return Optional.of("write it as redis://host:6379 (or rediss:// for TLS)");
        }
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException e) {
            return Optional.of("not a URL: write a '%', '@', '/' or ':' in the user name or password percent-encoded (%25, %40, %2F, %3A)");
        }
        // java.net.URI leaves the host out when it cannot read the authority as host:port (a port that is no
        // number, a host name with '_'); Lettuce then took "host:port" for a host name and failed to connect.
        if (uri.getHost() == null) {
            return Optional.of("name a host (letters, digits, '-' and '.', no '_'; an IPv4 address; or an IPv6 one in brackets) and, if not"
                    + " 6379, a port from 1 to 65535, as redis://host:6379");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            return Optional.of("the port must be a number from 1 to 65535, not " + uri.getPort());
        }
        try {
            RedisURI.create(url);
        }
        catch (IllegalArgumentException e) {
            String path = uri.getPath() == null ? "" : uri.getPath();
            if (path.length() > 1) {
                return Optional.of("the database, after the host's '/', must be a number from 0 (Redis has 16, 0 to 15, unless its databases"
                        + " setting says otherwise), not '" + path.substring(1) + "'");
            }
            return Optional.of("not a Redis URL such as redis://user:password@host:6379/0");
        }
        return Optional.empty();
    }
}
