package io.seatguard.intel;

import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.identity.UserAgentInfo;
import io.seatguard.core.identity.UserAgentParser;
import java.util.Locale;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * User agents read by Yauaa, a maintained rule-based analyzer that knows device classes (phone, tablet,
 * desktop…), which is the split the seeds count devices by.
 *
 * <p>Yauaa costs about two seconds and ~100 MB to build its matchers, so one analyzer is shared per
 * process and asked only for the four fields we use (fewer fields, fewer matchers). Results are cached:
 * real traffic repeats a few hundred user-agent strings endlessly.
 */
public final class YauaaUserAgentParser implements UserAgentParser {
    /** Longer headers are junk or attacks; Yauaa would truncate them anyway. */
    static final int MAX_LENGTH = 2048;

    private static final String DEVICE_CLASS = UserAgent.DEVICE_CLASS;
    private static final String AGENT_NAME = UserAgent.AGENT_NAME;
    private static final String OS_NAME = UserAgent.OPERATING_SYSTEM_NAME;
    private static final String AGENT_VERSION_MAJOR = UserAgent.AGENT_VERSION_MAJOR;
    /**
     * Yauaa's AgentClass: "Browser Webview" (Android's and iOS's web views) and "Mobile App" (an app's own
     * browser, such as Instagram's or TikTok's) are browsers inside an app. Asking for it cost nothing
     * measurable (session 73: the analyzer's build 3.1-3.3 s, an uncached parse 210-270 us, either way).
     * It does not tell a native app's own agent: the guide's {@code Acme/2.3 (iPhone; iOS 17.4)} is
     * "Special" and {@code Dalvik/} a "Browser", so {@link io.seatguard.core.identity.AppAgents} reads
     * those by their first word.
     */
    private static final String AGENT_CLASS = UserAgent.AGENT_CLASS;

    private static volatile UserAgentAnalyzer shared;

    private final UserAgentAnalyzer analyzer;

    private YauaaUserAgentParser(UserAgentAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * Starts building the process-wide analyzer on a thread of its own, for a caller with other work to do
     * before it needs the parser: a server's start spent two to four seconds here, one core busy and the
     * other idle, after migrating the store and loading the IP data on the same thread. {@link #shared}
     * then waits for that build rather than start another. A build that fails here is left for
     * {@link #shared} to try again, on the caller's thread, where its failure is reported.
     */
    public static void prepareInBackground() {
        if (shared != null) {
            return;
        }
        Thread.ofPlatform().daemon().name("seatguard-user-agent-rules").start(() -> {
            try {
                shared();
            }
            catch (Throwable e) {
                // shared() builds again on the caller's thread, and fails there if it must.
            }
        });
    }

    /** The process-wide parser, built on first use (or by {@link #prepareInBackground}, waited for). */
    public static YauaaUserAgentParser shared() {
        UserAgentAnalyzer analyzer = shared;
        if (analyzer == null) {
            synchronized (YauaaUserAgentParser.class) {
                analyzer = shared;
                if (analyzer == null) {
                    analyzer = UserAgentAnalyzer.newBuilder()
                            .hideMatcherLoadStats()
                            .withCache(20_000)
                            .withField(DEVICE_CLASS)
                            .withField(AGENT_NAME)
                            .withField(OS_NAME)
                            .withField(AGENT_VERSION_MAJOR)
                            .withField(AGENT_CLASS)
                            // Its rule files carry 5,836 sample agents with their expected readings, for
                            // Yauaa's own self-test, which we never run: kept, they held memory for nothing.
                            .dropTests()
                            .immediateInitialization()
                            .build();
                    shared = analyzer;
                }
            }
        }
        return new YauaaUserAgentParser(analyzer);
    }

    @Override
    public UserAgentInfo parse(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UserAgentInfo.UNKNOWN;
        }
        String header = HttpLibraryTokens.withoutLibraries(userAgent.length() > MAX_LENGTH ? userAgent.substring(0, MAX_LENGTH) : userAgent);
        UserAgent parsed;
        try {
            parsed = analyzer.parse(header);
        }
        catch (RuntimeException e) {
            // A parser fault must not fail an evaluation: an unreadable agent is an unknown one.
            return UserAgentInfo.UNKNOWN;
        }
        return new UserAgentInfo(deviceType(parsed.getValue(DEVICE_CLASS)), name(parsed.getValue(AGENT_NAME)), name(parsed.getValue(OS_NAME)),
                majorVersion(parsed.getValue(AGENT_VERSION_MAJOR)), inApp(parsed.getValue(AGENT_CLASS)));
    }

    /** Yauaa's AgentVersionMajor ("130"), or unknown for anything else ("??", "Unknown", absurdly long). */
    static int majorVersion(String value) {
        if (value == null || value.isEmpty() || value.length() > 6 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return UserAgentInfo.UNKNOWN_VERSION;
        }
        return Integer.parseInt(value);
    }

    /** Whether Yauaa's AgentClass is a browser inside an app. */
    static boolean inApp(String agentClass) {
        return "Browser Webview".equals(agentClass) || "Mobile App".equals(agentClass);
    }

    /** Yauaa's DeviceClass values, folded into the four classes CONTRACT.md knows. */
    static DeviceType deviceType(String deviceClass) {
        if (deviceClass == null) {
            return DeviceType.UNKNOWN;
        }
        return switch (deviceClass) {
            case "Desktop" -> DeviceType.COMPUTER;
            case "Tablet", "eReader" -> DeviceType.TABLET;
            case "Phone", "Mobile", "Watch", "Handheld Game Console" -> DeviceType.MOBILE;
            default -> DeviceType.UNKNOWN;
        };
    }

    private static String name(String value) {
        if (value == null || value.isBlank() || value.startsWith("??") || value.toLowerCase(Locale.ROOT).startsWith("unknown")) {
            return "unknown";
        }
        return value.length() > 100 ? value.substring(0, 100) : value;
    }
}
