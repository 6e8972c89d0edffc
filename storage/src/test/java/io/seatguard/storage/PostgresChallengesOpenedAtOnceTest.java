package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.challenge.Challenge;
import io.seatguard.core.challenge.ChallengePlan;
import io.seatguard.core.challenge.ChallengeStatus;
import io.seatguard.core.evaluation.EvaluationWrite;
import io.seatguard.core.evaluation.IdentityProof;
import io.seatguard.core.evaluation.Touches;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.intel.Place;
import io.seatguard.core.policy.ChallengeType;
import io.seatguard.core.testing.EvaluationSamples;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL schema opening a challenge on one account and device at the same moment.
 * Opening one overrides the account's pending ones on the device, then inserts; under read committed
 * neither node's override saw the other's challenge, not committed yet, so both stayed open (two codes
 * for the owner, two device-limit pages acting at once). The later opener must override the earlier
 * one, as the single writer of one node makes it.
 *
 * <p>The interleaving is staged, not hoped for: node one's batch opens its challenge and is then held
 * open by a write queued behind it; node two opens its own meanwhile, and node one commits only once
 * node two's write has either committed (the race) or is waiting for node one.
 */
class PostgresChallengesOpenedAtOnceTest {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    private static final String APP = "app_a";
    private static final String USER = "ann";
    private static final String DEVICE = "dev-1";
    private static final String TOKEN = "tok-dev-1-0001";

    @TempDir
    Path dataDir;

    @Test
    void twoNodesOpeningAChallengeOnOneAccountAndDeviceAtOnceLeaveTheLaterOneOpen() throws Exception {
        Staged staged = openAtOnce(DEVICE);

        assertThat(staged.statuses()).as("the challenges of the account on the device")
                .containsExactly(Map.entry("ch-one", "overridden"), Map.entry("ch-two", "created"));
        assertThat(staged.nodeTwoWaited()).as("node two waited for node one's commit").isTrue();
    }

    /**
     * The unknown device is every unidentified browser at once: a challenge there overrides none
     * (SqlChallengeStore.open), so neither may it wait for another's, or every such browser's challenged
     * evaluations would queue behind each other across the nodes.
     */
    @Test
    void twoNodesOpeningAChallengeOnTheUnknownDeviceAtOnceNeitherWaitNorOverride() throws Exception {
        Staged staged = openAtOnce(DeviceResolution.UNKNOWN_DEVICE_ID);

        assertThat(staged.nodeTwoWaited()).as("node two waited for node one's commit").isFalse();
        assertThat(staged.statuses()).as("the challenges of the account on the device")
                .containsExactly(Map.entry("ch-one", "created"), Map.entry("ch-two", "created"));
    }

    /**
     * @param nodeTwoWaited whether node two's write waited for node one's transaction, rather than committing while it was open
     * @param statuses the account's challenges on the device, by id
     */
    private record Staged(boolean nodeTwoWaited, Map<String, String> statuses) {}

    /** Node one opens challenge {@code ch-one} and holds its transaction open while node two opens {@code ch-two}, both on {@code device}. */
    private Staged openAtOnce(String device) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create();
                SqlDatabase one = SqlDatabase.open(postgres.settings(dataDir));
                SqlDatabase two = SqlDatabase.open(postgres.settings(dataDir))) {
            new SqlEvaluationStore(one).record(EvaluationSamples.write(APP, "ev-0", USER, device, true, TOKEN, "fp-1", DeviceType.COMPUTER,
                    "198.51.100.1", T0));
            Instant at = T0.plusSeconds(60);

            // Node one's batch: the challenged evaluation, then a write that keeps the transaction open.
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger nodeOneBackend = new AtomicInteger();
            GroupCommitWriter writer = one.writer();
            Future<?> first;
            Future<?> holder;
            try (GroupCommitWriter.Pause pause = writer.pause(5_000).orElseThrow()) {
                first = callers.submit(() -> new SqlEvaluationStore(one).record(challenged("one", device, at)));
                awaitQueued(writer, 1);
                holder = callers.submit(() -> one.write(connection -> {
                    nodeOneBackend.set(JdbcRunner.queryOne(connection, "SELECT pg_backend_pid()", row -> row.getInt(1)).orElseThrow());
                    held.countDown();
                    awaitRelease(release);
                    return null;
                }));
                awaitQueued(writer, 2);
            }
            assertThat(held.await(30, TimeUnit.SECONDS)).as("node one's batch opened its challenge and is held").isTrue();

            Future<?> second = callers.submit(() -> new SqlEvaluationStore(two).record(challenged("two", device, at.plusMillis(1))));
            boolean waited = awaitDoneOrWaitingFor(second, postgres, nodeOneBackend.get());
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            holder.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
            return new Staged(waited, statuses(postgres, device));
        }
        finally {
            callers.shutdownNow();
        }
    }

    /** An evaluation of the account on the device that opens a challenge there and moves no other row, so that the nodes meet only at the challenges. */
    private static EvaluationWrite challenged(String id, String device, Instant at) {
        EvaluationWrite plain = EvaluationSamples.write(APP, "ev-" + id, USER, device, false, TOKEN, "fp-1", DeviceType.COMPUTER, "198.51.100.1", at);
        Challenge challenge = new Challenge("ch-" + id, APP, "ev-" + id, ChallengeType.VERIFICATION,
                new ChallengePlan("pol_1", "login", Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(), IdentityProof.SERVER),
                ChallengeStatus.CREATED, Optional.of(USER), Optional.of("owner@example.com"), Optional.empty(), device, List.of("email"),
                List.of("concurrent_sessions"), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, at, at.plusSeconds(600), Optional.empty());
        return new EvaluationWrite(plain.evaluation(), plain.device(), false, new Touches(false, false, false, false, false, false), Map.of(),
                Place.UNKNOWN, Optional.of(challenge));
    }

    private static void awaitRelease(CountDownLatch release) {
        try {
            assertThat(release.await(30, TimeUnit.SECONDS)).as("node one released").isTrue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while node one's batch was held", e);
        }
    }

    private static void awaitQueued(GroupCommitWriter writer, int queued) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (writer.queued() < queued) {
            assertThat(System.nanoTime() - deadline).as("write " + queued + " queued").isNegative();
            Thread.onSpinWait();
        }
    }

    /**
     * Waits until node two's write has ended, or until a backend waits for node one's: only then may node
     * one commit, or node two's override could run after that commit and hide the race. Answers whether
     * it was the wait.
     */
    private static boolean awaitDoneOrWaitingFor(Future<?> write, PostgresTestDatabase postgres, int blockingBackend) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection connection = DriverManager.getConnection(postgres.url());
                PreparedStatement waiting = connection.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")) {
            waiting.setInt(1, blockingBackend);
            while (!write.isDone()) {
                try (ResultSet row = waiting.executeQuery()) {
                    row.next();
                    if (row.getInt(1) > 0) {
                        return true;
                    }
                }
                assertThat(System.nanoTime() - deadline).as("node two's write ended or waits for node one").isNegative();
                Thread.onSpinWait();
            }
        }
        return false;
    }

    private static Map<String, String> statuses(PostgresTestDatabase postgres, String device) throws Exception {
        Map<String, String> statuses = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(postgres.url());
                PreparedStatement select = connection.prepareStatement("SELECT id, status FROM challenges WHERE account_key = ? AND device_id = ? ORDER BY id")) {
            select.setString(1, Challenge.userKey(USER));
            select.setString(2, device);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    statuses.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return statuses;
    }
}
