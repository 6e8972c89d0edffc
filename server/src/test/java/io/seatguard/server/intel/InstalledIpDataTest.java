package io.seatguard.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.intel.Anonymity;
import io.seatguard.core.intel.AsnInfo;
import io.seatguard.core.intel.IpFacts;
import io.seatguard.core.intel.IpLocation;
import io.seatguard.core.intel.Judgement;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.intel.ip.IpIntelService;
import io.seatguard.intel.ip.SourceStatus;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The IP data the build installs (server/ip-data.json, pinned versions), read through the real adapters:
 * DB-IP's city database by the .mmdb reader and ip-location-db's ASN CSV. Assertions are about
 * addresses whose owners are public and stable (Google's resolvers, RIPE NCC, AWS).
 */
class InstalledIpDataTest {
    private static IpIntelService service;

    @BeforeAll
    static void load() {
        InstalledIpData data = InstalledIpData.besideJar().flatMap(InstalledIpData::read)
                .orElseThrow(() -> new AssertionError("server/target/ip-data is missing: the build installs it (install-ip-data.mjs)"));
        service = IpIntelService.start(data.intelConfig(), InstantSource.system());
    }

    private static IpFacts lookup(String ip) {
        return service.lookup(IpAddresses.parse(ip).orElseThrow());
    }

    @Test
    void everyInstalledSourceLoadedWithItsDataDate() {
        assertThat(service.status()).filteredOn(s -> s.kind().equals("geoip") || s.kind().equals("asn")).hasSize(2).allSatisfy(s -> {
            assertThat(s.loaded()).as(s.name()).isTrue();
            assertThat(s.error()).isEmpty();
            assertThat(s.date()).hasValueSatisfying(date -> assertThat(date).isAfter(LocalDate.of(2026, 1, 1)));
        });
        SourceStatus asn = service.status().stream().filter(s -> s.kind().equals("asn")).findFirst().orElseThrow();
        assertThat(asn.date()).contains(LocalDate.of(2026, 6, 17));
        assertThat(asn.entries()).isGreaterThan(400_000);
    }

    @Test
    void locatesAddressesInBothFamiliesWithDerivedZones() {
        IpLocation google = lookup("8.8.8.8").location().orElseThrow();
        assertThat(google.country()).contains("US");
        assertThat(google.coordinates()).isPresent();
        assertThat(google.zones()).first().satisfies(zone -> assertThat(zone.getId()).startsWith("America/"));
        assertThat(google.zones()).as("every zone of the country, nearest first").contains(ZoneId.of("America/New_York"), ZoneId.of("Pacific/Honolulu"));

        IpLocation ripe = lookup("193.0.6.139").location().orElseThrow();
        assertThat(ripe.country()).contains("NL");
        assertThat(ripe.zones()).containsExactly(ZoneId.of("Europe/Amsterdam"));

        // Review finding: IPv6 addresses were looked up in the IPv4 file first, which answered for their
        // first 32 bits (RIPE's 2001:67c:2e8:: as 32.1.6.124, in the US; Google's 2a00:1450:4001:: in China).
        assertThat(lookup("2001:67c:2e8:22::c100:68b").location().flatMap(IpLocation::country)).contains("NL");
        assertThat(lookup("2a00:1450:4001:80b::200e").location().flatMap(IpLocation::country)).contains("DE");
        assertThat(lookup("10.1.2.3").location()).as("private addresses are nowhere").isEmpty();
    }

    @Test
    void namesTheNetworkAndJudgesHostingFromIt() {
        assertThat(lookup("8.8.8.8").asn()).map(AsnInfo::number).contains(15169L);
        assertThat(lookup("2001:4860:4860::8888").asn()).map(AsnInfo::number).contains(15169L);
        IpFacts aws = lookup("3.5.140.2");
        assertThat(aws.asn()).map(AsnInfo::number).contains(16509L);
        assertThat(aws.judged(Anonymity.HOSTING)).map(Judgement::value).contains(true);
        assertThat(lookup("193.0.6.139").judged(Anonymity.HOSTING)).map(Judgement::value).contains(false);
    }
}
