package io.seatguard.server.cli;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A server URL as a message may show it: a password in its user info reads {@code ***}
 * ({@code http://ops:***@10.0.0.5:8080}). {@code --url http://user:password@host} (a proxy in front that
 * asks for one) was repeated whole in every message that names the server, so a failed command put the
 * password onto the terminal, into a CI log or a support ticket (review finding).
 */
final class RedactedUrl {
    static final String MASK = "***";

    private RedactedUrl() {}

    static String of(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() != null) {
                // A URL with a host: its user info is exactly what precedes the host.
                String userInfo = uri.getRawUserInfo();
                int colon = userInfo == null ? -1 : userInfo.indexOf(':');
                if (colon < 0) {
                    return url;
                }
                int start = url.indexOf("//") + 2;
                if (url.startsWith(userInfo, start)) {
                    return url.substring(0, start + colon + 1) + MASK + url.substring(start + userInfo.length());
                }
            }
        }
        catch (URISyntaxException e) {
            // Masked as text below.
        }
        return asText(url);
    }

    /**
     * A URL the command refuses (no scheme, an unescaped character in the password, no host): whatever
     * lies between the first {@code :} past the scheme and the last {@code @} is masked. That may mask more
     * than a password (an {@code @} further on), never less: the URL is shown only to say it was refused.
     */
    private static String asText(String url) {
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int at = url.lastIndexOf('@');
        int colon = url.indexOf(':', start);
        if (at < start || colon < 0 || colon > at) {
            return url;
        }
        return url.substring(0, colon + 1) + MASK + url.substring(at);
    }
}
