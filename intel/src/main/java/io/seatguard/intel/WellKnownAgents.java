package io.seatguard.intel;

import java.util.Map;
import java.util.Optional;

/**
 * The browser and operating-system names a message to a person may repeat, by the names
 * {@link YauaaUserAgentParser} gives them.
 *
 * <p>Yauaa names a browser it does not recognise by the last product token of the header, and the
 * header is whatever the caller sent: {@code … Chrome/120.0 Safari/537.36
 * Account-suspended.Restore-it-at-evil-example.com/9} is the browser
 * {@code Account-suspended.Restore-it-at-evil-example.com}. An owner notice goes to an address the
 * caller may choose too, so repeating that name would let anyone with the public client id send
 * their own words, links or phone numbers from the app's mail server. Only the families below
 * reach a message; anything else is worded as an unknown browser or system.
 *
 * <p>The keys are Yauaa's spellings ({@code AgentName}, {@code OperatingSystemName}); the values
 * are what people call them. A family left out is merely worded as unknown, so the list stays short:
 * the browsers and systems most people use, and nothing that a header can spell differently.
 */
public final class WellKnownAgents {
    private static final Map<String, String> BROWSERS = Map.ofEntries(
            Map.entry("Chrome", "Chrome"),
            Map.entry("Chromium", "Chromium"),
            Map.entry("Firefox", "Firefox"),
            Map.entry("Safari", "Safari"),
            Map.entry("Edge", "Edge"),
            Map.entry("Opera", "Opera"),
            Map.entry("Opera Mobile", "Opera"),
            Map.entry("Opera Mini", "Opera Mini"),
            Map.entry("SamsungBrowser", "Samsung Internet"),
            Map.entry("Brave", "Brave"),
            Map.entry("Vivaldi", "Vivaldi"),
            Map.entry("Yandex Browser", "Yandex Browser"),
            Map.entry("UCBrowser", "UC Browser"),
            Map.entry("Huawei Browser", "Huawei Browser"),
            Map.entry("DuckDuckGo", "DuckDuckGo"),
            Map.entry("Internet Explorer", "Internet Explorer"));

    private static final Map<String, String> SYSTEMS = Map.ofEntries(
            Map.entry("Windows NT", "Windows"),
            Map.entry("Windows Phone", "Windows Phone"),
            Map.entry("Mac OS", "macOS"),
            Map.entry("iOS", "iOS"),
            Map.entry("iPadOS", "iPadOS"),
            Map.entry("Android", "Android"),
            Map.entry("Linux", "Linux"),
            Map.entry("Ubuntu", "Ubuntu"),
            Map.entry("Fedora", "Fedora"),
            Map.entry("Chrome OS", "ChromeOS"),
            Map.entry("HarmonyOS", "HarmonyOS"));

    private WellKnownAgents() {
    }

    /** The browser's common name, if the parser's name is one of the well-known families. */
    public static Optional<String> browser(String parsed) {
        return Optional.ofNullable(parsed).map(BROWSERS::get);
    }

    /** The operating system's common name, if the parser's name is one of the well-known families. */
    public static Optional<String> system(String parsed) {
        return Optional.ofNullable(parsed).map(SYSTEMS::get);
    }
}
