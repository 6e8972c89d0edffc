package io.seatguard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.ServerProcess;
import io.seatguard.server.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding: {@code SEATGUARD_IP_LISTS} was split on every comma, so a URL with a comma in its query
 * or a file named with one broke into two entries and the start was refused. An entry now ends only where
 * the next one's {@code kind=} begins.
 */
class IpListsVariableTest {
    @TempDir
    Path dir;

    @Test
    void entriesEndOnlyWhereTheNextKindBegins() {
        assertThat(IpListsVariable.entries("tor=https://lists.example/tor?fields=ip,asn&x=1,2, VPN = /etc/vpn.txt,cloud=/a,b.txt"))
                .containsExactly("tor=https://lists.example/tor?fields=ip,asn&x=1,2", "VPN = /etc/vpn.txt", "cloud=/a,b.txt");
        assertThat(IpListsVariable.entries("hosting=/srv/hosting.txt,relay=/srv/relay.txt,datacenter=/srv/dc.txt"))
                .as("the comma-separated lists written before still read the same")
                .containsExactly("hosting=/srv/hosting.txt", "relay=/srv/relay.txt", "datacenter=/srv/dc.txt");
    }

    @Test
    void anUnsetOrBlankVariableHasNoEntries() {
        assertThat(IpListsVariable.entries(null)).isEmpty();
        assertThat(IpListsVariable.entries("  ")).isEmpty();
    }

    /** As the launcher runs it: the variable is the process's own. */
    @Test
    void aServerStartsWithAListWhoseFileNameHoldsACommaFromTheVariable() throws Exception {
        Path tor = Files.writeString(dir.resolve("tor,2026-12.txt"), "203.0.113.7\n");
        Path vpn = Files.writeString(dir.resolve("vpn.txt"), "198.51.100.0/24\n");
        try (ServerProcess server = ServerProcess.start(dir, Map.of("SEATGUARD_IP_LISTS", "tor=" + tor + ",vpn=" + vpn))) {
            JsonNode sources = Json.MAPPER.readTree(server.send("GET", "/readyz", null, Map.of()).body()).path("checks").path("ip_data").path("sources");
            List<String> names = new ArrayList<>();
            sources.forEach(source -> names.add(source.path("name").asText()));
            assertThat(names).contains("tor:" + tor, "vpn:" + vpn);
        }
    }
}
