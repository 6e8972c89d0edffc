package io.seatguard.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.presence.Presence.LiveSession;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeopleEstimateTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private static LiveSession session(String id, String device, String type, String ip) {
        return new LiveSession(id, device, type, ip, NOW, false);
    }

    /** Found in a walk-through: one laptop's two sessions on two networks read as two people, more than all time's one. */
    @Test
    void oneDeviceOnTwoNetworksIsOnePerson() {
        assertThat(PeopleEstimate.activeNow(List.of(session("s1", "dev-a", "computer", "81.2.69.96"), session("s2", "dev-a", "computer", "8.8.4.32"))))
                .isEqualTo(1);
    }

    @Test
    void twoDevicesOfOneTypeOnTwoNetworksAreTwoPeopleAndOneNetworkIsOne() {
        assertThat(PeopleEstimate.activeNow(List.of(session("s1", "dev-a", "computer", "81.2.69.96"), session("s2", "dev-b", "computer", "8.8.4.32"))))
                .isEqualTo(2);
        assertThat(PeopleEstimate.activeNow(List.of(session("s1", "dev-a", "computer", "81.2.69.96"), session("s2", "dev-b", "computer", "81.2.69.96"))))
                .isEqualTo(1);
        assertThat(PeopleEstimate.activeNow(List.of(session("s1", "dev-a", "computer", "2001:db8:1:2::10"), session("s2", "dev-b", "computer", "2001:db8:1:2::99"))))
                .as("one IPv6 /64: a household").isEqualTo(1);
        assertThat(PeopleEstimate.activeNow(List.of(session("s1", "dev-a", "computer", "81.2.69.96"), session("s2", "dev-b", "mobile", "8.8.4.32"))))
                .as("a phone beside a computer").isEqualTo(1);
        assertThat(PeopleEstimate.activeNow(List.of())).isZero();
    }

    @Test
    void theUnknownDeviceIsNotOneDevice() {
        String unknown = DeviceResolution.UNKNOWN_DEVICE_ID;
        assertThat(PeopleEstimate.activeNow(List.of(session("s1", unknown, "computer", "81.2.69.96"), session("s2", unknown, "computer", "8.8.4.32"))))
                .isEqualTo(2);
    }

    /** Refused devices are left out of the counts by the store (SqlAccountRecords), so every count here is of devices let in. */
    @Test
    void atLeastThePhonesAndHalfTheComputersOrTablets() {
        assertThat(PeopleEstimate.allTime(Map.of(DeviceType.MOBILE, 2, DeviceType.COMPUTER, 3))).as("two phones").isEqualTo(2);
        assertThat(PeopleEstimate.allTime(Map.of(DeviceType.MOBILE, 1, DeviceType.COMPUTER, 5))).as("five computers: at least three people").isEqualTo(3);
        assertThat(PeopleEstimate.allTime(Map.of(DeviceType.TABLET, 2))).as("two tablets: one person").isEqualTo(1);
        assertThat(PeopleEstimate.allTime(Map.of(DeviceType.UNKNOWN, 4))).as("devices of no known type: someone").isEqualTo(1);
        assertThat(PeopleEstimate.allTime(Map.of())).as("nothing let in: nobody").isZero();
    }
}
