package io.seatguard.intel.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.intel.Coordinates;
import io.seatguard.core.intel.SourceRef;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZoneTableTest {
    private final ZoneTable zones = ZoneTable.bundled();

    @Test
    void anAddressGetsEveryZoneOfItsCountry() {
        assertThat(zones.candidates(Optional.of("US"))).as("the whole country, far zones too")
                .contains(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"), ZoneId.of("America/Denver"), ZoneId.of("America/Los_Angeles"),
                        ZoneId.of("America/Anchorage"), ZoneId.of("Pacific/Honolulu"));
    }

    /**
     * Review finding (timezone_mismatch false positives): with only the zones whose reference city lay
     * within 1,000 km, Dallas got America/Indiana/Vincennes, Fort Worth, Austin and San Antonio got
     * America/Denver, and Seattle got America/Boise, so a browser in its own zone mismatched.
     */
    @Test
    void aBrowserInItsOwnZoneAgreesWithTheZonesDerivedForItsCity() {
        Map<String, Coordinates> central = Map.of(
                "Dallas", new Coordinates(32.7767, -96.7970, 50),
                "Fort Worth", new Coordinates(32.7555, -97.3308, 50),
                "Austin", new Coordinates(30.2672, -97.7431, 50),
                "San Antonio", new Coordinates(29.4241, -98.4936, 50));
        central.forEach((city, point) -> assertAgrees(city, point, "America/Chicago"));
        assertAgrees("Seattle", new Coordinates(47.6062, -122.3321, 50), "America/Los_Angeles");
        assertAgrees("Spokane", new Coordinates(47.6588, -117.4260, 50), "America/Los_Angeles");
    }

    private void assertAgrees(String city, Coordinates point, String browserZone) {
        // The city as a DB-IP record gives it (no zone of its own), read the way every lookup is.
        List<ZoneId> candidates = MmdbLocator.toLocation(Map.of("country_code", "US", "city", city, "latitude", point.latitude(),
                "longitude", point.longitude()), new SourceRef("test", Optional.empty()), zones).orElseThrow().zones();
        ZoneId browser = ZoneId.of(browserZone);
        for (Instant at : List.of(Instant.parse("2026-01-15T18:00:00Z"), Instant.parse("2026-07-15T18:00:00Z"))) {
            ZoneOffset offset = browser.getRules().getOffset(at);
            assertThat(candidates).as(city + " at " + at).anyMatch(zone -> zone.getRules().getOffset(at).equals(offset));
        }
        assertThat(candidates).as(city).contains(browser);
    }

    @Test
    void everyZoneOfTheCountryIsACandidate() {
        assertThat(zones.candidates(Optional.of("FR"))).containsExactly(ZoneId.of("Europe/Paris"));
        assertThat(zones.candidates(Optional.of("AU"))).hasSizeGreaterThan(5).contains(ZoneId.of("Australia/Sydney"));
    }

    @Test
    void aCountryWithoutZonesOrNoCountryGivesNone() {
        assertThat(zones.candidates(Optional.of("ZZ"))).isEmpty();
        assertThat(zones.candidates(Optional.empty())).isEmpty();
    }

    @Test
    void readsSecondsInCoordinatesAndSkipsBadRows() {
        ZoneTable table = ZoneTable.parse("# comment\nXX\t+404251-0740023\tAmerica/New_York\nYY\tbad\tEurope/Paris\nZZ\t+4852+00220\tNot/AZone\n");
        assertThat(table.candidates(Optional.of("XX"))).containsExactly(ZoneId.of("America/New_York"));
        assertThat(table.candidates(Optional.of("YY"))).isEmpty();
        assertThat(table.candidates(Optional.of("ZZ"))).isEmpty();
    }
}
