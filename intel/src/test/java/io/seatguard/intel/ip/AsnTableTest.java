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
}
