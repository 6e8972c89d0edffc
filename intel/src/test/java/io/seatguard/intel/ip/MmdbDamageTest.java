package io.seatguard.intel.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.intel.IpFacts;
import io.seatguard.core.intel.IpLocation;
import io.seatguard.core.net.IpAddresses;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases whose records cannot be read, written by {@link TinyMmdb}: a lookup of such a record is
 * "unknown" for that address alone, and the source says in its status that it holds unreadable records.
 */
class MmdbDamageTest {
    @TempDir
    Path folder;

    private MmdbLocator open(byte[] record) throws Exception {
        return MmdbLocator.open("geo-test", List.of(TinyMmdb.write(folder.resolve("city.mmdb"), record)), ZoneTable.bundled());
    }

    private static Optional<IpLocation> locate(MmdbLocator locator, String ip) {
        return locator.locate(IpAddresses.parse(ip).orElseThrow());
    }

    @Test
    void aWellFormedRecordIsRead() throws Exception {
        try (MmdbLocator locator = open(TinyMmdb.countryRecord("NL"))) {
            assertThat(locate(locator, "193.0.6.139").flatMap(IpLocation::country)).contains("NL");
            assertThat(locator.unreadable()).isEmpty();
        }
    }

    /**
     * Review finding: an IPv6 address was looked up in an IPv4-only file, which walks its tree with the
     * address's first 32 bits: 2a00:1450:4001:: (Google, Europe) came back as 42.0.20.80, in China.
     */
    @Test
    void anIpv6AddressIsNotLookedUpInAnIpv4File() throws Exception {
        try (MmdbLocator locator = open(TinyMmdb.countryRecord("CN"))) {
            assertThat(locate(locator, "2a00:1450:4001::1")).isEmpty();
            assertThat(locator.unreadable()).as("another family is not damage").isEmpty();
        }
    }

    /** Review finding: a map pointing at itself overflowed the decoder's stack, and every evaluation answered 500. */
    @Test
    void aRecordThatPointsAtItselfIsUnknownAndReported() throws Exception {
        try (MmdbLocator locator = open(TinyMmdb.loopingRecord())) {
            assertThat(locate(locator, "8.8.8.8")).isEmpty();
            assertThat(locate(locator, "1.1.1.1")).isEmpty();
            assertThat(locator.unreadable()).hasValueSatisfying(problem -> assertThat(problem).startsWith("2 lookups").contains("StackOverflowError"));
        }
    }

    @Test
    void recordsNestedPastTheStackAreUnknown() throws Exception {
        try (MmdbLocator locator = open(TinyMmdb.nestedRecord(200_000))) {
            assertThat(locate(locator, "8.8.8.8")).isEmpty();
            assertThat(locator.unreadable()).isPresent();
        }
    }

    @Test
    void theServiceAnswersTheOtherSourcesAndShowsTheDatabaseDamaged() throws Exception {
        Path damaged = TinyMmdb.write(folder.resolve("city.mmdb"), TinyMmdb.loopingRecord());
        IntelConfig config = new IntelConfig(List.of(damaged), "geo-test", AsnTableTest.write(folder), "asn-test", Optional.of(LocalDate.of(2026, 6, 17)),
                List.of(), List.of(), List.of());
        IpIntelService service = new IpIntelService(config, ZoneTable.bundled(), InstantSource.fixed(Instant.parse("2026-11-24T10:00:00Z")));
        service.refresh();
        assertThat(service.status()).filteredOn(s -> s.kind().equals("geoip")).singleElement().satisfies(s -> assertThat(s.error()).isEmpty());

        IpFacts facts = service.lookup(IpAddresses.parse("8.8.8.8").orElseThrow());
        assertThat(facts.location()).isEmpty();
        assertThat(facts.asn()).map(a -> a.number()).contains(15169L);
        assertThat(service.status()).filteredOn(s -> s.kind().equals("geoip")).singleElement().satisfies(s -> {
            assertThat(s.loaded()).isTrue();
            assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains("1 lookup could not read its record"));
        });

        service.refresh();
        assertThat(service.status()).filteredOn(s -> s.kind().equals("geoip")).singleElement()
                .satisfies(s -> assertThat(s.error()).as("an unchanged file is not reloaded: still damaged").isPresent());
    }
}
