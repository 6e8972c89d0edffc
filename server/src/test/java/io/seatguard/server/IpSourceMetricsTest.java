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
    }
}
