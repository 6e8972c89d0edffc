package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.intel.ip.ZoneTable;
import io.seatguard.server.browser.Chromium;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The zone names Chromium reports, against what Seatguard does with {@code device.timezone}: every name
 * is taken, and an address in a country is never a timezone mismatch for a browser in one of that
 * country's zones. Chromium's lists come from its own ICU and CLDR data, which is updated with every
 * browser release and not with the server's JDK, so this compares two independent copies of the tz data.
 */
class ZonesChromiumReportsBrowserTest {
    /** Every zone Chromium knows, and the zones CLDR places in each two-letter region. */
    private static final String ZONES = """
            const regions = {};
            for (let a = 65; a < 91; a++) {
              for (let b = 65; b < 91; b++) {
                const region = String.fromCharCode(a, b);
                try {
                  const locale = new Intl.Locale('und-' + region);
                  const zones = locale.getTimeZones ? locale.getTimeZones() : locale.timeZones;
                  if (zones && zones.length) {
                    regions[region] = zones;
                  }
                } catch (e) {
                }
              }
            }
            return {all: Intl.supportedValuesOf('timeZone'), regions: regions};""";
    /** A winter, a summer, and days on which some zones have changed offset and others not yet. */
    private static final List<Instant> INSTANTS = List.of(Instant.parse("2026-01-15T12:00:00Z"), Instant.parse("2026-07-15T12:00:00Z"),
            Instant.parse("2026-03-29T12:00:00Z"), Instant.parse("2026-10-30T12:00:00Z"));

    private static Map<String, Object> chromium;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readChromiumsZones(@TempDir Path work) {
        Chromium.requireInstalled();
        ChromeDriver browser = Chromium.start(work.resolve("profile"), false);
        try {
            browser.get("about:blank");
            chromium = (Map<String, Object>) browser.executeScript(ZONES);
        }
        finally {
            browser.quit();
        }
    }

    @AfterAll
    static void forget() {
        chromium = null;
    }

    /**
     * Every zone is taken, and every geographic one would be taken by the rule for zones newer than the
     * JDK's data alone: the rule fits every real name, so the next zone IANA adds is not refused either.
     */
    @Test
    void everyZoneChromiumReportsIsTakenAndFitsTheRuleForNewerZones() {
        TreeSet<String> names = new TreeSet<>(all());
        regions().values().forEach(names::addAll);
        List<String> refused = names.stream().filter(name -> !BrowserZoneNames.isZone(name)).toList();
        List<String> outsideTheRule = names.stream().filter(name -> !name.startsWith("Etc/") && !name.equals("UTC"))
                .filter(name -> !BrowserZoneNames.isNewerZoneName(name)).toList();

        assertThat(refused).as("of %d names", names.size()).isEmpty();
        assertThat(outsideTheRule).as("of %d names", names.size()).isEmpty();
        assertThat(names).hasSizeGreaterThan(400);
    }

    /**
     * An address's zones are every zone {@code zone.tab} gives its country ({@link ZoneTable}), and a
     * timezone mismatch is called when the browser's offset is none of theirs. A browser in a zone CLDR
     * places in that country must never be one, at any time of year: that would flag every user there.
     */
    @Test
    void noBrowserIsAMismatchWithAnAddressInItsOwnCountry() {
        ZoneTable table = ZoneTable.bundled();
        List<String> mismatches = new ArrayList<>();
        int pairs = 0;
        for (Map.Entry<String, List<String>> region : regions().entrySet()) {
            List<ZoneId> candidates = table.candidates(Optional.of(region.getKey()));
            if (candidates.isEmpty()) {
                // A code zone.tab does not list (SU, YU: retired) gives no zones, so no mismatch is ever called.
                continue;
            }
            for (String name : region.getValue()) {
                ZoneId browser = ZoneId.of(name);
                pairs++;
                for (Instant at : INSTANTS) {
                    ZoneOffset offset = browser.getRules().getOffset(at);
                    if (candidates.stream().noneMatch(zone -> zone.getRules().getOffset(at).equals(offset))) {
                        mismatches.add(region.getKey() + " " + name + " at " + at + " (" + offset + ")");
                    }
                }
            }
        }
        assertThat(mismatches).as("of %d country and zone pairs", pairs).isEmpty();
        assertThat(pairs).isGreaterThan(400);
    }

    @SuppressWarnings("unchecked")
    private static List<String> all() {
        return (List<String>) chromium.get("all");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> regions() {
        return (Map<String, List<String>>) chromium.get("regions");
    }
}
