package io.seatguard.bench;

import io.seatguard.core.checks.CheckRegistry;
import io.seatguard.core.checks.CheckSettings;
import io.seatguard.core.evaluation.DetectionFlags;
import io.seatguard.core.evaluation.Verdict;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.policy.CachedPolicyBook;
import io.seatguard.core.policy.ListService;
import io.seatguard.core.policy.NamedList;
import io.seatguard.core.policy.PolicyDecision;
import io.seatguard.core.policy.PolicyEngine;
import io.seatguard.core.policy.PolicyFacts;
import io.seatguard.core.policy.PolicyFields;
import io.seatguard.core.policy.PolicyService;
import io.seatguard.core.risk.Risk;
import io.seatguard.storage.SqlDatabase;
import io.seatguard.storage.SqlListStore;
import io.seatguard.storage.SqlPolicyStore;
import io.seatguard.storage.StorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * What one list change costs the evaluations of its app (docs/benchmarks.md, "One list change stalled
 * every evaluation of the app"): an app with {@code LISTS} IP lists of {@code VALUES} addresses each and
 * one policy naming the first; each round removes one address the list does not hold (and, with
 * {@code REMOVE_HELD=1}, one it holds), then {@code THREADS} evaluations start at once on the node that
 * made the change, and as many on a second node once its change counter is due. Prints, for each round,
 * how long the change took to answer (ListService.remove, which on this node reads the app's change
 * back before answering) and, on each node, the slowest evaluation and the second slowest (the slowest is
 * the one that found the counter due and read the change; the second says whether the others waited for
 * it), then each figure's median over the rounds.
 *
 * <p>Not a JMH benchmark: the event measured is one reload after one change, not a loop of small
 * operations. Run through {@code bench/run-list-reload.sh}.
 */
public final class ListReloadBenchmark {
    private static final String APP = "app_bench";

    /** A clock the rounds move on, so the second node's counter is due without sleeping. */
    private static final class SteppedClock implements InstantSource {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T00:00:00Z"));

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration by) {
            now.updateAndGet(at -> at.plus(by));
        }
    }

    private ListReloadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int lists = Integer.getInteger("lists", 6);
        int values = Integer.getInteger("values", 100_000);
        int threads = Integer.getInteger("threads", 4);
        int rounds = Integer.getInteger("rounds", 7);
        boolean removeHeld = Boolean.getBoolean("removeHeld");
        String postgres = System.getProperty("postgres", "");

        Path dataDir = Files.createTempDirectory("seatguard-list-reload");
        String schema = null;
        StorageSettings settings;
        if (postgres.isEmpty()) {
            settings = StorageSettings.embedded(dataDir);
        }
        else {
            schema = "sg_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
            try (Connection connection = DriverManager.getConnection(postgres); Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            settings = StorageSettings.of(postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema, dataDir);
        }
        SteppedClock clock = new SteppedClock();
        try (SqlDatabase nodeA = SqlDatabase.open(settings);
                SqlDatabase nodeB = postgres.isEmpty() ? null : SqlDatabase.open(settings)) {
            SqlDatabase second = nodeB == null ? nodeA : nodeB;
            CachedPolicyBook bookA = new CachedPolicyBook(new SqlPolicyStore(nodeA), new SqlListStore(nodeA), clock, CachedPolicyBook.DEFAULT_MAX_AGE);
            CachedPolicyBook bookB = new CachedPolicyBook(new SqlPolicyStore(second), new SqlListStore(second), clock, CachedPolicyBook.DEFAULT_MAX_AGE);
            IdGenerator ids = new IdGenerator(clock, new Random(7));
            ListService listService = new ListService(new SqlListStore(nodeA), new SqlPolicyStore(nodeA), ids, clock, bookA::forget);
            PolicyService policyService = new PolicyService(new SqlPolicyStore(nodeA), new SqlListStore(nodeA),
                    PolicyFields.of(CheckRegistry.standard(CheckSettings.DEFAULTS)), ids, clock, bookA::forget);

            long filling = System.nanoTime();
            List<NamedList> made = new ArrayList<>();
            for (int list = 0; list < lists; list++) {
                made.add(listService.create(APP, Map.of("name", "blocked" + list, "kind", "ip")));
            }
            fill(settings, made, values);
            policyService.create(APP, Map.of("name", "Blocked", "actions", List.of("login"), "verdict", "deny",
                    "conditions", Map.of("check", "ip", "op", "in_list", "value", "blocked0")));
            System.out.printf("%s: %d lists of %,d addresses written in %.1f s%n", postgres.isEmpty() ? "SQLite" : "PostgreSQL", lists, values,
                    (System.nanoTime() - filling) / 1e9);
            PolicyEngine engineA = new PolicyEngine(bookA);
            PolicyEngine engineB = new PolicyEngine(bookB);
            PolicyFacts held = facts("10.0.0.5");
            check(engineA.decide(APP, held), Verdict.DENY);
            check(engineB.decide(APP, held), Verdict.DENY);

            long[] changes = new long[rounds];
            long[][] timesA = new long[2][rounds];
            long[][] timesB = new long[2][rounds];
            for (int round = 0; round < rounds; round++) {
                String listId = made.get(round % lists).id();
                long start = System.nanoTime();
                listService.remove(APP, listId, Map.of("values", List.of("192.0.2.1")));
                if (removeHeld) {
                    listService.remove(APP, listId, Map.of("values", List.of(address(round % lists, round + 1))));
                }
                changes[round] = System.nanoTime() - start;
                long[] a = slowest(engineA, threads);
                clock.advance(CachedPolicyBook.DEFAULT_MAX_AGE.plusMillis(1));
                long[] b = slowest(engineB, threads);
                for (int i = 0; i < 2; i++) {
                    timesA[i][round] = a[i];
                    timesB[i][round] = b[i];
                }
                System.out.printf("round %d: change %.1f ms; node that changed: slowest %.1f ms, second %.1f ms; other node: slowest %.1f ms, second %.1f ms%n",
                        round + 1, changes[round] / 1e6, a[0] / 1e6, a[1] / 1e6, b[0] / 1e6, b[1] / 1e6);
            }
            System.out.printf("median over %d rounds (%d evaluations at once): change %.1f ms; node that changed: slowest %.1f ms, second %.1f ms;"
                    + " other node: slowest %.1f ms, second %.1f ms%n", rounds, threads, median(changes) / 1e6, median(timesA[0]) / 1e6,
                    median(timesA[1]) / 1e6, median(timesB[0]) / 1e6, median(timesB[1]) / 1e6);
        }
        finally {
            if (schema != null) {
                try (Connection connection = DriverManager.getConnection(postgres); Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** The lists' values written straight into the tables (the API takes 10,000 a call): addresses 10.l.x.y/32, distinct per list. */
    private static void fill(StorageSettings settings, List<NamedList> lists, int values) throws Exception {
        String url = settings.databaseUrl().map(u -> u.startsWith("jdbc:") ? u : "jdbc:" + u)
                .orElse("jdbc:sqlite:" + settings.dataDir().resolve(StorageSettings.EMBEDDED_FILE_NAME));
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO value_list_entries (app_id, list_id, value, position) VALUES (?, ?, ?, ?)")) {
                for (int list = 0; list < lists.size(); list++) {
                    for (int i = 0; i < values; i++) {
                        insert.setString(1, APP);
                        insert.setString(2, lists.get(list).id());
                        insert.setString(3, address(list, i) + "/32");
                        insert.setLong(4, i);
                        insert.addBatch();
                        if (i % 10_000 == 9_999) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
            }
            connection.commit();
        }
    }

    private static String address(int list, int i) {
        return "10." + (list * 2 + i / 65_536) + "." + (i / 256) % 256 + "." + i % 256;
    }

    private static PolicyFacts facts(String ip) {
        return new PolicyFacts("login", Optional.of("bob"), Optional.empty(), Optional.empty(), Map.of(), ip,
                "6f0c3c5e-54a4-4c1c-9a57-0a4bb2b9f7a1", "computer", Map.of(), Risk.NONE, DetectionFlags.UNKNOWN);
    }

    private static void check(PolicyDecision decision, Verdict expected) {
        if (decision.verdict() != expected) {
            throw new IllegalStateException("expected " + expected + ", got " + decision.verdict());
        }
    }

    /** Starts {@code threads} evaluations together; the slowest one's time and the second slowest's. */
    private static long[] slowest(PolicyEngine engine, int threads) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        long[] took = new long[threads];
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int mine = t;
            running.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long begin = System.nanoTime();
                check(engine.decide(APP, facts("10.0.0.5")), Verdict.DENY);
                took[mine] = System.nanoTime() - begin;
            }));
        }
        start.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        Arrays.sort(took);
        return new long[] {took[threads - 1], threads > 1 ? took[threads - 2] : 0};
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
