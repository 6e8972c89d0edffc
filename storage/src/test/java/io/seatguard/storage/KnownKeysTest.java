package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.identity.Fingerprint;
import io.seatguard.core.identity.KnownDevice;
import io.seatguard.core.testing.EvaluationSamples;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filters of keys the embedded database may hold: "no" only for keys never written, "maybe" for
 * everything until the stored keys are read, and the caches in front of SQLite asking the database
 * nothing about a first visit.
 */
class KnownKeysTest {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");

    @TempDir
    Path dataDir;

    private SqlDatabase database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aRestartedServerKnowsTheStoredKeysAndOnlyThose() {
        database = SqlDatabase.open(StorageSettings.embedded(dataDir));
        new SqlEvaluationStore(database).record(EvaluationSamples.write("app_a", "ev1", "alice", "dev-1", true, "token-of-alice-xxxxxx", "fp-alice",
                DeviceType.COMPUTER, "198.51.100.1", T0));
        database.close();
        database = SqlDatabase.open(StorageSettings.embedded(dataDir));

        KnownKeys known = KnownKeys.sizedFor(database);
        assertThat(known.mayHaveUser("app_a", "bob")).as("before loading, every answer is maybe").isTrue();
        assertThat(known.mayHaveToken("app_a", "nothing")).isTrue();
        assertThat(known.mayHaveFingerprint("app_a", "nothing")).isTrue();

        known.load(database);
        assertThat(known.isLoaded()).isTrue();
        assertThat(known.mayHaveUser("app_a", "alice")).isTrue();
        assertThat(known.mayHaveToken("app_a", Fingerprint.sha256Hex("token-of-alice-xxxxxx"))).isTrue();
        assertThat(known.mayHaveFingerprint("app_a", "fp-alice")).isTrue();
        assertThat(known.mayHaveUser("app_a", "bob")).isFalse();
        assertThat(known.mayHaveUser("app_b", "alice")).as("keys are per app").isFalse();
        assertThat(known.mayHaveToken("app_a", Fingerprint.sha256Hex("token-of-bob-xxxxxxxx"))).isFalse();
        assertThat(known.mayHaveFingerprint("app_a", "fp-bob")).isFalse();
    }

    @Test
    void aFirstVisitReadsNothingFromTheDatabaseAndASecondFindsWhatTheFirstWrote() {
        database = SqlDatabase.open(StorageSettings.embedded(dataDir));
        KnownKeys known = KnownKeys.sizedFor(database);
        known.load(database);
        CountingReads counting = new CountingReads(new SqlAccountReader(database), new SqlDeviceDirectory(database));
        AccountStateCache cache = new AccountStateCache(counting, counting, new SqlEvaluationStore(database), known);
        ActivityCache activity = new ActivityCache(new SqlActivityReader(database), cache, known);
        String tokenHash = Fingerprint.sha256Hex("token-of-carol-xxxxxx");

        assertThat(cache.findByTokenHash("app_a", tokenHash)).isEmpty();
        assertThat(cache.findByFingerprint("app_a", "fp-carol")).isEmpty();
        AccountState before = cache.load("app_a", "carol", "198.51.100.7", Optional.of("fp-carol"), Optional.empty(), T0.minus(Duration.ofDays(30)));
        assertThat(before.userKnown()).isFalse();
        assertThat(activity.read("app_a", "carol", Optional.of("FR"), Optional.of("fp-carol"), T0, Duration.ofHours(1)).fingerprintUsers())
                .hasValue(0);
        assertThat(counting.reads).as("a first visit asks the database nothing").hasValue(0);

        activity.record(EvaluationSamples.write("app_a", "ev1", "carol", "dev-carol", true, "token-of-carol-xxxxxx", "fp-carol", DeviceType.COMPUTER,
                "198.51.100.7", T0));

        assertThat(cache.findByTokenHash("app_a", tokenHash)).map(KnownDevice::id).contains("dev-carol");
        assertThat(cache.findByFingerprint("app_a", "fp-carol")).as("the fingerprint the new device took").map(KnownDevice::id).contains("dev-carol");
        Instant since = T0.minus(Duration.ofDays(30));
        AccountState again = cache.load("app_a", "carol", "198.51.100.7", Optional.of("fp-carol"), Optional.of("dev-carol"), since);
        assertThat(again.userKnown()).isTrue();
        assertThat(again.ip()).isPresent();
        assertThat(again.fingerprint()).isPresent();
        assertThat(again.devices()).extracting(io.seatguard.core.account.LinkedDevice::deviceId).containsExactly("dev-carol");
        AccountState elsewhere = cache.load("app_a", "carol", "203.0.113.9", Optional.of("fp-other"), Optional.empty(), since);
        assertThat(elsewhere.ip()).as("an IP the account never used").isEmpty();
        assertThat(elsewhere.fingerprint()).isEmpty();
        assertThat(counting.reads).as("a new account's second visit, from anywhere, is answered from memory").hasValue(0);
        // The database agrees.
        AccountState stored = new SqlAccountReader(database).load("app_a", "carol", "203.0.113.9", Optional.of("fp-other"), Optional.empty(), since);
        assertThat(stored.ip()).isEqualTo(elsewhere.ip());
        assertThat(new SqlDeviceDirectory(database).findByTokenHash("app_a", tokenHash)).isEqualTo(cache.findByTokenHash("app_a", tokenHash));
        assertThat(new SqlDeviceDirectory(database).findByFingerprint("app_a", "fp-carol")).isEqualTo(cache.findByFingerprint("app_a", "fp-carol"));
        assertThat(activity.read("app_a", "carol", Optional.of("FR"), Optional.of("fp-carol"), T0.plusSeconds(60), Duration.ofHours(1))
                .fingerprintUsers()).hasValue(1);
    }
}
