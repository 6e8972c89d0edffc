package io.seatguard.intel.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.intel.Coordinates;
import io.seatguard.core.intel.IpLocation;
import io.seatguard.core.intel.SourceRef;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Records of both .mmdb schemas, as maxmind-db decodes them, turned into locations. The DB-IP file
 * itself is read in the server's InstalledIpDataTest; no GeoLite2 file may be redistributed, so its
 * schema is checked here on a record of its documented shape.
 */
class MmdbRecordTest {
    private static final SourceRef SOURCE = new SourceRef("test", Optional.empty());
    private final ZoneTable zones = ZoneTable.bundled();

    @Test
    void dbIpsFlatRecordGetsDefaultAccuracyAndDerivedZones() {
        IpLocation paris = MmdbLocator.toLocation(Map.of("country_code", "fr", "city", "Paris", "latitude", 48.85, "longitude", 2.35, "timezone", ""),
                SOURCE, zones).orElseThrow();
        assertThat(paris.country()).contains("FR");
        assertThat(paris.city()).contains("Paris");
        assertThat(paris.coordinates()).contains(new Coordinates(48.85, 2.35, MmdbLocator.CITY_ACCURACY_KM));
        assertThat(paris.zones()).containsExactly(ZoneId.of("Europe/Paris"));

        IpLocation countryOnly = MmdbLocator.toLocation(Map.of("country_code", "US", "latitude", 39.8, "longitude", -98.5), SOURCE, zones).orElseThrow();
        assertThat(countryOnly.coordinates().orElseThrow().accuracyKm()).isEqualTo(MmdbLocator.COUNTRY_ACCURACY_KM);
    }

    @Test
    void geoLite2sNestedRecordKeepsItsOwnRadiusAndZone() {
        Map<String, Object> record = Map.of(
                "country", Map.of("iso_code", "US", "names", Map.of("en", "United States")),
                "city", Map.of("names", Map.of("en", "Boston")),
                "location", Map.of("latitude", 42.36, "longitude", -71.06, "accuracy_radius", 20, "time_zone", "America/New_York"));
        IpLocation boston = MmdbLocator.toLocation(record, SOURCE, zones).orElseThrow();
        assertThat(boston.country()).contains("US");
        assertThat(boston.city()).contains("Boston");
        assertThat(boston.coordinates()).contains(new Coordinates(42.36, -71.06, 20));
        assertThat(boston.zones()).containsExactly(ZoneId.of("America/New_York"));
    }

    /** Review finding: GeoLite2's country-only record names one zone of a country that has several. */
    @Test
    void aFilesOwnZoneOnACountryWideRecordIsMergedWithTheCountrysZones() {
        Map<String, Object> countryOnly = Map.of(
                "country", Map.of("iso_code", "US"),
                "location", Map.of("latitude", 37.751, "longitude", -97.822, "accuracy_radius", 1000, "time_zone", "America/Chicago"));
        IpLocation us = MmdbLocator.toLocation(countryOnly, SOURCE, zones).orElseThrow();
        assertThat(us.zones()).first().isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(us.zones()).contains(ZoneId.of("America/Los_Angeles"), ZoneId.of("America/New_York")).doesNotHaveDuplicates();

        Map<String, Object> wideCity = Map.of(
                "country", Map.of("iso_code", "US"),
                "city", Map.of("names", Map.of("en", "Dallas")),
                "location", Map.of("latitude", 32.78, "longitude", -96.80, "accuracy_radius", 500, "time_zone", "America/Chicago"));
        assertThat(MmdbLocator.toLocation(wideCity, SOURCE, zones).orElseThrow().zones()).as("a city with a 500 km radius").contains(ZoneId.of("America/Denver"));
    }

    /**
     * Review finding: a record wide as a continent, naming no country (GeoLite2's continent-level records,
     * a 1,000 km point), kept its own zone alone when it had one: with no country to widen it, the guess
     * that the country-wide rule above widens stood by itself, and every browser of the continent in
     * another offset (Lisbon, Helsinki on a "Europe/Berlin" record) was a timezone mismatch. Such a record
     * gives no zones: the mismatch is unknown, as for a record with no zone.
     */
    @Test
    void aFilesOwnZoneOnARecordWithNoCountryAndNoCityStandsNowhere() {
        Map<String, Object> continentOnly = Map.of(
                "continent", Map.of("code", "EU"),
                "location", Map.of("latitude", 51.0, "longitude", 9.0, "accuracy_radius", 1000, "time_zone", "Europe/Berlin"));
        IpLocation europe = MmdbLocator.toLocation(continentOnly, SOURCE, zones).orElseThrow();
        assertThat(europe.coordinates()).isPresent();
        assertThat(europe.zones()).as("a continent's guess is no zone").isEmpty();

        Map<String, Object> cityNoCountry = Map.of(
                "city", Map.of("names", Map.of("en", "Frankfurt am Main")),
                "location", Map.of("latitude", 50.11, "longitude", 8.68, "accuracy_radius", 20, "time_zone", "Europe/Berlin"));
        assertThat(MmdbLocator.toLocation(cityNoCountry, SOURCE, zones).orElseThrow().zones()).as("a city-precise record keeps its own zone")
                .containsExactly(ZoneId.of("Europe/Berlin"));
    }

    /**
     * Review finding: refusing a wide record's own zone when the country derived no zones also refused
     * it for a country zone.tab does not list: Kosovo (XK, in MaxMind's and DB-IP's files) got no zones,
     * where its own "Europe/Belgrade" was right, and its timezone_mismatch was always null.
     */
    @Test
    void aFilesOwnZoneOnACountryTheTzDatabaseDoesNotListIsKept() {
        assertThat(zones.candidates(Optional.of("XK"))).as("zone.tab lists no Kosovo").isEmpty();
        Map<String, Object> kosovo = Map.of(
                "continent", Map.of("code", "EU"),
                "country", Map.of("iso_code", "XK", "names", Map.of("en", "Kosovo")),
                "location", Map.of("latitude", 42.5833, "longitude", 21.0, "accuracy_radius", 1000, "time_zone", "Europe/Belgrade"));
        assertThat(MmdbLocator.toLocation(kosovo, SOURCE, zones).orElseThrow().zones()).as("a country-level Kosovo record")
                .containsExactly(ZoneId.of("Europe/Belgrade"));

        Map<String, Object> flatKosovo = Map.of("country_code", "XK", "latitude", 42.67, "longitude", 21.17, "timezone", "Europe/Belgrade");
        assertThat(MmdbLocator.toLocation(flatKosovo, SOURCE, zones).orElseThrow().zones()).as("DB-IP's flat record of a country only")
                .containsExactly(ZoneId.of("Europe/Belgrade"));

        Map<String, Object> europe = Map.of(
                "continent", Map.of("code", "EU"),
                "location", Map.of("latitude", 51.0, "longitude", 9.0, "accuracy_radius", 1000, "time_zone", "Europe/Belgrade"));
        assertThat(MmdbLocator.toLocation(europe, SOURCE, zones).orElseThrow().zones()).as("the same zone on a record naming no country")
                .isEmpty();
    }

    @Test
    void damagedOrEmptyRecordsGiveNoLocationOrOnlyWhatIsSound() {
        assertThat(MmdbLocator.toLocation(Map.of(), SOURCE, zones)).isEmpty();
        assertThat(MmdbLocator.toLocation(Map.of("country_code", "ZZ"), SOURCE, zones)).isEmpty();
        IpLocation badPoint = MmdbLocator.toLocation(Map.of("country_code", "DE", "latitude", 123.0, "longitude", 2.0, "timezone", "Not/AZone"),
                SOURCE, zones).orElseThrow();
        assertThat(badPoint.coordinates()).isEmpty();
        assertThat(badPoint.zones()).as("an unknown zone name is replaced by derived ones").contains(ZoneId.of("Europe/Berlin"));
        assertThat(MmdbLocator.toLocation(Map.of("country_code", 7, "latitude", "x"), SOURCE, zones)).isEmpty();
    }
}
