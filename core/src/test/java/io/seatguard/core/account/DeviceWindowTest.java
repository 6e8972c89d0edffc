package io.seatguard.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The 30-day device window at its edge (docs/checks.md, "Device counts"). */
class DeviceWindowTest {
    private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant EDGE = AT.minus(DeviceWindow.DEFAULT_LENGTH);

    private static LinkedDevice attached(String id, DeviceType type, Instant lastSeen) {
        return new LinkedDevice(id, type, LinkStatus.ATTACHED, lastSeen.minus(Duration.ofDays(90)), lastSeen);
    }

    private static Map<String, DeviceType> window(List<LinkedDevice> links, Optional<Map.Entry<String, DeviceType>> current, boolean currentCounts) {
        AccountState account = new AccountState(Optional.empty(), links, Optional.empty(), Optional.empty());
        return DeviceWindow.devicesInWindow(account, current, currentCounts, AT, DeviceWindow.DEFAULT_LENGTH, false);
    }

    @Test
    void aDeviceLastSeenExactlyThirtyDaysAgoIsInTheWindowAndOneAMillisecondEarlierIsNot() {
        Map<String, DeviceType> devices = window(List.of(
                attached("edge", DeviceType.MOBILE, EDGE),
                attached("older", DeviceType.MOBILE, EDGE.minusMillis(1)),
                attached("recent", DeviceType.COMPUTER, AT.minusSeconds(1))), Optional.empty(), true);
        assertThat(devices).containsOnlyKeys("edge", "recent");
    }

    @Test
    void theCurrentDeviceCountsWheneverItWasLastSeenUnlessItIsLoggedOut() {
        List<LinkedDevice> links = List.of(attached("laptop", DeviceType.COMPUTER, EDGE.minus(Duration.ofDays(3))));
        assertThat(window(links, Optional.of(Map.entry("laptop", DeviceType.COMPUTER)), true)).as("in use now").containsOnlyKeys("laptop");
        assertThat(window(links, Optional.of(Map.entry("phone", DeviceType.MOBILE)), true)).as("a device new to the account")
                .containsExactly(Map.entry("phone", DeviceType.MOBILE));
        assertThat(window(List.of(attached("laptop", DeviceType.COMPUTER, AT.minusSeconds(5))), Optional.of(Map.entry("laptop", DeviceType.COMPUTER)),
                false)).as("logged out and not signing in again").isEmpty();
    }
}
