package io.seatguard.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.Seen;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which account rows an evaluation writes: here the account's country, which the activity reader reports on. */
class WriteThrottleTest {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    private static final AccountState KNOWN = new AccountState(Optional.of(new Seen(T0, T0)), List.of(), Optional.of(new Seen(T0, T0)),
            Optional.empty());
    private static final DeviceResolution ZERO_DEVICE = new DeviceResolution(DeviceResolution.UNKNOWN_DEVICE_ID, false,
            DeviceResolution.MatchKind.NO_SIGNALS, 0, Optional.empty(), Optional.empty());

    private static Touches touches(boolean hasUser, boolean countryUpToDate) {
        return WriteThrottle.touches(T0.plusSeconds(10), hasUser ? KNOWN : AccountState.NO_ACCOUNT, ZERO_DEVICE, Optional.empty(),
                DeviceType.UNKNOWN, true, hasUser, countryUpToDate);
    }

    @Test
    void theCountryRowIsWrittenUnlessTheReaderFoundItCurrent() {
        assertThat(touches(true, false).country()).isTrue();
        assertThat(touches(true, true).country()).isFalse();
    }

    @Test
    void withoutAnAccountNoAccountRowIsWritten() {
        assertThat(touches(false, false)).isEqualTo(new Touches(false, false, false, false, false, false));
    }

    @Test
    void theOtherAccountRowsKeepTheirOwnThrottle() {
        Touches touches = touches(true, true);
        assertThat(touches.user()).as("seen 10 s ago: within the resolution").isFalse();
        assertThat(touches.ip()).isFalse();
    }
}
