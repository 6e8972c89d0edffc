package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.Seen;
import io.seatguard.core.evaluation.EvaluationWrite;
import io.seatguard.core.evaluation.Touches;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.intel.Place;
import io.seatguard.core.pattern.PatternDetector;
import io.seatguard.core.pattern.PatternObservation;
import io.seatguard.core.pattern.PatternThresholds;
import io.seatguard.core.testing.EvaluationSamples;
import io.seatguard.core.webhook.OutboxEvent;
import io.seatguard.core.webhook.WebhookEndpoint;
import io.seatguard.core.webhook.WebhookEventType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An account erased on one node while another node records one of its evaluations, on one PostgreSQL
 * database: whichever commits first, nothing of the account may be left without its account row, where
 * no call could see or erase it. A third connection holds a row one of the two writes needs, so that it
 * stops part way, in its own transaction, while the other runs; found in review, where 204 answered an
 * erasure that had left the racing evaluation (with its IP, link, pattern and webhook message) behind.
 * One node alone cannot show it: its one writer runs the erasure and the evaluation one after the other.
 */
class PostgresErasureRaceTest {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    private static final String APP = "app_a";
    private static final String USER = "ann";
    /** The tables whose rows name an account, each with the column that does. */
    private static final Map<String, String> ACCOUNT_TABLES = accountTables();

    @TempDir
    Path dataDir;

    private final String name = "erasure-race-" + UUID.randomUUID().toString().substring(0, 8);
    private PostgresTestDatabase postgres;
    private SqlDatabase erasing;
    private SqlDatabase evaluating;

    @BeforeEach
    void openTwoNodes() {
        postgres = PostgresTestDatabase.create();
        erasing = SqlDatabase.open(StorageSettings.of(url("erasing"), dataDir));
        evaluating = SqlDatabase.open(StorageSettings.of(url("evaluating"), dataDir));
        new SqlWebhooks(evaluating).create(new WebhookEndpoint("we_1", APP, "https://hooks.example/1",
                List.of(WebhookEventType.EVALUATION_CREATED, WebhookEventType.PATTERN_FLAGGED), "whsec_a", List.of(), T0), 20);
        new SqlEvaluationStore(evaluating).record(EvaluationSamples.write(APP, "ev-0", USER, "dev-1", true, "tok-ann-laptop-0001", "fp-1",
                DeviceType.COMPUTER, "198.51.100.1", T0));
    }

    @AfterEach
    void close() {
        if (evaluating != null) {
            evaluating.close();
        }
        if (erasing != null) {
            erasing.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /**
     * The evaluation has written the account's row (updated it, or only made sure of it when the throttle
     * spares it) and waits on its IP when the erasure starts: the erasure must wait for it and take it along.
     */
    @ParameterizedTest(name = "account row updated: {0}")
    @ValueSource(booleans = {false, true})
    void anEvaluationAnotherNodeIsWritingWhenTheErasureStartsIsErasedWithTheAccount(boolean touchesUser) throws Exception {
        try (Connection blocker = connection("blocker")) {
            blocker.setAutoCommit(false);
            update(blocker, "INSERT INTO user_ips (app_id, user_id, ip, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)", APP, USER, "198.51.100.9",
                    T0.toEpochMilli(), T0.toEpochMilli());
            CompletableFuture<Void> evaluation = CompletableFuture.runAsync(
                    () -> new SqlEvaluationStore(evaluating).record(racingWrite("198.51.100.9", touchesUser)));
            awaitWaitingOrDone(1, evaluation);
            CompletableFuture<Boolean> erasure = CompletableFuture.supplyAsync(() -> new SqlAccountRecords(erasing).erase(APP, USER));
            awaitWaitingOrDone(2, erasure);
            blocker.rollback();
            evaluation.get(10, TimeUnit.SECONDS);
            assertThat(erasure.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertNone(rowsWithoutTheirAccount(), "rows no call can reach");
        assertNone(rowsOfTheAccount(), "the racing evaluation went with the account");
    }

    /**
     * The erasure has deleted part of the account and waits on its IPs when the evaluation is written:
     * the evaluation must wait for it, and then leave an account that can be seen and erased.
     */
    @ParameterizedTest(name = "account row updated: {0}")
    @ValueSource(booleans = {false, true})
    void anEvaluationAnotherNodeWritesWhileTheErasureCommitsLeavesAnAccountThatCanBeErased(boolean touchesUser) throws Exception {
        try (Connection blocker = connection("blocker")) {
            blocker.setAutoCommit(false);
            update(blocker, "UPDATE user_ips SET last_seen = last_seen WHERE app_id = ? AND user_id = ?", APP, USER);
            CompletableFuture<Boolean> erasure = CompletableFuture.supplyAsync(() -> new SqlAccountRecords(erasing).erase(APP, USER));
            awaitWaitingOrDone(1, erasure);
            CompletableFuture<Void> evaluation = CompletableFuture.runAsync(
                    () -> new SqlEvaluationStore(evaluating).record(racingWrite("198.51.100.9", touchesUser)));
            awaitWaitingOrDone(2, evaluation);
            blocker.commit();
            assertThat(erasure.get(10, TimeUnit.SECONDS)).isTrue();
            evaluation.get(10, TimeUnit.SECONDS);
        }
        assertNone(rowsWithoutTheirAccount(), "rows no call can reach");
        SqlAccountRecords records = new SqlAccountRecords(erasing);
        assertThat(records.summary(APP, USER, T0.plusSeconds(60))).as("the account holding the racing evaluation is visible").isPresent();
        assertThat(new SqlEvaluationStore(erasing).find(APP, "ev-1")).isPresent();
        assertThat(records.erase(APP, USER)).as("and can be erased").isTrue();
        assertNone(rowsOfTheAccount(), "the account's rows after it was erased again");
    }

    /**
     * What a busy account's evaluation writes besides itself: the account's row (updated, or only made sure
     * of), an IP, its device's link, a pattern raised and the webhook messages of both.
     */
    private static EvaluationWrite racingWrite(String ip, boolean touchesUser) {
        Instant at = T0.plusSeconds(30);
        EvaluationWrite plain = EvaluationSamples.write(APP, "ev-1", USER, "dev-1", false, "tok-ann-laptop-0001", "fp-1", DeviceType.COMPUTER, ip, at);
        AccountState account = new AccountState(Optional.of(new Seen(T0, T0)), List.of(), Optional.empty(), Optional.empty());
        List<PatternObservation> patterns = new PatternDetector(PatternThresholds.DEFAULTS).observe(Map.of("device_count", 11L), account, at);
        assertThat(patterns).isNotEmpty();
        OutboxEvent created = new OutboxEvent(APP, WebhookEventType.EVALUATION_CREATED, Optional.of(USER), Map.of("evaluation_id", "ev-1"), at);
        return new EvaluationWrite(plain.evaluation(), plain.device(), true, new Touches(false, touchesUser, true, false, true, false), Map.of(), Place.UNKNOWN,
                Optional.empty(), patterns, List.of(created));
    }

    /** Rows naming the account while it has no account row, by table. */
    private Map<String, Integer> rowsWithoutTheirAccount() throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : ACCOUNT_TABLES.entrySet()) {
            counts.put(table.getKey(), count("SELECT COUNT(*) FROM " + table.getKey() + " r WHERE r.app_id = ? AND r." + table.getValue() + " = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM users u WHERE u.app_id = r.app_id AND u.id = ?)", APP, USER, USER));
        }
        return counts;
    }

    /** Rows naming the account, by table, its own row among them. */
    private Map<String, Integer> rowsOfTheAccount() throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("users", count("SELECT COUNT(*) FROM users WHERE app_id = ? AND id = ?", APP, USER));
        for (Map.Entry<String, String> table : ACCOUNT_TABLES.entrySet()) {
            counts.put(table.getKey(), count("SELECT COUNT(*) FROM " + table.getKey() + " WHERE app_id = ? AND " + table.getValue() + " = ?", APP, USER));
        }
        return counts;
    }

    private static void assertNone(Map<String, Integer> counts, String what) {
        assertThat(counts).as(what).isEqualTo(noneIn(counts));
    }

    /** The same tables, each with no row: a failure then names the tables that kept some. */
    private static Map<String, Integer> noneIn(Map<String, Integer> counts) {
        Map<String, Integer> zero = new LinkedHashMap<>();
        counts.keySet().forEach(table -> zero.put(table, 0));
        return zero;
    }

    private static Map<String, String> accountTables() {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : List.of("evaluations", "user_ips", "user_fingerprints", "user_devices", "user_countries", "account_patterns",
                "webhook_messages", "owner_notices", "owner_notice_recipients")) {
            tables.put(table, "user_id");
        }
        return java.util.Collections.unmodifiableMap(tables);
    }

    /**
     * Waits until {@code count} of this test's connections wait for a lock, or until {@code write} ended:
     * the write that should wait may have gone straight through, and the assertions then tell.
     */
    private void awaitWaitingOrDone(int count, Future<?> write) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection watcher = connection("watcher")) {
            while (System.nanoTime() < deadline) {
                if (write.isDone() || count(watcher, "SELECT COUNT(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE NOT l.granted AND a.application_name LIKE ?", name + "-%") >= count) {
                    return;
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("neither " + count + " of the nodes waited for a lock nor did the write end");
    }

    /** The test's schema, its connections named after the test and {@code role}, so that its lock waits are told from other tests'. */
    private String url(String role) {
        return postgres.url() + "&ApplicationName=" + name + "-" + role;
    }

    private Connection connection(String role) throws SQLException {
        return DriverManager.getConnection(url(role));
    }

    private int count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connection("reader")) {
            return count(connection, sql, parameters);
        }
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

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
