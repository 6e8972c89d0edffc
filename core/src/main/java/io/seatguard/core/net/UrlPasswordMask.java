package io.seatguard.core.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * A URL as a message or a log line may show it: the password of its user info, and the value of any
 * query parameter named like a password, read {@code ***}; the user name, host, port and path stay, because
 * they are what an operator needs to see which server a message is about.
 *
 * <p>One rule for the database URL ({@code --database-url}, which pgjdbc also takes as
 * {@code jdbc:postgresql://…?password=…}) and the server URL of the {@code apps} command. Range-list
 * locations are masked more strictly ({@code ListLocation}): list providers put an API key in the user
 * name or the query, so there the whole user info and the query go.
 *
 * <p>A URL that parses is masked exactly. One that does not (an unescaped {@code @} or {@code /} in the
 * password, several hosts, no scheme) is masked from the first {@code :} of its authority to its last
 * {@code @}: that may hide more than the password, never less, which is the right side to err on for a
 * URL that is being shown only because it was refused. (The first version stopped at the first {@code @},
 * so {@code p@ss@word} showed {@code ss@word}.)
 */
public final class UrlPasswordMask {
    public static final String MASK = "***";

    /** A query parameter whose name ends in "password" ({@code password}, {@code sslpassword}), any case. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;][^=&;#]*password=)[^&;#]*");

    private UrlPasswordMask() {}

    public static String of(String url) {
        if (url == null) {
            return null;
        }
        return PASSWORD_PARAMETER.matcher(maskUserInfo(url)).replaceAll("$1" + MASK);
    }

    private static String maskUserInfo(String url) {
        // pgjdbc's URLs are "jdbc:" before a URL: read alone, "jdbc:postgresql://…" has no host.
        int offset = url.regionMatches(true, 0, "jdbc:", 0, 5) ? 5 : 0;
        try {
            URI uri = new URI(url.substring(offset));
            if (uri.getHost() != null) {
                String userInfo = uri.getRawUserInfo();
                int colon = userInfo == null ? -1 : userInfo.indexOf(':');
                if (colon < 0) {
                    return url;
                }
                // A URL with a host: its user info is exactly what follows the "//".
                int start = url.indexOf("//", offset) + 2;
                if (url.startsWith(userInfo, start)) {
                    return url.substring(0, start + colon + 1) + MASK + url.substring(start + userInfo.length());
                }
            }
        }
        catch (URISyntaxException e) {
            // Masked as text below.
        }
        // "jdbc:sqlite:/path" holds no user info: a path with an '@' in it is not a password.
        return offset > 0 && !url.contains("://") ? url : maskAsText(url);
    }

    private static String maskAsText(String url) {
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
