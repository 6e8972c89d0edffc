package io.seatguard.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A request with a token asks the directory once for the token's and the fingerprint's devices (one
 * exchange with PostgreSQL), and checking the token then asks nothing more; the answers are those the two
 * lookups alone would give.
 */
class TokenAndFingerprintLookupTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final TreeMap<String, Object> LAPTOP = new TreeMap<>(Map.of("platform", "Win32", "cores", 8L, "webgl_vendor", "NVIDIA"));
    private static final String LAPTOP_FINGERPRINT = Fingerprint.of(LAPTOP).orElseThrow();
    private static final KnownDevice LAPTOP_DEVICE = new KnownDevice("dev-laptop", DeviceType.COMPUTER, "Chrome", "Windows", T0, T0);

    @Test
    void aKnownTokenWithItsOwnFingerprintIsOneLookup() {
        CountingDirectory directory = new CountingDirectory(Map.of(Fingerprint.sha256Hex("tok-laptop-browser"), LAPTOP_DEVICE),
                Map.of(LAPTOP_FINGERPRINT, LAPTOP_DEVICE));
        DeviceResolver resolver = new DeviceResolver(directory, () -> "dev-new");
        DeviceSignals signals = new DeviceSignals(Optional.of("tok-laptop-browser"), LAPTOP, List.of(), Optional.empty());

        DeviceResolver.Resolved first = resolver.resolve("app_a", signals);
        DeviceResolver.Resolved checked = resolver.verifyToken("app_a", signals, first);

        assertThat(checked.resolution().deviceId()).isEqualTo("dev-laptop");
        assertThat(checked.resolution().matchedBy()).isEqualTo(DeviceResolution.MatchKind.TOKEN);
        assertThat(checked.resolution().tokenMismatch()).isFalse();
        assertThat(checked.resolution().fingerprintHeld()).as("the store need not claim a fingerprint its device holds").isTrue();
        assertThat(directory.calls).containsExactly("token and fingerprint");
    }

    @Test
    void aFingerprintNobodyHoldsIsLeftForTheStoreToClaim() {
        DeviceResolution checked = laptopTokenCheckedAgainst(Map.of());

        assertThat(checked.deviceId()).isEqualTo("dev-laptop");
        assertThat(checked.replacesComponents()).isTrue();
        assertThat(checked.fingerprintHeld()).isFalse();
    }

    /** An identical unit of the model showed the fingerprint first: it stays that unit's, and the store need not try. */
    @Test
    void aFingerprintAnotherDeviceHoldsIsKnownHeldThroughReplacedComponents() {
        KnownDevice twin = new KnownDevice("dev-twin", DeviceType.COMPUTER, "Chrome", "Windows", T0, T0);
        DeviceResolution checked = laptopTokenCheckedAgainst(Map.of(LAPTOP_FINGERPRINT, twin));

        assertThat(checked.deviceId()).isEqualTo("dev-laptop");
        assertThat(checked.replacesComponents()).isTrue();
        assertThat(checked.fingerprintHeld()).isTrue();
    }

    /** The laptop's token shown with the laptop's components, resolved and checked with these fingerprint holders. */
    private static DeviceResolution laptopTokenCheckedAgainst(Map<String, KnownDevice> byFingerprint) {
        CountingDirectory directory = new CountingDirectory(Map.of(Fingerprint.sha256Hex("tok-laptop-browser"), LAPTOP_DEVICE), byFingerprint);
        DeviceResolver resolver = new DeviceResolver(directory, () -> "dev-new");
        DeviceSignals signals = new DeviceSignals(Optional.of("tok-laptop-browser"), LAPTOP, List.of(), Optional.empty());
        return resolver.verifyToken("app_a", signals, resolver.resolve("app_a", signals)).resolution();
    }

    /** An exact match that does not stand makes a new device; the device that did not stand still holds the fingerprint. */
    @Test
    void aNewDeviceMadeOfARejectedExactMatchKnowsTheFingerprintHeld() {
        CountingDirectory directory = new CountingDirectory(Map.of(), Map.of(LAPTOP_FINGERPRINT, LAPTOP_DEVICE)) {
            @Override
            public Map<String, Integer> lowestRecentBrowserMajor(String appId, Collection<String> deviceIds, Instant since) {
                // Every install of the laptop already runs a newer browser than the request's.
                return Map.of("dev-laptop", 131);
            }
        };
        DeviceResolver resolver = new DeviceResolver(directory, () -> "dev-new");
        DeviceSignals signals = new DeviceSignals(Optional.empty(), LAPTOP, List.of(), Optional.empty());

        DeviceResolver.Resolved first = resolver.resolve("app_a", signals);
        DeviceResolver.Resolved settled = resolver.settle("app_a", signals, first, List.of(), java.net.InetAddress.getLoopbackAddress(), T0, 120);

        assertThat(first.resolution().fingerprintHeld()).isTrue();
        assertThat(settled.resolution().deviceId()).isEqualTo("dev-new");
        assertThat(settled.resolution().isNew()).isTrue();
        assertThat(settled.resolution().fingerprintHeld()).isTrue();
    }

    @Test
    void aFingerprintMissingFromTheDirectoryIsNotHeld() {
        CountingDirectory directory = new CountingDirectory(Map.of(), Map.of());
        DeviceResolver resolver = new DeviceResolver(directory, () -> "dev-new");

        DeviceResolver.Resolved first = resolver.resolve("app_a", new DeviceSignals(Optional.empty(), LAPTOP, List.of(), Optional.empty()));

        assertThat(first.resolution().isNew()).isTrue();
        assertThat(first.resolution().fingerprintHeld()).isFalse();
    }

    @Test
    void anUnknownTokenFallsBackToTheFingerprintFoundWithIt() {
        CountingDirectory directory = new CountingDirectory(Map.of(), Map.of(LAPTOP_FINGERPRINT, LAPTOP_DEVICE));
        DeviceResolver resolver = new DeviceResolver(directory, () -> "dev-new");
        DeviceSignals signals = new DeviceSignals(Optional.of("tok-cleared-storage"), LAPTOP, List.of(), Optional.empty());

        DeviceResolver.Resolved first = resolver.resolve("app_a", signals);

        assertThat(first.resolution().deviceId()).isEqualTo("dev-laptop");
        assertThat(first.resolution().matchedBy()).isEqualTo(DeviceResolution.MatchKind.EXACT_FINGERPRINT);
        assertThat(directory.calls).containsExactly("token and fingerprint");
    }

    /** A resolution made without the joint lookup (as tests and older callers build one) still gets its fingerprint checked. */
    @Test
    void aTokenMatchBuiltWithoutTheLookupAsksForTheFingerprint() {
        KnownDevice other = new KnownDevice("dev-other", DeviceType.COMPUTER, "Chrome", "Windows", T0, T0);
        CountingDirectory directory = new CountingDirectory(Map.of(), Map.of(LAPTOP_FINGERPRINT, other));
        DeviceResolver resolver = new DeviceResolver(directory, () -> "dev-new");
        DeviceSignals signals = new DeviceSignals(Optional.of("tok-laptop-browser"), LAPTOP, List.of(), Optional.empty());
        DeviceResolver.Resolved first = new DeviceResolver.Resolved(new DeviceResolution("dev-laptop", false, DeviceResolution.MatchKind.TOKEN, 1.0,
                Optional.of(LAPTOP_FINGERPRINT), Optional.of(Fingerprint.sha256Hex("tok-laptop-browser"))), Optional.of(LAPTOP_DEVICE));

        resolver.verifyToken("app_a", signals, first);

        assertThat(directory.calls).startsWith("fingerprint");
    }

    /** Answers from two maps and records which lookup was asked. */
    private static class CountingDirectory implements DeviceDirectory {
        private final Map<String, KnownDevice> byToken;
        private final Map<String, KnownDevice> byFingerprint;
        final List<String> calls = new java.util.ArrayList<>();

        CountingDirectory(Map<String, KnownDevice> byToken, Map<String, KnownDevice> byFingerprint) {
            this.byToken = byToken;
            this.byFingerprint = byFingerprint;
        }

        @Override
        public Optional<KnownDevice> findByTokenHash(String appId, String tokenHash) {
            calls.add("token");
            return Optional.ofNullable(byToken.get(tokenHash));
        }

        @Override
        public Optional<KnownDevice> findByFingerprint(String appId, String fingerprintId) {
            calls.add("fingerprint");
            return Optional.ofNullable(byFingerprint.get(fingerprintId));
        }

        @Override
        public TokenAndFingerprint findByTokenAndFingerprint(String appId, String tokenHash, Optional<String> fingerprintId) {
            calls.add("token and fingerprint");
            return new TokenAndFingerprint(Optional.ofNullable(byToken.get(tokenHash)), fingerprintId.map(byFingerprint::get));
        }

        @Override
        public boolean wasLetIn(String appId, String deviceId) {
            calls.add("let in");
            return true;
        }

        @Override
        public List<StoredDevice> latest(String appId, Collection<String> deviceIds) {
            calls.add("latest");
            return List.of();
        }

        @Override
        public Block block(String appId, String blockingKey, int limit) {
            calls.add("block");
            return Block.EMPTY;
        }

        @Override
        public Map<String, Set<String>> networksSince(String appId, Collection<String> deviceIds, Instant since) {
            calls.add("networks");
            return Map.of();
        }

        @Override
        public int devicesOnNetwork(String appId, String network, Instant since, int limit) {
            calls.add("devices on network");
            return 0;
        }

        @Override
        public Map<String, Integer> lowestRecentBrowserMajor(String appId, Collection<String> deviceIds, Instant since) {
            calls.add("browser majors");
            return Map.of();
        }

        @Override
        public List<DeviceToken> tokens(String appId, String deviceId, String tokenHash) {
            calls.add("tokens");
            return List.of();
        }
    }
}
