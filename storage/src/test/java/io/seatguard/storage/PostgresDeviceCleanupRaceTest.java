package io.seatguard.storage;

import static io.seatguard.storage.ErasureRace.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.evaluation.EvaluationWrite;
import io.seatguard.core.evaluation.Touches;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.identity.UserAgentInfo;
import io.seatguard.core.intel.Place;
import io.seatguard.core.pattern.PatternDetector;
import io.seatguard.core.pattern.PatternObservation;
import io.seatguard.core.pattern.PatternThresholds;
import io.seatguard.core.testing.EvaluationSamples;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One account's erasure on one node while another node writes another account's first evaluation on the
 * same device, on one PostgreSQL database. The erasure deletes the erased account's devices that no other
 * account links and no other evaluation names; the other evaluation is written, not yet committed, when
 * the erasure decides. Found in review (session 54's note): the erasure's delete, reading as of its own
 * start, did not see the evaluation and deleted the device it names. Now the erasure locks the devices
 * before deciding, waits for the write that holds one, and keeps the device.
 */
class PostgresDeviceCleanupRaceTest {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    private static final String APP = "app_a";

    @TempDir
    Path dataDir;

    private ErasureRace race;

    @BeforeEach
    void openTwoNodes() {
        race = ErasureRace.open(dataDir);
        new SqlEvaluationStore(race.writing).record(EvaluationSamples.write(APP, "ev-ann", "ann", "dev-1", true, "tok-shared-laptop-01", "fp-1",
                DeviceType.COMPUTER, "198.51.100.1", T0));
    }

    @AfterEach
    void close() {
        if (race != null) {
            race.close();
        }
    }

    @Test
    void aDeviceAnotherAccountsEvaluationNamesAsTheErasureDecidesIsKept() throws Exception {
        EvaluationWrite bobs = bobsFirstEvaluationOnAnnsLaptop();
        try (Connection blocker = race.connection("blocker")) {
            blocker.setAutoCommit(false);
            // Bob's write stops at its pattern, after its evaluation's row (and its device check) went in.
            update(blocker, "INSERT INTO account_patterns (app_id, user_id, pattern, level_rank, current_value, first_detected, last_seen)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", APP, "bob", bobs.patterns().get(0).kind().wireName(), 1, 1L, T0.toEpochMilli(), T0.toEpochMilli());
            CompletableFuture<Void> evaluation = CompletableFuture.runAsync(() -> new SqlEvaluationStore(race.writing).record(bobs));
            race.awaitWaitingOrDone(1, evaluation);
            CompletableFuture<Boolean> erasure = CompletableFuture.supplyAsync(() -> new SqlAccountRecords(race.erasing).erase(APP, "ann"));
            race.awaitWaitingOrDone(2, erasure);
            blocker.rollback();
            evaluation.get(10, TimeUnit.SECONDS);
            assertThat(erasure.get(10, TimeUnit.SECONDS)).isTrue();
        }
        try (Connection reader = race.connection("reader")) {
            assertThat(count(reader, "SELECT COUNT(*) FROM evaluations WHERE app_id = ? AND id = ?", APP, "ev-bob")).as("bob's evaluation").isEqualTo(1);
            assertThat(count(reader, "SELECT COUNT(*) FROM evaluations e WHERE e.app_id = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM devices d WHERE d.app_id = e.app_id AND d.id = e.device_id)", APP))
                    .as("evaluations naming a device no longer stored").isZero();
            assertThat(count(reader, "SELECT COUNT(*) FROM device_tokens WHERE app_id = ? AND device_id = ?", APP, "dev-1"))
                    .as("the device's token, which bob's browser sends").isEqualTo(1);
        }
    }

    /** Bob's first evaluation, on the laptop ann used (its token), linking it, with a pattern raised. */
    private static EvaluationWrite bobsFirstEvaluationOnAnnsLaptop() {
        Instant at = T0.plusSeconds(30);
        EvaluationWrite plain = EvaluationSamples.write(APP, "ev-bob", "bob", "dev-1", false, "tok-shared-laptop-01", "fp-1", DeviceType.COMPUTER,
                "198.51.100.2", at);
        List<PatternObservation> patterns = new PatternDetector(PatternThresholds.DEFAULTS).observe(Map.of("device_count", 11L),
                new AccountState(Optional.empty(), List.of(), Optional.empty(), Optional.empty()), at);
        assertThat(patterns).isNotEmpty();
        return new EvaluationWrite(plain.evaluation(), plain.device(), true, Touches.ALL, Map.of(), Place.UNKNOWN, Optional.empty(), patterns, List.of(),
                UserAgentInfo.UNKNOWN_VERSION, false);
    }

    private static int count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
