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
 * per-type device counts were off the same way. The operating system is corrected too, to {@link #IPAD_SYSTEM},
 * the name the parser gives an iPad that says it is one: an owner notice read "Safari on macOS (tablet)"
 * and the device-limit page listed the iPad as a Mac. The browser is kept as the user agent gave it. (A
 * headset that sends Safari's macOS agent with touch points would be read so too: a tablet is the nearer
 * of the four types for it.)
 */
public final class TouchMacs {
    /** The SDK's name for {@code navigator.maxTouchPoints}. */
    static final String TOUCH_POINTS = "touch_points";
    /** The user-agent parser's name for an iPad's system when the iPad says what it is ({@code CPU OS 12_5 like Mac OS X}). */
    static final String IPAD_SYSTEM = "iOS";

    private TouchMacs() {}

    /** The user agent's reading, as an iPad (a tablet on iOS) when it names macOS and the browser reports more than one touch point. */
    public static UserAgentInfo corrected(UserAgentInfo agent, DeviceSignals signals) {
        // The touch points first: a map read, where most computers stop (0 on every desktop browser but a touch laptop's).
        if (agent.type() == DeviceType.COMPUTER && signals.components().get(TOUCH_POINTS) instanceof Number points && points.doubleValue() > 1
                && isMac(agent.os())) {
            return new UserAgentInfo(DeviceType.TABLET, agent.browser(), IPAD_SYSTEM, agent.browserMajor(), agent.inApp());
        }
        return agent;
    }

    /** Yauaa's operating system names for macOS: "Mac OS" (and "Mac OS X", "macOS" in other versions). */
    private static boolean isMac(String os) {
        String name = os.toLowerCase(Locale.ROOT).replace(" ", "");
        return name.equals("macos") || name.equals("macosx");
    }
}
