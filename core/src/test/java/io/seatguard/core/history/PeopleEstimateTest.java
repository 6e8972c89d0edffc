package io.seatguard.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.account.AccountDevice;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.presence.Presence.LiveSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    private static AccountDevice device(String id, DeviceType type, LinkStatus status) {
        return new AccountDevice(id, type, status, NOW, NOW, "Chrome", "Android", Optional.empty());
    }

    /** Found in a review: phones stopped at the account's challenge (never let in) counted as its people. */
    @Test
    void devicesRefusedAtAChallengeAreNotTheAccountsPeople() {
        AccountDevice ownPhone = device("dev-a", DeviceType.MOBILE, LinkStatus.ATTACHED);
        AccountDevice oldPhone = device("dev-b", DeviceType.MOBILE, LinkStatus.DETACHED);
        AccountDevice strangers = device("dev-c", DeviceType.MOBILE, LinkStatus.REFUSED);

        assertThat(PeopleEstimate.allTime(List.of(ownPhone, strangers, device("dev-d", DeviceType.MOBILE, LinkStatus.REFUSED)))).isEqualTo(1);
        assertThat(PeopleEstimate.allTime(List.of(ownPhone, oldPhone, strangers))).as("a phone logged out after it was let in still counts").isEqualTo(2);
        assertThat(PeopleEstimate.allTime(List.of(strangers))).as("only refused devices: nobody").isZero();
    }
}
