package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.evaluation.DeviceClaimConflict;
import io.seatguard.core.evaluation.EvaluationWrite;
import io.seatguard.core.evaluation.Touches;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.identity.Fingerprint;
import io.seatguard.core.identity.KnownDevice;
import io.seatguard.core.testing.EvaluationSamples;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the embedded store's cache keeps from the write that creates a device, so that the device's next
 * visit reads nothing: its token (see KnownKeysTest) and the fingerprint it took. Each answer must be the
 * database's own, twins and failed writes included.
 */
class NewDeviceCacheTest {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    private static final Map<String, Object> COMPONENTS = Map.of("gpu", "ANGLE (Intel UHD 620)", "cores", 8L, "touch", false);

    @TempDir
    Path dataDir;

    private CountedCache store;
    /** The database's own answers. */
    private SqlDeviceDirectory stored;

    @BeforeEach
    void open() {
        store = new CountedCache(dataDir);
        stored = new SqlDeviceDirectory(store.database);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNewDevicesFingerprintIsAnsweredFromMemoryAsTheDatabaseHasIt() {
        store.cache.record(newDevice("ev-1", "dev-a", "token-of-dev-a-xxxxxx", "fp-a", COMPONENTS, T0));

        assertThat(store.cache.findByFingerprint("app_a", "fp-a")).map(KnownDevice::id).contains("dev-a");
        assertThat(store.counting.reads).as("nothing read back").hasValue(0);
        assertThat(store.cache.findByFingerprint("app_a", "fp-a")).isEqualTo(stored.findByFingerprint("app_a", "fp-a"));
    }

    @Test
    void aFingerprintTheDeviceShowsLaterIsReadAgain() {
        store.cache.record(newDevice("ev-1", "dev-a", "token-of-dev-a-xxxxxx", "fp-a", COMPONENTS, T0));
        // A known device showing a fingerprint nobody held: the store gives it to the device, but the cache
        // keeps only a new device's claim, so it asks, and finds the same.
        store.cache.record(replacingComponents(laterVisit("fp-a2")));

        int reads = store.counting.reads.get();
        assertThat(store.cache.findByFingerprint("app_a", "fp-a2")).map(KnownDevice::id).contains("dev-a");
        assertThat(store.counting.reads).hasValue(reads + 1);
        assertThat(store.cache.findByFingerprint("app_a", "fp-a2")).isEqualTo(stored.findByFingerprint("app_a", "fp-a2"));
    }

    /**
     * A fingerprint cached as held by nobody (KnownKeys may say "maybe" for a key never written: its false
     * positives, or while it loads at start) that a known device then shows, in a write the throttle
     * keeps from touching the device's row: the store gives it the fingerprint all the same.
     */
    @Test
    void aFingerprintCachedAsFreeIsReadAgainOnceAKnownDeviceShowsIt() {
        store.cache.record(newDevice("ev-1", "dev-a", "token-of-dev-a-xxxxxx", "fp-a", COMPONENTS, T0));
        store.known.addFingerprint("app_a", "fp-late");
        assertThat(store.cache.findByFingerprint("app_a", "fp-late")).as("cached as free").isEmpty();

        EvaluationWrite visit = laterVisit("fp-late");
        store.cache.record(new EvaluationWrite(visit.evaluation(), visit.device(), true, new Touches(false, false, false, false, false, false),
                visit.components()));

        assertThat(stored.findByFingerprint("app_a", "fp-late")).map(KnownDevice::id).contains("dev-a");
        assertThat(store.cache.findByFingerprint("app_a", "fp-late")).isEqualTo(stored.findByFingerprint("app_a", "fp-late"));
    }

    /** Components replaced by a write while another request reads them: the older read is not kept. */
    @Test
    void componentsReplacedWhileTheyAreReadAreNotCachedAsTheyWere() {
        store.cache.record(newDevice("ev-1", "dev-a", "token-of-dev-a-xxxxxx", "fp-a", COMPONENTS, T0));
        store.counting.afterNextLatest = () -> store.cache.record(replacingComponents(laterVisit("fp-a2")));

        assertThat(store.cache.latest("app_a", java.util.List.of("dev-a"))).singleElement()
                .satisfies(read -> assertThat(read.components()).as("what the read saw").containsEntry("gpu", "ANGLE (Intel UHD 620)"));
        assertThat(store.cache.latest("app_a", java.util.List.of("dev-a"))).singleElement()
                .satisfies(read -> assertThat(read.components()).as("the write's, as stored").containsEntry("gpu", "other"));
    }

    @Test
    void aNewDeviceWhoseWriteFailedLeavesNothingBehind() {
        store.cache.record(newDevice("ev-1", "dev-a", "token-of-dev-a-xxxxxx", "fp-a", COMPONENTS, T0));
        // Resolved while the token looked free; another device took it first.
        assertThatThrownBy(() -> store.cache.record(newDevice("ev-2", "dev-b", "token-of-dev-a-xxxxxx", "fp-b", Map.of("gpu", "other"), T0.plusSeconds(1))))
                .isInstanceOf(DeviceClaimConflict.class);

        assertThat(store.cache.findByFingerprint("app_a", "fp-b")).isEmpty();
        assertThat(stored.findByFingerprint("app_a", "fp-b")).isEmpty();
    }

    /**
     * Two new devices showing one fingerprint, each resolved while nobody held it (one browser's tabs
     * evaluated at the same moment): the first write takes it, the second's claim finds it taken and
     * fails, to be resolved again. The cache must answer the first device, as the database does, and keep
     * nothing of the second.
     */
    @Test
    void aNewDeviceThatLostTheRaceForItsFingerprintLeavesItWithTheWinner() {
        assertThat(store.cache.findByFingerprint("app_a", "fp-twin")).as("cached as free by both resolutions").isEmpty();

        store.cache.record(newDevice("ev-a", "dev-twin-a", "token-of-twin-a-xxxxxx", "fp-twin", COMPONENTS, T0));
        assertThatThrownBy(() -> store.cache.record(newDevice("ev-b", "dev-twin-b", "token-of-twin-b-xxxxxx", "fp-twin", COMPONENTS, T0.plusMillis(1))))
                .isInstanceOf(DeviceClaimConflict.class);

        assertThat(store.cache.findByFingerprint("app_a", "fp-twin")).map(KnownDevice::id).contains("dev-twin-a");
        assertThat(stored.findByFingerprint("app_a", "fp-twin")).map(KnownDevice::id).contains("dev-twin-a");
        assertThat(store.cache.findByTokenHash("app_a", Fingerprint.sha256Hex("token-of-twin-b-xxxxxx"))).isEmpty();
        assertThat(stored.findByTokenHash("app_a", Fingerprint.sha256Hex("token-of-twin-b-xxxxxx"))).isEmpty();
    }

    /**
     * A race lost to a write that has committed but whose thread has not yet told the cache (it is
     * between the two): the loser's retry must read the account as the database has it, with the
     * winner's device linked, or it would take that device for another account's and split it off.
     */
    @Test
    void aLostDeviceRaceReadsTheAccountAgain() {
        java.util.function.Supplier<java.util.List<String>> linked = () -> store.cache.load("app_a", "alice", "198.51.100.7", Optional.of("fp-tab"),
                Optional.empty(), T0.minus(java.time.Duration.ofDays(30))).devices().stream().map(io.seatguard.core.account.LinkedDevice::deviceId).toList();
        assertThat(linked.get()).as("cached: a new account").isEmpty();

        // Two tabs of one browser sharing a token, both resolved as a new device: the first has committed.
        new SqlEvaluationStore(store.database).record(newDevice("ev-a", "dev-tab-a", "token-of-the-tabs-xxxxx", "fp-tab", COMPONENTS, T0));
        assertThatThrownBy(() -> store.cache.record(newDevice("ev-b", "dev-tab-b", "token-of-the-tabs-xxxxx", "fp-tab", COMPONENTS, T0)))
                .isInstanceOf(DeviceClaimConflict.class);

        assertThat(linked.get()).containsExactly("dev-tab-a");
    }

    /**
     * A new device that resolution saw the fingerprint held for and kept apart (an identical machine of
     * a common model): it does not take the fingerprint, and the cache must still answer the device that
     * holds it, from memory, not the device written last.
     */
    @Test
    void aLookAlikeNewDeviceIsNotCachedAsTheFingerprintsHolder() {
        store.cache.record(newDevice("ev-a", "dev-twin-a", "token-of-twin-a-xxxxxx", "fp-twin", COMPONENTS, T0));
        assertThat(store.cache.findByFingerprint("app_a", "fp-twin")).map(KnownDevice::id).contains("dev-twin-a");
        EvaluationWrite lookAlike = newDevice("ev-b", "dev-twin-b", "token-of-twin-b-xxxxxx", "fp-twin", COMPONENTS, T0.plusMillis(1));
        store.cache.record(new EvaluationWrite(lookAlike.evaluation(), lookAlike.device().withFingerprintHeld(true), true, lookAlike.touches(),
                lookAlike.components()));

        int reads = store.counting.reads.get();
        assertThat(store.cache.findByFingerprint("app_a", "fp-twin")).map(KnownDevice::id).contains("dev-twin-a");
        assertThat(store.counting.reads).as("answered from memory").hasValue(reads);
        assertThat(stored.findByFingerprint("app_a", "fp-twin")).map(KnownDevice::id).contains("dev-twin-a");
        assertThat(store.cache.findByTokenHash("app_a", Fingerprint.sha256Hex("token-of-twin-b-xxxxxx"))).map(KnownDevice::id).contains("dev-twin-b");
    }

    /** dev-a's visit a minute after its first, showing {@code fingerprintId}. */
    private static EvaluationWrite laterVisit(String fingerprintId) {
        return EvaluationSamples.write("app_a", "ev-2", "alice", "dev-a", false, "token-of-dev-a-xxxxxx", fingerprintId, DeviceType.COMPUTER,
                "198.51.100.7", T0.plusSeconds(60));
    }

    /** The visit with other components, which the store puts in place of the device's. */
    private static EvaluationWrite replacingComponents(EvaluationWrite visit) {
        return new EvaluationWrite(visit.evaluation(), visit.device().replacingComponents(), true, visit.touches(), Map.of("gpu", "other"));
    }

    private static EvaluationWrite newDevice(String evaluationId, String deviceId, String token, String fingerprintId, Map<String, Object> components,
            Instant at) {
        EvaluationWrite write = EvaluationSamples.write("app_a", evaluationId, "alice", deviceId, true, token, fingerprintId, DeviceType.COMPUTER,
                "198.51.100.7", at);
        DeviceResolution device = write.device();
        assertThat(device.fingerprintHeld()).isFalse();
        return new EvaluationWrite(write.evaluation(), device, true, write.touches(), components);
    }
}
