package io.seatguard.storage;

import static io.seatguard.storage.ErasureRace.assertNone;
import static io.seatguard.storage.ErasureRace.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.testing.EvaluationSamples;
import io.seatguard.core.webhook.WebhookEndpoint;
import io.seatguard.core.webhook.WebhookEventType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An account erased on one node while another node writes one of the account's rows besides an
 * evaluation: a device link made by a passed challenge, a device refused by a declined one (each with
 * its webhook message), or an owner notice. Whichever commits first, nothing of the account may be left
 * without its account row ({@link PostgresErasureRaceTest} for the evaluation). Found in review after
 * the evaluation's race was fixed: these writes looked for the account with a plain read, which does
 * not wait for an erasure under way, and wrote a link, its message or a notice after the erasure had
 * looked.
 */
class PostgresErasureRaceLinksAndNoticesTest {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    private static final String APP = "app_a";
    private static final String USER = "ann";
    /** A device another account links, so that it outlives the erasure of {@link #USER}'s and can be linked to it. */
    private static final String SHARED_DEVICE = "dev-2";

    /** A write under the account that is not an evaluation, and the row a third connection holds to stop it part way. */
    enum RacingWrite {
        ATTACH("INSERT INTO user_devices (app_id, user_id, device_id, status, first_seen, last_seen) VALUES (?, ?, ?, 'attached', 0, 0)") {
            @Override
            void run(SqlDatabase node, Instant at) {
                new SqlDeviceLinks(node).attach(APP, USER, SHARED_DEVICE, "ev-9", at, at, true);
            }
        },
        REFUSE("INSERT INTO user_devices (app_id, user_id, device_id, status, first_seen, last_seen) VALUES (?, ?, ?, 'attached', 0, 0)") {
            @Override
            void run(SqlDatabase node, Instant at) {
                new SqlDeviceLinks(node).refuse(APP, USER, SHARED_DEVICE, at, at);
            }
        },
        OWNER_NOTICE("INSERT INTO owner_notices (app_id, user_id, device_id, sent_at) VALUES (?, ?, ?, 0)") {
            @Override
            void run(SqlDatabase node, Instant at) {
                new SqlOwnerNotices(node).claim(APP, USER, SHARED_DEVICE, List.of("ann@example.com"), at, at.minus(Duration.ofDays(1)), 5, 5, true);
            }
        };

        /** A row of the account and the shared device, inserted and not committed: the write waits on its key. */
        private final String stop;

        RacingWrite(String stop) {
            this.stop = stop;
        }

        abstract void run(SqlDatabase node, Instant at);
    }

    @TempDir
    Path dataDir;

    private ErasureRace race;

    @BeforeEach
    void openTwoNodes() throws SQLException {
        race = ErasureRace.open(dataDir);
        new SqlWebhooks(race.writing).create(new WebhookEndpoint("we_1", APP, "https://hooks.example/1",
                List.of(WebhookEventType.DEVICE_ATTACHED, WebhookEventType.DEVICE_DETACHED, WebhookEventType.CHALLENGE_FAILED), "whsec_a", List.of(), T0),
                20);
        SqlEvaluationStore evaluations = new SqlEvaluationStore(race.writing);
        evaluations.record(EvaluationSamples.write(APP, "ev-0", USER, "dev-1", true, "tok-ann-laptop-0001", "fp-1", DeviceType.COMPUTER, "198.51.100.1", T0));
        evaluations.record(EvaluationSamples.write(APP, "ev-1", "bob", SHARED_DEVICE, true, "tok-bob-laptop-0001", "fp-2", DeviceType.COMPUTER,
                "198.51.100.2", T0));
        // A pattern of the account: the erasure deletes patterns after links and notices, so holding it stops the erasure there.
        try (Connection setup = race.connection("setup")) {
            update(setup, "INSERT INTO account_patterns (app_id, user_id, pattern, level_rank, current_value, first_detected, last_seen)"
                    + " VALUES (?, ?, 'device_count', 1, 6, ?, ?)", APP, USER, T0.toEpochMilli(), T0.toEpochMilli());
        }
    }

    @AfterEach
    void close() {
        if (race != null) {
            race.close();
        }
    }

    /** The write has started, and waits on a row of its own, when the erasure starts: the erasure must wait for it and take it along. */
    @ParameterizedTest
    @EnumSource(RacingWrite.class)
    void aWriteAnotherNodeIsMakingWhenTheErasureStartsIsErasedWithTheAccount(RacingWrite write) throws Exception {
        try (Connection blocker = race.connection("blocker")) {
            blocker.setAutoCommit(false);
            update(blocker, write.stop, APP, USER, SHARED_DEVICE);
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write.run(race.writing, T0.plusSeconds(30)));
            race.awaitWaitingOrDone(1, writing);
            CompletableFuture<Boolean> erasure = CompletableFuture.supplyAsync(() -> new SqlAccountRecords(race.erasing).erase(APP, USER));
            race.awaitWaitingOrDone(2, erasure);
            blocker.rollback();
            writing.get(10, TimeUnit.SECONDS);
            assertThat(erasure.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertNone(race.rowsWithoutTheirAccount(APP, USER), "rows no call can reach");
        assertNone(race.rowsOfTheAccount(APP, USER), "the racing write went with the account");
    }

    /**
     * The erasure has deleted the account's row and links and waits on its pattern when the write runs:
     * the write must wait for it and then find no account. Unlike an evaluation, none of these writes makes
     * the account again: a link or a notice of an account that is gone is not written.
     */
    @ParameterizedTest
    @EnumSource(RacingWrite.class)
    void aWriteAnotherNodeMakesWhileTheErasureCommitsLeavesNothing(RacingWrite write) throws Exception {
        try (Connection blocker = race.connection("blocker")) {
            blocker.setAutoCommit(false);
            update(blocker, "UPDATE account_patterns SET last_seen = last_seen WHERE app_id = ? AND user_id = ?", APP, USER);
            CompletableFuture<Boolean> erasure = CompletableFuture.supplyAsync(() -> new SqlAccountRecords(race.erasing).erase(APP, USER));
            race.awaitWaitingOrDone(1, erasure);
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write.run(race.writing, T0.plusSeconds(30)));
            race.awaitWaitingOrDone(2, writing);
            blocker.commit();
            assertThat(erasure.get(10, TimeUnit.SECONDS)).isTrue();
            writing.get(10, TimeUnit.SECONDS);
        }
        assertNone(race.rowsWithoutTheirAccount(APP, USER), "rows no call can reach");
        assertNone(race.rowsOfTheAccount(APP, USER), "the account stays erased");
    }
}
