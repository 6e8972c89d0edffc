package io.seatguard.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.account.LinkedDevice;
import io.seatguard.core.account.Seen;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceType;
import java.time.Duration;
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
                DeviceType.UNKNOWN, true, false, false, hasUser, countryUpToDate);
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

    private static final DeviceResolution TOKEN_DEVICE = new DeviceResolution("dev-1", false, DeviceResolution.MatchKind.TOKEN, 1.0, Optional.empty(),
            Optional.of("tok-hash"));

    private static boolean linkRow(List<LinkedDevice> links, boolean attach, boolean loggedOut) {
        return linkRow(links, attach, false, loggedOut);
    }

    private static boolean linkRow(List<LinkedDevice> links, boolean attach, boolean vouched, boolean loggedOut) {
        AccountState account = new AccountState(Optional.of(new Seen(T0, T0)), links, Optional.of(new Seen(T0, T0)), Optional.empty());
        return WriteThrottle.touches(T0.plusSeconds(10), account, TOKEN_DEVICE, Optional.empty(), DeviceType.COMPUTER, attach, vouched, loggedOut,
                true, true).deviceLink();
    }

    /** Seed 003: a login abandoned at its challenge must find its device still new at the next try. */
    @Test
    void onlyAnAllowedEvaluationOrACarriedLogoutMakesALink() {
        assertThat(linkRow(List.of(), true, false)).as("allowed: the device becomes the account's").isTrue();
        assertThat(linkRow(List.of(), false, false)).as("challenged or denied: no link").isFalse();
        assertThat(linkRow(List.of(), false, true)).as("a logout carried to a separated device").isTrue();
    }

    @Test
    void aLoggedOutLinkIsAttachedAgainOnlyByAnAllowedEvaluation() {
        List<LinkedDevice> detached = List.of(new LinkedDevice("dev-1", DeviceType.COMPUTER, LinkStatus.DETACHED, T0, T0));
        assertThat(linkRow(detached, true, false)).isTrue();
        assertThat(linkRow(detached, false, false)).as("a challenged login leaves it logged out").isFalse();
        List<LinkedDevice> refused = List.of(new LinkedDevice("dev-1", DeviceType.COMPUTER, LinkStatus.REFUSED, T0, T0));
        assertThat(linkRow(refused, true, false)).as("a refused device let in at last").isTrue();
        assertThat(linkRow(refused, false, false)).isFalse();
    }

    private static boolean deviceUserRow(List<LinkedDevice> links, boolean attach) {
        AccountState account = new AccountState(Optional.of(new Seen(T0, T0)), links, Optional.of(new Seen(T0, T0)), Optional.empty());
        return WriteThrottle.touches(T0.plusSeconds(10), account, TOKEN_DEVICE, Optional.empty(), DeviceType.COMPUTER, attach, false, false,
                true, true).deviceUser();
    }

    /**
     * The account's row among the device's accounts (device_user_count) goes with its link, whose times say
     * when it was written; a device the account has no link to (a challenged or denied try) writes it at
     * each evaluation, so that one browser refused on account after account is counted on each.
     */
    @Test
    void theDevicesAccountRowGoesWithItsLinkOrWithEveryTryWithoutOne() {
        assertThat(deviceUserRow(List.of(), false)).as("challenged or denied, no link").isTrue();
        assertThat(deviceUserRow(List.of(), true)).as("a new link").isTrue();
        List<LinkedDevice> fresh = List.of(new LinkedDevice("dev-1", DeviceType.COMPUTER, LinkStatus.ATTACHED, T0, T0));
        assertThat(deviceUserRow(fresh, true)).as("linked 10 s ago: throttled with the link").isFalse();
        assertThat(deviceUserRow(fresh, false)).isFalse();
        List<LinkedDevice> stale = List.of(new LinkedDevice("dev-1", DeviceType.COMPUTER, LinkStatus.ATTACHED, T0.minus(Duration.ofHours(1)),
                T0.minus(Duration.ofHours(1))));
        assertThat(deviceUserRow(stale, true)).as("rewritten with its stale link").isTrue();
        assertThat(touches(true, false).deviceUser()).as("the zero device id is no device").isFalse();
    }

    private static final DeviceResolution FINGERPRINTED = new DeviceResolution("dev-1", false, DeviceResolution.MatchKind.TOKEN, 1.0,
            Optional.of("fp-1"), Optional.of("tok-hash"));

    private static boolean fingerprintRow(boolean shownVouched, boolean vouched) {
        AccountState account = new AccountState(Optional.of(new Seen(T0, T0)), List.of(), Optional.of(new Seen(T0, T0)),
                Optional.of(new Seen(T0, T0, shownVouched)));
        return WriteThrottle.touches(T0.plusSeconds(10), account, FINGERPRINTED, Optional.empty(), DeviceType.COMPUTER, false, vouched, false, true,
                true).fingerprint();
    }

    /**
     * A vouched evaluation showing a fingerprint only unsigned calls had shown for the account marks it
     * vouched at once (fingerprint_user_count in vouched evaluations counts it from then on), seen 10 s ago
     * or not; a denied or challenged one too: showing the fingerprint is not being let in.
     */
    @Test
    void aVouchedEvaluationWritesAFingerprintOnlyUnsignedCallsShowedAtOnce() {
        assertThat(fingerprintRow(false, true)).isTrue();
        assertThat(fingerprintRow(false, false)).as("unsigned: within the resolution").isFalse();
        assertThat(fingerprintRow(true, true)).as("already vouched").isFalse();
        assertThat(fingerprintRow(true, false)).isFalse();
    }

    /** A vouched login on a device only unsigned calls let in marks the link vouched, seen 10 s ago or not. */
    @Test
    void aVouchedAttachWritesAnUnvouchedLinkAtOnce() {
        List<LinkedDevice> unvouched = List.of(new LinkedDevice("dev-1", DeviceType.COMPUTER, LinkStatus.ATTACHED, T0, T0, false));
        assertThat(linkRow(unvouched, true, true, false)).isTrue();
        assertThat(linkRow(unvouched, true, false, false)).as("another unsigned call: throttled as before").isFalse();
        assertThat(linkRow(unvouched, false, true, false)).as("a challenged vouched login: no change").isFalse();
        List<LinkedDevice> vouched = List.of(new LinkedDevice("dev-1", DeviceType.COMPUTER, LinkStatus.ATTACHED, T0, T0, true));
        assertThat(linkRow(vouched, true, true, false)).as("already vouched: throttled").isFalse();
    }

    /**
     * A device seen 10 s ago is not rewritten, unless its type changes as DeviceType.kept says: unknown to
     * known, or a computer to a tablet (an iPad stored before its touch points were read).
     */
    @Test
    void aKnownDeviceIsRewrittenAtOnceOnlyWhenItsTypeChanges() {
        assertThat(deviceRow(DeviceType.COMPUTER, DeviceType.TABLET)).isTrue();
        assertThat(deviceRow(DeviceType.UNKNOWN, DeviceType.MOBILE)).isTrue();
        assertThat(deviceRow(DeviceType.COMPUTER, DeviceType.COMPUTER)).isFalse();
        assertThat(deviceRow(DeviceType.TABLET, DeviceType.COMPUTER)).as("a tablet does not go back").isFalse();
        assertThat(deviceRow(DeviceType.MOBILE, DeviceType.TABLET)).isFalse();
        assertThat(deviceRow(DeviceType.COMPUTER, DeviceType.UNKNOWN)).isFalse();
    }

    private static boolean deviceRow(DeviceType stored, DeviceType seen) {
        Optional<io.seatguard.core.identity.KnownDevice> known = Optional.of(new io.seatguard.core.identity.KnownDevice("dev-1", stored, "Safari",
                "Mac OS", T0, T0));
        return WriteThrottle.touches(T0.plusSeconds(10), KNOWN, TOKEN_DEVICE, known, seen, false, false, false, true, true).device();
    }
}
