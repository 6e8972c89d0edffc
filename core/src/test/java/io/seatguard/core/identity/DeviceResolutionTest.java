package io.seatguard.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceResolution.MatchKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a write that does not let its device in keeps of a resolution ({@link DeviceResolution#withoutTakingComponents}). */
class DeviceResolutionTest {
    private static final String DEVICE = "0b6c1a52-3a43-4b8e-9a0e-2f7b1d7c9e11";
    private static final Optional<String> FINGERPRINT = Optional.of("fp-shown");

    @Test
    void aCloseMatchNeitherClaimsTheFingerprintNorReplacesTheComponents() {
        for (MatchKind close : new MatchKind[] {MatchKind.FUZZY, MatchKind.FUZZY_APP}) {
            DeviceResolution found = new DeviceResolution(DEVICE, false, close, 0.9, FINGERPRINT, Optional.of("token-hash"), false, true);
            DeviceResolution written = found.withoutTakingComponents();
            assertThat(written.fingerprintHeld()).as("%s: the store claims nothing", close).isTrue();
            assertThat(written.replacesComponents()).as("%s: the stored components stay", close).isFalse();
            assertThat(written.tokenHash()).as("the token is withoutJoiningToken's to drop").isEqualTo(found.tokenHash());
            assertThat(written.confidence()).isEqualTo(found.confidence());
        }
    }

    @Test
    void aNewDeviceAnExactMatchAndTheDevicesOwnTokenWriteAsTheyDid() {
        DeviceResolution created = new DeviceResolution(DEVICE, true, MatchKind.NEW_DEVICE, 1.0, FINGERPRINT, Optional.empty());
        DeviceResolution exact = new DeviceResolution(DEVICE, false, MatchKind.EXACT_FINGERPRINT, 1.0, FINGERPRINT, Optional.empty())
                .withFingerprintHeld(true);
        DeviceResolution ownToken = new DeviceResolution(DEVICE, false, MatchKind.TOKEN, 1.0, FINGERPRINT, Optional.of("token-hash")).replacingComponents();
        DeviceResolution noComponents = new DeviceResolution(DEVICE, false, MatchKind.FUZZY, 0.9, Optional.empty(), Optional.empty());
        for (DeviceResolution resolution : new DeviceResolution[] {created, exact, ownToken, noComponents}) {
            assertThat(resolution.withoutTakingComponents()).as(resolution.matchedBy().name()).isEqualTo(resolution);
        }
    }
}
