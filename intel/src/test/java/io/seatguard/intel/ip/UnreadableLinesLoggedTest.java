package io.seatguard.intel.ip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding: {@code /readyz} said a list had {@code unreadable_lines: 3} and nothing said which: an
 * operator could not find them. A load taken into use past unreadable lines logs one warning per list or
 * ASN file naming the first ten of their line numbers, 1-based as an editor shows them (a counted-out
 * header and a JSON list's structure lines are not among them), and never their contents.
 */
class UnreadableLinesLoggedTest {
    @TempDir
    Path folder;

    private static IpIntelService service(List<Path> asnFiles, List<Path> vpnLists) {
        IntelConfig config = new IntelConfig(List.of(), "geoip", asnFiles, "asn-test", Optional.of(LocalDate.of(2026, 6, 17)), List.of(), List.of(),
                vpnLists.stream().map(list -> IntelConfig.ListSpec.parse("vpn=" + list)).toList());
        IpIntelService service = new IpIntelService(config, ZoneTable.bundled(), InstantSource.fixed(Instant.parse("2026-11-24T10:00:00Z")));
        service.refresh();
        return service;
    }

    private static List<String> unreadableWarnings(CapturedLog log, Path source) {
        return log.warnings().stream().filter(m -> m.contains(source.toString()) && m.contains("unreadable line")).toList();
    }

    @Test
    void aListsUnreadableLinesAreNamedByNumberAndOnlyOnceWhileItIsUnchanged() throws Exception {
        Path vpn = Files.writeString(folder.resolve("vpn.csv"), """
                fingerprint, ipaddr, port
                # a comment, skipped
                A1,2.26.157.1,443
                A2,not an address,443

                A3,5.5.5.5,443
                A4,6.6.6.6,443
                <script>alert(1)</script>
                A5,7.7.7.7,443
                """);
        try (CapturedLog log = new CapturedLog()) {
            IpIntelService service = service(List.of(), List.of(vpn));
            assertThat(unreadableWarnings(log, vpn)).singleElement().satisfies(m -> {
                assertThat(m).contains("2 unreadable line(s)").endsWith("(line(s) 4, 8)");
                assertThat(m).as("the lines' contents are not logged").doesNotContain("script").doesNotContain("not an address");
            });

            service.refresh();
            assertThat(unreadableWarnings(log, vpn)).as("an unchanged list is not read again").hasSize(1);
        }
    }

    @Test
    void pastTenUnreadableLinesTheFirstTenAreNamedAndTheRestCounted() throws Exception {
        String text = IntStream.rangeClosed(1, 25).mapToObj(i -> i % 2 == 0 ? "junk" : "10.0." + i + ".0/24").collect(Collectors.joining("\n", "", "\n"));
        Path vpn = Files.writeString(folder.resolve("vpn.txt"), text);
        try (CapturedLog log = new CapturedLog()) {
            service(List.of(), List.of(vpn));
            assertThat(unreadableWarnings(log, vpn)).singleElement()
                    .satisfies(m -> assertThat(m).contains("12 unreadable line(s)").endsWith("(line(s) 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, …)"));
        }
    }

    @Test
    void aCleanListWithAHeaderAndAJsonListWithItsStructureLogNoWarning() throws Exception {
        Path clean = Files.writeString(folder.resolve("exits.csv"), "fingerprint, ipaddr, port\nA1,2.26.157.1,443\nA2,5.5.5.5,443\n");
        Path json = Files.writeString(folder.resolve("ip-ranges.json"), "{\n  \"prefixes\": [\n    {\n      \"ip_prefix\": \"3.2.34.0/26\"\n    }\n  ]\n}\n");
        try (CapturedLog log = new CapturedLog()) {
            service(List.of(), List.of(clean, json));
            assertThat(log.warnings()).isEmpty();
        }
    }

    @Test
    void eachAsnFileWithUnreadableLinesIsNamedWithItsOwnLineNumbers() throws Exception {
        List<Path> files = AsnTableTest.write(folder);
        Path corrections = Files.writeString(folder.resolve("corrections.csv"), """
                # our corrections
                10.0.0.0,10.0.0.255,64500,Office
                range_start,range_end,asn,org
                10.0.1.0,10.0.1.255,64501,Shop
                10.0.2.0,10.0.2.255,64502,Depot
                """);
        try (CapturedLog log = new CapturedLog()) {
            IpIntelService service = service(List.of(files.get(0), files.get(1), corrections), List.of());
            assertThat(unreadableWarnings(log, files.get(0))).as("the fixture's bad row").singleElement()
                    .satisfies(m -> assertThat(m).contains("1 unreadable line(s)").endsWith("(line(s) 4)"));
            assertThat(unreadableWarnings(log, files.get(1))).as("a clean file").isEmpty();
            assertThat(unreadableWarnings(log, corrections)).as("counted past the comment line").singleElement()
                    .satisfies(m -> assertThat(m).endsWith("(line(s) 3)"));

            service.refresh();
            assertThat(log.warnings().stream().filter(m -> m.contains("unreadable line"))).as("unchanged files are not read again").hasSize(2);
        }
    }
}
