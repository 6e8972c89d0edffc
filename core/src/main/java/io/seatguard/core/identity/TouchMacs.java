package io.seatguard.core.identity;

import java.util.Locale;

/**
 * iPads that say they are Macs. Since iPadOS 13, Safari on an iPad (and Chrome on one, which asks for
 * the desktop site too) sends the user agent of Safari on macOS, so the user agent alone reads every such
 * iPad as a computer. The browser itself still tells: {@code navigator.maxTouchPoints} is 5 on an iPad and
 * 0 on every Mac, which has no touch screen. The SDK sends it as the {@code touch_points} component.
 *
 * <p>Why it matters: seed 001's concurrency counts only sessions of the same device type, so that one
 * person's laptop and tablet in use at once, on two networks (the tablet on a mobile network), are not
 * called sharing. An iPad read as a computer was one of the two computers of such a pair, and the
 * per-type device counts were off the same way. Only the type is corrected: the user agent's browser and
 * operating system are kept as it gave them (a headset that sends Safari's macOS agent with touch points
 * would be one too, and a tablet is the nearer of the four types for it).
 */
public final class TouchMacs {
    /** The SDK's name for {@code navigator.maxTouchPoints}. */
    static final String TOUCH_POINTS = "touch_points";

    private TouchMacs() {}

    /** The user agent's reading, as a tablet when it names macOS and the browser reports more than one touch point. */
    public static UserAgentInfo corrected(UserAgentInfo agent, DeviceSignals signals) {
        // The touch points first: a map read, where most computers stop (0 on every desktop browser but a touch laptop's).
        if (agent.type() == DeviceType.COMPUTER && signals.components().get(TOUCH_POINTS) instanceof Number points && points.doubleValue() > 1
                && isMac(agent.os())) {
            return new UserAgentInfo(DeviceType.TABLET, agent.browser(), agent.os(), agent.browserMajor());
        }
        return agent;
    }

    /** Yauaa's operating system names for macOS: "Mac OS" (and "Mac OS X", "macOS" in other versions). */
    private static boolean isMac(String os) {
        String name = os.toLowerCase(Locale.ROOT).replace(" ", "");
        return name.equals("macos") || name.equals("macosx");
    }
}
