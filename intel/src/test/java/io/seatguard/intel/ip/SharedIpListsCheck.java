package io.seatguard.intel.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.intel.Anonymity;
import io.seatguard.core.intel.AsnListParser;
import io.seatguard.core.intel.IpFacts;
import io.seatguard.core.intel.IpListParser;
import io.seatguard.core.intel.Judgement;
import io.seatguard.core.net.IpAddresses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The loaders against real snapshots of the public lists (../shared/data/ip-intel, see its
 * PROVENANCE.md). Run by .ci/run's extra step with {@code -Dseatguard.shared.ipintel=<folder>}; the
 * folder is not beside a user's clone, so without the property this class does not run.
 */
@EnabledIfSystemProperty(named = "seatguard.shared.ipintel", matches = ".+")
class SharedIpListsCheck {
    private final Path root = Path.of(System.getProperty("seatguard.shared.ipintel", "."));

    private IpListParser.Parsed parse(String relative) throws Exception {
        return IpListParser.parse(Files.readString(root.resolve(relative)));
    }

    /** The first address of a list that the list itself states, found without our parser: the first field that is an IP literal. */
    private String firstEntry(String relative) throws Exception {
        for (String line : Files.readAllLines(root.resolve(relative))) {
            for (String field : line.split("[/,\\s\"]+")) {
                if (IpAddresses.parse(field).isPresent()) {
                    return field;
                }
            }
        }
        throw new AssertionError("no entry in " + relative);
    }

    @Test
    void everyRangeListLoadsWholeWithOnlyItsHeaderSkipped() throws Exception {
        record Expect(String file, int minEntries, int maxSkipped) {}
        for (Expect expect : List.of(
                new Expect("alireza-rezaee-tor-nodes/latest.exits.csv", 5000, 1),
                new Expect("secops-tor-ip-addresses/tor-exit-nodes.lst", 1500, 0),
                new Expect("x4bnet-lists_vpn/output/vpn/ipv4.txt", 10000, 0),
                new Expect("x4bnet-lists_vpn/output/vpn/ipv6.txt", 400, 0),
                new Expect("x4bnet-lists_vpn/output/datacenter/ipv4.txt", 40000, 0),
                new Expect("x4bnet-lists_vpn/output/datacenter/ipv6.txt", 8000, 0),
                new Expect("lord-alfred-ipranges/apple-proxy/ipv4_merged.txt", 3000, 0),
                new Expect("lord-alfred-ipranges/apple-proxy/ipv6_merged.txt", 10000, 0),
                new Expect("lord-alfred-ipranges/amazon/ipv4_merged.txt", 1500, 0),
                new Expect("lord-alfred-ipranges/all/ipv6_merged.txt", 12000, 0))) {
            IpListParser.Parsed parsed = parse(expect.file());
            assertThat(parsed.entries()).as(expect.file()).isGreaterThanOrEqualTo(expect.minEntries());
            assertThat(parsed.skippedLines()).as(expect.file()).isLessThanOrEqualTo(expect.maxSkipped());
            assertThat(parsed.unreadableLines()).as(expect.file() + ": a header is not shown as unreadable").isZero();
            String first = firstEntry(expect.file());
            assertThat(parsed.ranges().contains(IpAddresses.parse(first).orElseThrow())).as(first + " in " + expect.file()).isTrue();
        }
    }

    /** The service refuses a list that reads as something else (ReadableRows): no real list may be taken for one. */
    @Test
    void noRealListIsRefusedAsSomethingElse() throws Exception {
        List<IntelConfig.ListSpec> lists = java.util.stream.Stream.of("alireza-rezaee-tor-nodes/latest.exits.csv", "secops-tor-ip-addresses/tor-exit-nodes.lst",
                "x4bnet-lists_vpn/output/vpn/ipv4.txt", "x4bnet-lists_vpn/output/vpn/ipv6.txt", "x4bnet-lists_vpn/output/datacenter/ipv4.txt",
                "x4bnet-lists_vpn/output/datacenter/ipv6.txt", "lord-alfred-ipranges/apple-proxy/ipv4_merged.txt", "lord-alfred-ipranges/apple-proxy/ipv6_merged.txt",
                "lord-alfred-ipranges/amazon/ipv4_merged.txt", "lord-alfred-ipranges/all/ipv6_merged.txt")
                .map(file -> IntelConfig.ListSpec.parse("hosting=" + root.resolve(file))).toList();
        IntelConfig config = new IntelConfig(List.of(), "geoip", List.of(), "asn", java.util.Optional.empty(),
                List.of(root.resolve("x4bnet-lists_vpn/input/datacenter/ASN.txt"), root.resolve("brianhama-bad-asn-list/bad-asn-list.csv")),
                List.of(root.resolve("x4bnet-lists_vpn/input/vpn/ASN.txt")), lists);
        IpIntelService service = new IpIntelService(config, ZoneTable.bundled(), InstantSource.system());
        service.refresh();
        assertThat(service.status()).filteredOn(s -> !s.kind().equals("geoip") && !s.kind().equals("asn")).hasSize(lists.size() + 2)
                .allSatisfy(s -> {
                    assertThat(s.loaded()).as(s.name()).isTrue();
                    assertThat(s.error()).as(s.name()).isEmpty();
                });
    }

    @Test
    void asnListsOfBothShapesLoad() throws Exception {
        assertThat(AsnListParser.parse(Files.readString(root.resolve("x4bnet-lists_vpn/input/datacenter/ASN.txt"))).asns()).hasSizeGreaterThan(850);
        AsnListParser.Parsed brianhama = AsnListParser.parse(Files.readString(root.resolve("brianhama-bad-asn-list/bad-asn-list.csv")));
        assertThat(brianhama.asns()).hasSizeGreaterThan(700);
        assertThat(brianhama.skippedLines()).as("the header only").isEqualTo(1);
        assertThat(brianhama.unreadableLines()).as("a header is not shown as unreadable").isZero();
        assertThat(AsnListParser.parse(Files.readString(root.resolve("x4bnet-lists_vpn/input/vpn/ASN.txt"))).asns()).contains(9009L, 209854L);
    }

    @Test
    void theServiceLabelsRealAddressesByTheirLists() throws Exception {
        IntelConfig config = new IntelConfig(List.of(), "geoip", List.of(), "asn", java.util.Optional.empty(),
                List.of(root.resolve("x4bnet-lists_vpn/input/datacenter/ASN.txt")), List.of(root.resolve("x4bnet-lists_vpn/input/vpn/ASN.txt")),
                List.of(IntelConfig.ListSpec.parse("tor=" + root.resolve("alireza-rezaee-tor-nodes/latest.exits.csv")),
                        IntelConfig.ListSpec.parse("relay=" + root.resolve("lord-alfred-ipranges/apple-proxy/ipv4_merged.txt")),
                        IntelConfig.ListSpec.parse("vpn=" + root.resolve("x4bnet-lists_vpn/output/vpn/ipv4.txt")),
                        IntelConfig.ListSpec.parse("hosting=" + root.resolve("lord-alfred-ipranges/amazon/ipv4_merged.txt"))));
        IpIntelService service = new IpIntelService(config, ZoneTable.bundled(), InstantSource.system());
        service.refresh();
        assertThat(service.status()).allSatisfy(s -> assertThat(s.error()).as(s.name()).isEmpty());

        IpFacts torExit = service.lookup(IpAddresses.parse("204.8.96.141").orElseThrow());
        assertThat(torExit.judged(Anonymity.TOR)).map(Judgement::value).contains(true);
        String relay = firstEntry("lord-alfred-ipranges/apple-proxy/ipv4_merged.txt");
        IpFacts apple = service.lookup(IpAddresses.parse(relay).orElseThrow());
        assertThat(apple.judged(Anonymity.RELAY)).map(Judgement::value).contains(true);
        String aws = firstEntry("lord-alfred-ipranges/amazon/ipv4_merged.txt");
        assertThat(service.lookup(IpAddresses.parse(aws).orElseThrow()).judged(Anonymity.HOSTING)).map(Judgement::value).contains(true);
        assertThat(service.lookup(IpAddresses.parse("193.0.6.139").orElseThrow()).judged(Anonymity.TOR)).map(Judgement::value).contains(false);
    }
}
