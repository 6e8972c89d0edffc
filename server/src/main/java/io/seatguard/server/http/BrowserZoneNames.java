package io.seatguard.server.http;

import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which {@code device.timezone} values are zone names as browsers report them
 * ({@code Intl.DateTimeFormat().resolvedOptions().timeZone}).
 *
 * <p>Two kinds are taken. A zone the JDK knows, less the System V names ({@code ZoneId.of} also takes
 * offsets such as {@code +05:00} and {@code UTC+5}, which no browser sends and which place nobody). And a
 * zone newer than the JDK's data: browsers ship the tz database in every release, a server's JDK is
 * updated less often, and IANA adds zones (America/Ciudad_Juarez in 2022, America/Coyhaique in 2025, both
 * in Chromium's list). Refusing those failed every evaluation from such a browser with a 400; taken, the
 * zone is kept and its {@code timezone_mismatch} is unknown, as for a browser that sent none. A newer name
 * is recognized by the rules the tz database sets itself for new names (its {@code theory.html}): an
 * area it uses, then one or two parts of ASCII letters, {@code .}, {@code -} and {@code _}, at most 14
 * characters each, no digits.
 */
final class BrowserZoneNames {
    /** Read once: {@code ZoneId.getAvailableZoneIds()} copies its set on every call, and nearly every evaluation names a zone. */
    private static final Set<String> KNOWN = ZoneId.getAvailableZoneIds().stream().filter(zone -> !zone.startsWith("SystemV/"))
            .collect(Collectors.toUnmodifiableSet());
    /** The tz database's areas for geographic zones; {@code Etc}'s fixed offsets are all old, and every JDK knows them. */
    private static final Pattern NEWER = Pattern.compile(
            "(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)(/[A-Za-z][A-Za-z._-]{0,13}){1,2}");

    private BrowserZoneNames() {}

    static boolean isZone(String name) {
        return KNOWN.contains(name) || isNewerZoneName(name);
    }

    /** Whether a name is one the tz database could add, known to this JDK or not. */
    static boolean isNewerZoneName(String name) {
        return NEWER.matcher(name).matches();
    }
}
