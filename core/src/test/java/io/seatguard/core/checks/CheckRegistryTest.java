package io.seatguard.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckRegistryTest {
    @Test
    void refusesTwoChecksWithOneName() {
        assertThatThrownBy(() -> CheckRegistry.of(List.of(new IsNewUserCheck(), new IsNewUserCheck())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is_new_user");
    }

    @Test
    void theStandardSetNamesTheContractsHistoryChecksInOrder() {
        assertThat(CheckRegistry.standard().all()).extracting(Check::name).containsExactly(
                "is_new_user", "is_new_device", "is_new_fingerprint", "is_new_ip", "token_mismatch", "concurrent_sessions", "device_count",
                "computer_device_count", "tablet_device_count", "mobile_device_count", "impossible_travel", "is_new_country", "country_count_24h",
                "ip_country", "ip_is_vpn", "ip_is_proxy", "ip_is_tor", "ip_is_hosting", "fingerprint_user_count", "device_user_count", "event_count",
                "has_high_velocity");
    }
}
