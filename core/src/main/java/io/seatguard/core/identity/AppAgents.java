package io.seatguard.core.identity;

import java.util.Optional;

/**
 * Whether a user agent is an app's rather than a browser's, for words addressed to a person (an owner
 * notice's "an app on iOS"), not for any decision: the header is the caller's.
 *
 * <p>Every browser in use, and the web views inside apps, begin their agent with {@code Mozilla/}. A
 * native app that follows the integration guide sends its own ({@code Acme/2.3 (iPhone; iOS 17.4)}), or
 * its system's or HTTP library's default ({@code Acme/5 CFNetwork/… Darwin/…}, {@code Dalvik/2.1.0 …},
 * {@code okhttp/4.12.0}). The user-agent parser cannot tell these apart: it names the app by its product
 * token and puts it in a generic class (Yauaa's {@code AgentClass} reads the guide's agents as "Special",
 * and {@code Dalvik/} as a browser). A script's agent ({@code curl/8.5.0}) is an app here too, which is
 * no less true than "an unknown browser".
 */
public final class AppAgents {
    private static final String BROWSER_PREFIX = "mozilla/";

    private AppAgents() {
    }

    /** True for an agent that does not begin as a browser's; false for a browser's, and for none at all. */
    public static boolean isApp(Optional<String> userAgent) {
        return userAgent.map(String::strip)
                .filter(agent -> !agent.isEmpty())
                .map(agent -> !agent.regionMatches(true, 0, BROWSER_PREFIX, 0, BROWSER_PREFIX.length()))
                .orElse(false);
    }
}
