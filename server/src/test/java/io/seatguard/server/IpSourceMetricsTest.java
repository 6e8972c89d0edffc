package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.intel.ip.SourceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * seatguard_ip_source_loaded feeds the SeatguardIpSourceEmpty alert ({@code == 0}): a source the operator
 * turned off ({@code --geoip-db off}) holds no data on purpose and must not fire it forever, while one not
 * loaded yet or failing must.
 */
class IpSourceMetricsTest {
    @Test
    void aSourceTurnedOffIsNotCountedAsAnEmptyOne() {
        Instant checked = Instant.parse("2026-12-04T12:00:00Z");
        ServerMetrics metrics = new ServerMetrics();
        metrics.bindIpSources(() -> List.of(
                new SourceStatus("geoip", "geoip", false, Optional.empty(), 0, -1, Optional.empty(), Optional.of(checked)),
                new SourceStatus("tor-list", "tor:https://example.org/exits", false, Optional.empty(), 0, -1, Optional.empty(), Optional.empty()),
                new SourceStatus("vpn-list", "vpn:/etc/vpn.txt", false, Optional.empty(), 0, -1, Optional.of("no such file"), Optional.of(checked)),
                new SourceStatus("asn", "asn", true, Optional.of(LocalDate.parse("2026-06-17")), 10, 2, Optional.empty(), Optional.of(checked))));
        String scrape = metrics.scrape();

        assertThat(MetricsText.value(scrape, "seatguard_ip_source_loaded{kind=\"geoip\",source=\"geoip\"}")).as("off").isNaN();
        assertThat(MetricsText.value(scrape, "seatguard_ip_source_loaded{kind=\"tor-list\",source=\"tor:https://example.org/exits\"}"))
                .as("pending").isZero();
        assertThat(MetricsText.value(scrape, "seatguard_ip_source_loaded{kind=\"vpn-list\",source=\"vpn:/etc/vpn.txt\"}")).as("failing").isZero();
        assertThat(MetricsText.value(scrape, "seatguard_ip_source_loaded{kind=\"asn\",source=\"asn\"}")).isEqualTo(1.0);

        assertThat(MetricsText.value(scrape, "seatguard_ip_source_unreadable_lines{kind=\"asn\",source=\"asn\"}")).isEqualTo(2.0);
        assertThat(MetricsText.value(scrape, "seatguard_ip_source_unreadable_lines{kind=\"geoip\",source=\"geoip\"}")).as("off").isNaN();
        assertThat(MetricsText.value(scrape, "seatguard_ip_source_unreadable_lines{kind=\"tor-list\",source=\"tor:https://example.org/exits\"}"))
                .as("pending: no data, no count").isNaN();
        assertThat(MetricsText.value(scrape, "seatguard_ip_source_unreadable_lines{kind=\"vpn-list\",source=\"vpn:/etc/vpn.txt\"}")).as("never loaded").isNaN();
    }

    /**
     * Review: a JSON list holds data but no count (its structure lines are no rows), so its series is NaN,
     * not 0 or -1; a source named twice (one list given twice) and a name with quotes and a backslash
     * leave the scrape whole.
     */
    @Test
    void aSourceWithoutLinesToCountIsNaNAndOddNamesAreEscaped() {
        ServerMetrics metrics = new ServerMetrics();
        SourceStatus json = new SourceStatus("hosting-list", "hosting:/srv/ip-ranges.json", true, Optional.empty(), 3, -1, Optional.empty(), Optional.empty());
        SourceStatus odd = new SourceStatus("vpn-list", "vpn:/srv/\"odd\"\\vpn.txt", true, Optional.empty(), 3, 1, Optional.empty(), Optional.empty());
        metrics.bindIpSources(() -> List.of(json, odd, odd));
        String scrape = metrics.scrape();

        assertThat(MetricsText.value(scrape, "seatguard_ip_source_unreadable_lines{kind=\"hosting-list\",source=\"hosting:/srv/ip-ranges.json\"}")).isNaN();
        assertThat(MetricsText.value(scrape, "seatguard_ip_source_unreadable_lines{kind=\"vpn-list\",source=\"vpn:/srv/\\\"odd\\\"\\\\vpn.txt\"}")).isEqualTo(1.0);
        assertThat(scrape.lines().filter(line -> line.startsWith("seatguard_ip_source_unreadable_lines{kind=\"vpn-list\""))).hasSize(1);
    }
}
