package io.seatguard.intel.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.intel.AsnInfo;
import io.seatguard.core.intel.SourceRef;
import io.seatguard.core.net.IpAddresses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ip-location-db's ASN CSV, with a fixture in its exact format (quoted names with commas, IPv6, a bad row). */
class AsnTableTest {
    static final String V4 = """
            1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."
            3.0.0.0,3.127.255.255,16509,Amazon.com Inc.
            8.8.8.0,8.8.8.255,15169,Google LLC
            9.9.9.0,9.9.9.255,not-a-number,Quad9
            100.0.0.0,100.0.0.9,64500,"Say ""hello"" Ltd"
            """;
    static final String V6 = """
            2001:4860::,2001:4860:ffff:ffff:ffff:ffff:ffff:ffff,15169,Google LLC
            2a05:d000::,2a05:d07f:ffff:ffff:ffff:ffff:ffff:ffff,16509,Amazon.com Inc.
            """;
    private static final SourceRef SOURCE = new SourceRef("asn-test", Optional.of(LocalDate.of(2026, 6, 17)));

    @TempDir
    Path folder;

    static List<Path> write(Path folder) throws Exception {
        Path v4 = Files.writeString(folder.resolve("asn-ipv4.csv"), V4);
        Path v6 = Files.writeString(folder.resolve("asn-ipv6.csv"), V6);
        return List.of(v4, v6);
    }

    private static Optional<AsnInfo> lookup(AsnTable table, String ip) {
        return table.lookup(IpAddresses.parse(ip).orElseThrow());
    }

    @Test
    void findsTheRangeHoldingAnAddressAtItsEdges() throws Exception {
        AsnTable.Loaded loaded = AsnTable.load(SOURCE, write(folder));
        AsnTable table = loaded.table();
        assertThat(loaded.skippedLines()).isEqualTo(1);
        assertThat(table.size()).isEqualTo(6);
        assertThat(lookup(table, "1.0.0.0")).map(AsnInfo::number).contains(13335L);
        assertThat(lookup(table, "1.0.0.255")).flatMap(AsnInfo::organization).contains("Cloudflare, Inc.");
        assertThat(lookup(table, "1.0.1.0")).isEmpty();
        assertThat(lookup(table, "3.127.255.255")).map(AsnInfo::number).contains(16509L);
        assertThat(lookup(table, "100.0.0.5")).flatMap(AsnInfo::organization).contains("Say \"hello\" Ltd");
        assertThat(lookup(table, "9.9.9.9")).isEmpty();
        assertThat(lookup(table, "2a05:d050::1")).map(AsnInfo::number).contains(16509L);
        assertThat(lookup(table, "2a05:d080::1")).isEmpty();
        assertThat(lookup(table, "::100.0.0.5")).as("families stay apart").isEmpty();
        assertThat(lookup(table, "8.8.8.8")).map(AsnInfo::source).contains(SOURCE);
    }

    /**
     * Review finding: an operator's file of corrections saved by Windows Notepad opens with a byte-order
     * mark, which stuck to its first row's address and made it unreadable; and a comment line explaining
     * the corrections counted as an unreadable row. A file of one commented row was refused as "half
     * unreadable", one saved with a BOM as holding no ASN range, and the corrections never applied. A BOM
     * and whole-line {@code #} comments are skipped, as the range lists skip them; a {@code #} inside a row
     * (an organisation "Shop #1") is the row's.
     */
    @Test
    void aByteOrderMarkAndCommentLinesInACorrectionsFileAreSkipped() throws Exception {
        Path installed = Files.writeString(folder.resolve("installed.csv"), "10.0.0.0,10.255.255.255,64500,Outer\n");
        Path commented = Files.writeString(folder.resolve("commented.csv"), "# our office, moved in June\r\n10.1.0.0,10.1.0.255,64501,Shop #1\r\n");
        Path notepad = Files.writeString(folder.resolve("notepad.csv"), "\uFEFF10.2.0.0,10.2.0.255,64502,Notepad\r\n");
        AsnTable.Loaded loaded = AsnTable.load(SOURCE, List.of(installed, commented, notepad));
        assertThat(loaded.skippedLines()).isZero();
        assertThat(lookup(loaded.table(), "10.1.0.5")).flatMap(AsnInfo::organization).contains("Shop #1");
        assertThat(lookup(loaded.table(), "10.2.0.5")).map(AsnInfo::number).contains(64502L);
        assertThat(lookup(loaded.table(), "10.3.0.5")).map(AsnInfo::number).contains(64500L);
    }

    /**
     * Review finding: with a range inside another (an operator's file of corrections beside the installed
     * data), every address of the outer range past the inner one had no ASN: the search stopped at the
     * inner range, which starts nearest below them, and did not look at the outer one holding them.
     */
    @Test
    void anAddressOfAnOuterRangePastAnInnerOneHasTheOuterRangesAsn() throws Exception {
        Path installed = Files.writeString(folder.resolve("installed.csv"), """
                10.0.0.0,10.255.255.255,64500,Outer
                11.0.0.0,11.0.0.255,64510,First
                11.0.0.128,11.0.1.255,64511,Second
                2001:db8::,2001:db8:ffff:ffff:ffff:ffff:ffff:ffff,64520,Outer v6
                """);
        Path corrections = Files.writeString(folder.resolve("corrections.csv"), """
                10.1.0.0,10.1.0.255,64501,Inner
                10.1.0.0,10.1.0.15,64502,Innermost
                10.3.0.0,10.3.0.255,64503,Another inner
                2001:db8:1::,2001:db8:1::ffff,64521,Inner v6
                """);
        AsnTable table = AsnTable.load(SOURCE, List.of(installed, corrections)).table();
        assertThat(lookup(table, "10.0.0.1")).map(AsnInfo::number).contains(64500L);
        assertThat(lookup(table, "10.1.0.5")).as("the innermost range inside it").map(AsnInfo::number).contains(64502L);
        assertThat(lookup(table, "10.1.0.100")).map(AsnInfo::number).contains(64501L);
        assertThat(lookup(table, "10.2.0.0")).as("past the inner ranges: the outer one").map(AsnInfo::number).contains(64500L);
        assertThat(lookup(table, "10.3.1.0")).map(AsnInfo::number).contains(64500L);
        assertThat(lookup(table, "10.255.255.255")).map(AsnInfo::number).contains(64500L);
        assertThat(lookup(table, "11.0.0.5")).map(AsnInfo::number).contains(64510L);
        assertThat(lookup(table, "11.0.0.200")).as("two ranges overlapping: the one starting nearer").map(AsnInfo::number).contains(64511L);
        assertThat(lookup(table, "11.0.1.5")).map(AsnInfo::number).contains(64511L);
        assertThat(lookup(table, "11.0.2.0")).isEmpty();
        assertThat(lookup(table, "9.255.255.255")).isEmpty();
        assertThat(lookup(table, "2001:db8:1::5")).map(AsnInfo::number).contains(64521L);
        assertThat(lookup(table, "2001:db8:2::5")).map(AsnInfo::number).contains(64520L);
    }
}
