package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.evaluation.EvaluationWrite;
import io.seatguard.core.evaluation.Touches;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.intel.Place;
import io.seatguard.core.testing.EvaluationSamples;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL schema, each committing one batch of an account's evaluations in several
 * countries and from several addresses, the two batches in opposite orders, round after round. Found in
 * review: each write ran its statements in turn, so the batches took the account's {@code user_countries}
 * (and {@code user_ips}) rows in opposite orders and deadlocked; PostgreSQL aborted one after
 * {@code deadlock_timeout} (1 s) and that node's writer committed the batch's writes again one by one.
 * The writers now take every batch's rows in one order ({@link OrderedWrites}): no batch is split.
 */
class PostgresBatchLockOrderTest {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    private static final String APP = "app_a";
    private static final String USER = "ann";
    private static final String DEVICE = "dev-1";
    private static final String TOKEN = "tok-ann-laptop-0001";
    private static final List<String> COUNTRIES = List.of("AR", "AT", "AU", "BE", "BR", "CA", "CH", "DE", "ES", "FR", "GB", "IT");
    private static final int ROUNDS = 8;
    /** Only the account's countries and addresses move; its own row and its device's are only held, as between throttled writes. */
    private static final Touches COUNTRY_AND_IP = new Touches(false, false, true, false, false, true);

    @TempDir
    Path dataDir;

    @Test
    void twoNodesBatchingOneAccountsRowsInOppositeOrdersNeverDeadlock() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(2 * COUNTRIES.size());
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create();
                SqlDatabase one = SqlDatabase.open(postgres.settings(dataDir));
                SqlDatabase two = SqlDatabase.open(postgres.settings(dataDir))) {
            new SqlEvaluationStore(one).record(EvaluationSamples.write(APP, "ev-0", USER, DEVICE, true, TOKEN, "fp-1", DeviceType.COMPUTER,
                    "198.51.100.1", T0));
            for (int round = 1; round <= ROUNDS; round++) {
                // Each round later than the last by more than the rows' resolution, so that every upsert changes its row.
                Instant at = T0.plus(Duration.ofMinutes(10L * round));
                List<Integer> forward = new ArrayList<>();
                for (int i = 0; i < COUNTRIES.size(); i++) {
                    forward.add(i);
                }
                List<Integer> backward = forward.reversed();
                List<Future<?>> writes = new ArrayList<>();
                try (GroupCommitWriter.Pause first = lineUp(one, "one-" + round, forward, at, callers, writes);
                        GroupCommitWriter.Pause second = lineUp(two, "two-" + round, backward, at, callers, writes)) {
                    // Both batches are queued: closing the pauses lets them go at once.
                }
                for (Future<?> write : writes) {
                    write.get(30, TimeUnit.SECONDS);
                }
            }

            assertThat(one.writerStats().splitBatches()).as("batches node one split after a failure (a deadlock)").isZero();
            assertThat(two.writerStats().splitBatches()).as("batches node two split after a failure (a deadlock)").isZero();
            assertThat(count(postgres, "SELECT COUNT(*) FROM user_countries WHERE last_seen = " + T0.plus(Duration.ofMinutes(10L * ROUNDS)).toEpochMilli()))
                    .as("every country's row carries the last round").isEqualTo(COUNTRIES.size());
            assertThat(count(postgres, "SELECT COUNT(*) FROM evaluations")).isEqualTo(1 + 2 * ROUNDS * COUNTRIES.size());
        }
        finally {
            callers.shutdownNow();
        }
    }

    /**
     * What each evaluation does after its rows (its challenge, its webhook messages) ran in the order of
     * the accounts, and in arrival order within one: opening a challenge ends the open ones of the account
     * on that device, so two nodes' batches with the account's challenged evaluations on two devices, in
     * opposite orders, each held one device's challenges and waited for the other's. Within an account
     * that work now runs by device too.
     */
    @Test
    void twoNodesBatchingChallengesOfOneAccountOnTwoDevicesInOppositeOrdersNeverDeadlock() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<String> devices = List.of("dev-1", "dev-2");
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create();
                SqlDatabase one = SqlDatabase.open(postgres.settings(dataDir));
                SqlDatabase two = SqlDatabase.open(postgres.settings(dataDir))) {
            for (String device : devices) {
                new SqlEvaluationStore(one).record(EvaluationSamples.write(APP, "ev-" + device, USER, device, true, "tok-" + device + "-0001",
                        "fp-" + device, DeviceType.COMPUTER, "198.51.100.1", T0));
                new SqlEvaluationStore(one).record(challenged("first-" + device, device, T0));
            }
            for (int round = 1; round <= ROUNDS / 2; round++) {
                Instant at = T0.plusSeconds(round);
                String prefix = "r" + round + "-";
                List<Future<?>> writes = new ArrayList<>();
                try (GroupCommitWriter.Pause first = lineUp(one, devices.stream().<Runnable>map(device ->
                        () -> new SqlEvaluationStore(one).record(challenged(prefix + "one-" + device, device, at))).toList(), callers, writes);
                        GroupCommitWriter.Pause second = lineUp(two, devices.reversed().stream().<Runnable>map(device ->
                                () -> new SqlEvaluationStore(two).record(challenged(prefix + "two-" + device, device, at))).toList(), callers, writes)) {
                    // Both batches are queued: closing the pauses lets them go at once.
                }
                for (Future<?> write : writes) {
                    write.get(30, TimeUnit.SECONDS);
                }
            }

            assertThat(one.writerStats().splitBatches()).as("batches node one split after a failure (a deadlock)").isZero();
            assertThat(two.writerStats().splitBatches()).as("batches node two split after a failure (a deadlock)").isZero();
            assertThat(count(postgres, "SELECT COUNT(*) FROM challenges")).as("every challenge opened").isEqualTo(2 + 2 * ROUNDS);
        }
        finally {
            callers.shutdownNow();
        }
    }

    /**
     * Opening a challenge first locks its account key and device (ChallengeOpeningLock). Signups' challenges
     * have no account, only an email, so several of them on one device share the batch's place of that
     * device under the empty account: taken in arrival order, two nodes' batches with two emails' signups
     * on one device in opposite orders each held one email's lock and waited for the other's. Within a
     * device those steps now run by account key.
     */
    @Test
    void twoNodesBatchingSignupChallengesOfTwoEmailsOnOneDeviceInOppositeOrdersNeverDeadlock() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<String> emails = List.of("a@example.com", "b@example.com");
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create();
                SqlDatabase one = SqlDatabase.open(postgres.settings(dataDir));
                SqlDatabase two = SqlDatabase.open(postgres.settings(dataDir))) {
            new SqlEvaluationStore(one).record(EvaluationSamples.write(APP, "ev-0", null, DEVICE, true, TOKEN, "fp-1", DeviceType.COMPUTER,
                    "198.51.100.1", T0));
            for (int round = 1; round <= ROUNDS; round++) {
                Instant at = T0.plusSeconds(round);
                String prefix = "r" + round + "-";
                List<Future<?>> writes = new ArrayList<>();
                try (GroupCommitWriter.Pause first = lineUp(one, emails.stream().<Runnable>map(email ->
                        () -> new SqlEvaluationStore(one).record(signup(prefix + "one-" + email, email, at))).toList(), callers, writes);
                        GroupCommitWriter.Pause second = lineUp(two, emails.reversed().stream().<Runnable>map(email ->
                                () -> new SqlEvaluationStore(two).record(signup(prefix + "two-" + email, email, at))).toList(), callers, writes)) {
                    // Both batches are queued: closing the pauses lets them go at once.
                }
                for (Future<?> write : writes) {
                    write.get(30, TimeUnit.SECONDS);
                }
            }

            assertThat(one.writerStats().splitBatches()).as("batches node one split after a failure (a deadlock)").isZero();
            assertThat(two.writerStats().splitBatches()).as("batches node two split after a failure (a deadlock)").isZero();
            assertThat(count(postgres, "SELECT COUNT(*) FROM challenges")).as("every challenge opened").isEqualTo(2 * emails.size() * ROUNDS);
        }
        finally {
            callers.shutdownNow();
        }
    }

    /**
     * An evaluation of the account on the device that opens a challenge there. It moves none of the
     * account's or device's rows (as between throttled writes), so that two nodes' batches meet only at
     * the challenges.
     */
    private static EvaluationWrite challenged(String id, String device, Instant at) {
        EvaluationWrite plain = EvaluationSamples.write(APP, "ev-" + id, USER, device, false, "tok-" + device + "-0001", "fp-" + device,
                DeviceType.COMPUTER, "198.51.100.1", at);
        io.seatguard.core.challenge.Challenge challenge = new io.seatguard.core.challenge.Challenge("ch-" + id, APP, "ev-" + id,
                io.seatguard.core.policy.ChallengeType.VERIFICATION,
                new io.seatguard.core.challenge.ChallengePlan("pol_1", "login", Optional.empty(), Optional.empty(), Optional.empty(),
                        java.util.OptionalInt.empty(), io.seatguard.core.evaluation.IdentityProof.SERVER),
                io.seatguard.core.challenge.ChallengeStatus.CREATED, Optional.of(USER), Optional.of("owner@example.com"), Optional.empty(), device,
                List.of("email"), List.of("concurrent_sessions"), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, at, at.plusSeconds(600),
                Optional.empty());
        return new EvaluationWrite(plain.evaluation(), plain.device(), false, new Touches(false, false, false, false, false, false), Map.of(),
                Place.UNKNOWN, Optional.of(challenge));
    }

    /** A signup's evaluation on {@link #DEVICE} (no account) that opens a challenge for {@code email}, moving no other row. */
    private static EvaluationWrite signup(String id, String email, Instant at) {
        EvaluationWrite plain = EvaluationSamples.write(APP, "ev-" + id, null, DEVICE, false, TOKEN, "fp-1", DeviceType.COMPUTER, "198.51.100.1", at);
        io.seatguard.core.challenge.Challenge challenge = new io.seatguard.core.challenge.Challenge("ch-" + id, APP, "ev-" + id,
                io.seatguard.core.policy.ChallengeType.VERIFICATION,
                new io.seatguard.core.challenge.ChallengePlan("pol_1", "signup", Optional.empty(), Optional.empty(), Optional.empty(),
                        java.util.OptionalInt.empty(), io.seatguard.core.evaluation.IdentityProof.SERVER),
                io.seatguard.core.challenge.ChallengeStatus.CREATED, Optional.empty(), Optional.of(email), Optional.empty(), DEVICE,
                List.of("email"), List.of("ip_is_hosting"), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, at, at.plusSeconds(600),
                Optional.empty());
        return new EvaluationWrite(plain.evaluation(), plain.device(), false, new Touches(false, false, false, false, false, false), Map.of(),
                Place.UNKNOWN, Optional.of(challenge));
    }

    /**
     * Holds the node's writer and queues its writes in the given order while it is held, so that they go
     * as one batch once the pause is closed.
     */
    private static GroupCommitWriter.Pause lineUp(SqlDatabase node, List<Runnable> tasks, ExecutorService callers, List<Future<?>> writes)
            throws Exception {
        GroupCommitWriter writer = node.writer();
        GroupCommitWriter.Pause pause = writer.pause(5_000).orElseThrow();
        int queued = 0;
        for (Runnable task : tasks) {
            writes.add(callers.submit(task));
            queued++;
            // One at a time, so that the queue holds them in this order.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (writer.queued() < queued) {
                assertThat(System.nanoTime() - deadline).as("write " + queued + " queued").isNegative();
                Thread.onSpinWait();
            }
        }
        return pause;
    }

    /** {@link #lineUp(SqlDatabase, List, ExecutorService, List)} for the account's evaluations, one per country of {@code order}. */
    private static GroupCommitWriter.Pause lineUp(SqlDatabase node, String prefix, List<Integer> order, Instant at, ExecutorService callers,
            List<Future<?>> writes) throws Exception {
        SqlEvaluationStore store = new SqlEvaluationStore(node);
        List<Runnable> tasks = new ArrayList<>();
        for (int i : order) {
            EvaluationWrite sample = EvaluationSamples.write(APP, prefix + "-" + i, USER, DEVICE, false, TOKEN, "fp-1", DeviceType.COMPUTER,
                    "198.51.100." + (10 + i), at);
            EvaluationWrite write = new EvaluationWrite(sample.evaluation(), sample.device(), true, COUNTRY_AND_IP, Map.of(),
                    new Place(Optional.of(COUNTRIES.get(i)), Optional.empty()));
            tasks.add(() -> store.record(write));
        }
        return lineUp(node, tasks, callers, writes);
    }

    private static int count(PostgresTestDatabase postgres, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.url()); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
