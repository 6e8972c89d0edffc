package io.seatguard.server.dashboard;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dashboard page an anonymous visitor asked for, to open once they have signed in: only a relative
 * path under {@code /dashboard} on this server, with its query, held to a strict form so that it can
 * never send a browser elsewhere (an open redirect a phishing link could use). Anything else is not
 * taken, and the sign-in opens the overview as it always did.
 *
 * <p>Refused: anything not starting {@code /dashboard} followed by the end, {@code /} or {@code ?} (so no
 * scheme, no host, no {@code //host} or {@code /\host}, which browsers read as another host, and no
 * {@code /dashboardx}); a character outside unreserved, {@code /?&=%+,:@} (no backslash, space, control
 * character, quote, angle bracket or {@code #}); {@code //} anywhere; a {@code .} or {@code ..} segment
 * or a {@code %} in the path, which could walk out of {@code /dashboard} once decoded; the sign-in and
 * sign-out pages themselves; and more than 2,000 characters.
 */
final class NextPage {
    static final String PARAMETER = "next";
    private static final int MAX_LENGTH = 2_000;
    private static final Pattern ALLOWED = Pattern.compile("/dashboard(?:[/?][A-Za-z0-9\\-._~/?&=%+,:@]*)?");

    private NextPage() {}

    /** {@code target} when it is a dashboard page to send a signed-in operator to; else empty. */
    static Optional<String> of(String target) {
        if (target == null || target.length() > MAX_LENGTH || !ALLOWED.matcher(target).matches() || target.contains("//")) {
            return Optional.empty();
        }
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        if (path.contains("%") || path.equals("/dashboard/login") || path.equals("/dashboard/logout")) {
            return Optional.empty();
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(target);
    }
}
