package io.seatguard.intel.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.intel.Coordinates;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZoneTableTest {
    private final ZoneTable zones = ZoneTable.bundled();

    @Test
    void aPointGetsTheNearbyZonesOfItsCountryNearestFirst() {
        assertThat(zones.candidates(Optional.of("US"), Optional.of(new Coordinates(40.7, -74.0, 50)))).first().isEqualTo(ZoneId.of("America/New_York"));
        assertThat(zones.candidates(Optional.of("US"), Optional.of(new Coordinates(34.05, -118.24, 50)))).first()
                .isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(zones.candidates(Optional.of("US"), Optional.of(new Coordinates(34.05, -118.24, 50))))
                .as("New York is 3,900 km away").doesNotContain(ZoneId.of("America/New_York"));
    }

    @Test
    void withoutAPointEveryZoneOfTheCountryIsACandidate() {
        assertThat(zones.candidates(Optional.of("FR"), Optional.empty())).containsExactly(ZoneId.of("Europe/Paris"));
        assertThat(zones.candidates(Optional.of("AU"), Optional.empty())).hasSizeGreaterThan(5).contains(ZoneId.of("Australia/Sydney"));
    }

    @Test
    void aCountryWithoutZonesOrNoCountryGivesNone() {
        assertThat(zones.candidates(Optional.of("ZZ"), Optional.empty())).isEmpty();
        assertThat(zones.candidates(Optional.empty(), Optional.of(new Coordinates(0, 0, 10)))).isEmpty();
    }

    @Test
    void aFarAwayPointStillGetsItsCountrysNearestZone() {
        // A point in the ocean far from every French reference city (Paris is the only one in zone.tab).
        assertThat(zones.candidates(Optional.of("FR"), Optional.of(new Coordinates(-20, 55, 10)))).containsExactly(ZoneId.of("Europe/Paris"));
    }

    @Test
    void readsSecondsInCoordinatesAndSkipsBadRows() {
        ZoneTable table = ZoneTable.parse("# comment\nXX\t+404251-0740023\tAmerica/New_York\nYY\tbad\tEurope/Paris\nZZ\t+4852+00220\tNot/AZone\n");
        assertThat(table.candidates(Optional.of("XX"), Optional.of(new Coordinates(40.71, -74.0, 1)))).containsExactly(ZoneId.of("America/New_York"));
        assertThat(table.candidates(Optional.of("YY"), Optional.empty())).isEmpty();
        assertThat(table.candidates(Optional.of("ZZ"), Optional.empty())).isEmpty();
    }
}
