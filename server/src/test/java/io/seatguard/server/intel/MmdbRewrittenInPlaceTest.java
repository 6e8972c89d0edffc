package io.seatguard.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.intel.IpFacts;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.intel.ip.IntelConfig;
import io.seatguard.intel.ip.IpIntelService;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding: {@code cp new.mmdb city.mmdb} over a mapped file made lookups throw
 * {@code java.lang.InternalError} (an unsafe memory access past the file's new end), which failed every
 * evaluation until the next reload. Such a lookup is now "unknown".
 */
class MmdbRewrittenInPlaceTest {
    @TempDir
    Path folder;

    @Test
    void aDatabaseTruncatedUnderItsMappingAnswersUnknown() throws Exception {
        InstalledIpData data = InstalledIpData.besideJar().flatMap(InstalledIpData::read)
                .orElseThrow(() -> new AssertionError("server/target/ip-data is missing: the build installs it (install-ip-data.mjs)"));
        Path copy = Files.copy(data.files("geoip").get(0), folder.resolve("city-ipv4.mmdb"));
        IpIntelService service = IpIntelService.start(
                new IntelConfig(List.of(copy), "geoip-copy", List.of(), "asn", Optional.empty(), List.of(), List.of(), List.of()), InstantSource.system());
        assertThat(lookup(service, "193.0.6.139").country()).contains("NL");

        // What cp does first: the file shrinks under the mapping (here to nothing at all).
        try (FileChannel file = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            file.truncate(0);
        }
        assertThat(lookup(service, "193.0.6.139").location()).isEmpty();
        assertThat(lookup(service, "8.8.8.8").location()).isEmpty();
    }

    private static IpFacts lookup(IpIntelService service, String ip) {
        return service.lookup(IpAddresses.parse(ip).orElseThrow());
    }
}
