package io.seatguard.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.core.checks.CheckSettings;
import io.seatguard.intel.ip.IntelConfig;
import io.seatguard.server.MetricsText;
import io.seatguard.server.TestServer;
import io.seatguard.server.config.NetworkSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list loaded past a few lines it could not read said so only in the log: {@code /readyz} showed it
 * {@code ok} like a clean one. Each list and operator ASN file now counts them ({@code unreadable_lines},
 * and {@code seatguard_ip_source_unreadable_lines} in the metrics), for the data in use: a fixed file
 * brings the count to 0, and a refused reload keeps the count of the data it leaves in use.
 */
class UnreadableListLinesTest {

    @TempDir
    Path dataDir;

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eachSourceCountsTheUnreadableLinesOfItsDataInUse() throws Exception {
        Path tor = Files.writeString(dataDir.resolve("tor-exits.txt"),
                "# exits\n185.220.101.1\n185.220.101.2\nnot an address\n185.220.101.3\n999.1.2.3\n185.220.101.4\n-\n185.220.101.5\n");
        Path hosting = Files.writeString(dataDir.resolve("hosting-extra.txt"), "AS15169\nAS16509\nGoogle\n");
        Path aws = Files.writeString(dataDir.resolve("ip-ranges.json"), "{\n  \"prefixes\": [\n    {\n      \"ip_prefix\": \"3.2.34.0/26\"\n    }\n  ]\n}\n");
        IntelConfig config = new IntelConfig(List.of(), "geoip", List.of(), "asn", Optional.empty(), List.of(hosting), List.of(),
                List.of(IntelConfig.ListSpec.parse("tor=" + tor), IntelConfig.ListSpec.parse("hosting=" + aws)));
        server = TestServer.startWith(TestServer.config(dataDir.resolve("db"))
                .network(new NetworkSettings(config, NetworkSettings.DEFAULT_REFRESH, CheckSettings.DEFAULTS)).build());
        String torSeries = "seatguard_ip_source_unreadable_lines{kind=\"tor-list\",source=\"tor:" + tor + "\"}";

        JsonNode list = source("tor-list");
        assertThat(list.get("status").asText()).isEqualTo("ok");
        assertThat(unreadableLines(list)).isEqualTo(3);
        assertThat(unreadableLines(source("hosting-asns"))).as("the operator's file only, not the curated list").isEqualTo(1);
        assertThat(unreadableLines(source("vpn-asns"))).as("the curated list alone").isZero();
        assertThat(source("geoip").has("unreadable_lines")).as("off: nothing to count").isFalse();
        assertThat(source("hosting-list").get("status").asText()).isEqualTo("ok");
        assertThat(source("hosting-list").has("unreadable_lines")).as("JSON: its structure lines are no rows").isFalse();
        assertThat(MetricsText.value(metrics(), torSeries)).isEqualTo(3.0);
        assertThat(MetricsText.value(metrics(), "seatguard_ip_source_unreadable_lines{kind=\"geoip\",source=\"geoip\"}")).isNaN();

        // A reload refused as mostly unreadable leaves the list in use, and its count, in place.
        rewrite(tor, "Too many requests\nretry later\nYour IP: 8.8.8.8\n", 10);
        server.server().refreshIpData();
        list = source("tor-list");
        assertThat(list.get("status").asText()).isEqualTo("stale");
        assertThat(list.get("error").asText()).contains("unreadable");
        assertThat(unreadableLines(list)).as("the data still in use").isEqualTo(3);
        assertThat(MetricsText.value(metrics(), torSeries)).isEqualTo(3.0);

        rewrite(tor, "# exits\n185.220.101.1\n185.220.101.2\n185.220.101.3\n", 20);
        rewrite(hosting, "AS15169\nAS16509\n", 20);
        server.server().refreshIpData();
        list = source("tor-list");
        assertThat(list.get("status").asText()).isEqualTo("ok");
        assertThat(list.get("entries").asLong()).isEqualTo(3);
        assertThat(unreadableLines(list)).isZero();
        assertThat(unreadableLines(source("hosting-asns"))).isZero();
        assertThat(MetricsText.value(metrics(), torSeries)).isZero();
    }

    /** Rewritten with a later modification time, so the refresh sees the change whatever the clock's resolution. */
    private static void rewrite(Path file, String text, long secondsLater) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsLater)));
    }

    private JsonNode source(String kind) {
        for (JsonNode source : server.get("/readyz", Map.of()).json().get("checks").get("ip_data").get("sources")) {
            if (source.get("kind").asText().equals(kind)) {
                return source;
            }
        }
        throw new AssertionError("no " + kind + " source in /readyz");
    }

    private static long unreadableLines(JsonNode source) {
        assertThat(source.has("unreadable_lines")).as(source.toString()).isTrue();
        return source.get("unreadable_lines").asLong();
    }

    private String metrics() {
        return server.get("/metrics", Map.of()).body();
    }
}
