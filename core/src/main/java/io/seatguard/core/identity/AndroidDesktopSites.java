package io.seatguard.core.identity;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Android devices asking for the desktop site. Chrome on Android then sends desktop Linux's user agent
 * ({@code X11; Linux x86_64}) and client hints to match (platform "Linux", not mobile), and does so by
 * default on large tablets since Chrome 110 ("Chrome enables desktop mode by default on premium
 * tablets"), so the user agent alone reads such a tablet as a computer. Two things the page itself reads
 * still tell: {@code navigator.platform}, which Android keeps as an ARM Linux ({@code Linux armv81}, frozen
 * by the user-agent reduction) where a desktop Linux says {@code Linux x86_64}, and
 * {@code navigator.maxTouchPoints} (5 or 10 on a touch screen). The SDK sends both ({@code platform},
 * {@code touch_points}).
 *
 * <p>Both are asked for, not the touch points alone, so that a Linux laptop with a touch screen stays a
 * computer; a browser that spoofed the platform too would stay one as well, as before. A phone asking for
 * the desktop site (a setting per site) is told from a tablet by its screen: Android's own line, a
 * shorter side under 600 CSS pixels, is a phone's. Why it matters is {@link TouchMacs}'s reason: seed
 * 001's concurrency compares sessions of one device type. The operating system is corrected to {@link
 * #ANDROID_SYSTEM} too (the page's own platform says so), so that an owner notice and the device-limit page
 * do not call the tablet a Linux computer; the browser stays as the user agent gave it.
 */
public final class AndroidDesktopSites {
    /** Android's {@code navigator.platform}: {@code Linux armv81} (reduced), {@code Linux armv8l}, {@code Linux aarch64}, {@code Linux armv7l}. */
    private static final Pattern ARM_LINUX = Pattern.compile("linux (arm|aarch64).*");
    /** The SDK's screen: the larger side first ({@code 1280x800}). */
    private static final Pattern SCREEN = Pattern.compile("(\\d{1,5})x(\\d{1,5})");
    /** The user-agent parser's name for Android, as for a device that says it runs it. */
    static final String ANDROID_SYSTEM = "Android";
    /** Android's smallest width of a tablet layout (sw600dp), in CSS pixels. */
    static final int TABLET_SHORTER_SIDE = 600;

    private AndroidDesktopSites() {}

    /** The user agent's reading, as an Android tablet or phone when it names desktop Linux and the page reports an ARM Linux with a touch screen. */
    public static UserAgentInfo corrected(UserAgentInfo agent, DeviceSignals signals) {
        // The touch points first: a map read, where most computers stop.
        if (agent.type() == DeviceType.COMPUTER && signals.components().get(TouchMacs.TOUCH_POINTS) instanceof Number points && points.doubleValue() > 1
                && agent.os().equals("Linux") && signals.components().get("platform") instanceof String platform
                && ARM_LINUX.matcher(platform.toLowerCase(Locale.ROOT)).matches()) {
            return new UserAgentInfo(isPhoneScreen(signals.components().get("screen")) ? DeviceType.MOBILE : DeviceType.TABLET, agent.browser(), ANDROID_SYSTEM,
                    agent.browserMajor(), agent.inApp());
        }
        return agent;
    }

    /** Whether the SDK's screen has a shorter side under a tablet's; no screen, or one unread, is a tablet's (the default desktop mode's). */
    private static boolean isPhoneScreen(Object screen) {
        if (!(screen instanceof String text)) {
            return false;
        }
        Matcher sides = SCREEN.matcher(text);
        return sides.matches() && Math.min(Integer.parseInt(sides.group(1)), Integer.parseInt(sides.group(2))) < TABLET_SHORTER_SIDE;
    }
}
