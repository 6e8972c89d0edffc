package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import io.seatguard.core.webhook.DeliveryTry;
import io.seatguard.core.webhook.OutboxEvent;
import io.seatguard.core.webhook.WebhookEventType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook housekeeping contract on the machine's real PostgreSQL, and its plans for it, in a migrated
 * schema of its own per test (PostgresTestDatabase#takeMigrated).
 */
class PostgresWebhookStorageTest extends WebhookStorageContract {
    @TempDir
    Path dataDir;

    private PostgresTestDatabase postgres;

    @Override
    SqlDatabase openDatabase() {
        postgres = PostgresTestDatabase.takeMigrated();
        return SqlDatabase.open(postgres.settings(dataDir));
    }

    @Override
    Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(postgres.url());
    }

    @Override
    @AfterEach
    void close() {
        PostgresTestDatabase.closeThenGiveBack(database == null ? null : super::close, postgres);
    }

    /**
     * Review finding: the literal match of an event's name (its {@code LIKE … ESCAPE}) put a backslash in a
     * string literal, which a PostgreSQL with {@code standard_conforming_strings=off} (a legacy database's or
     * role's setting) reads as an escape: the literal ran on, and every event's write failed with a syntax
     * error. The escape character is one no setting treats specially.
     */
    @Test
    void anEventIsWrittenWhereStringLiteralsTakeBackslashEscapes() {
        endpoint("app_a", "we_a");
        try (SqlDatabase legacy = SqlDatabase.open(StorageSettings.of(postgres.url() + "&options=-c%20standard_conforming_strings%3Doff", dataDir))) {
            legacy.write(connection -> {
                SqlOutbox.enqueue(connection, new OutboxEvent("app_a", WebhookEventType.EVALUATION_CREATED, Optional.of("ann"), Map.of("evaluation_id", "e"), T0));
                return null;
            });
        }

        assertThat(webhooks.deliveries("app_a", "we_a", 10)).hasSize(1);
    }

    /**
     * Found when schemas were first reused between tests: PostgreSQL, planning for tables it believed near
     * empty, ran a claim's choice of rows (an IN subquery with {@code LIMIT} and {@code SKIP LOCKED}) again
     * for each row the update stamped; each run skipped the rows already stamped and chose the next, and one
     * claim took all 40 of an endpoint's due deliveries though it had room for 2. The plan is forced here
     * (no hash aggregate, no sort to make the chosen rows unique first), on connections of the store's own.
     */
    @Test
    void aClaimTakesNoMoreThanTheEndpointsRoomWhateverThePlan() throws SQLException {
        endpoint("app_a", "we_a");
        bulkMessages("app_a", "we_a", "hang", 40, T0.minusSeconds(60).toEpochMilli(), "pending");
        try (SqlDatabase rescanning = SqlDatabase.open(StorageSettings.of(postgres.url() + "&options=-c%20enable_hashagg%3Doff%20-c%20enable_sort%3Doff",
                dataDir.resolve("rescanning")))) {
            List<SqlWebhooks.Claimed> claimed = new SqlWebhooks(rescanning).claim(T0, 10, (app, endpoint) -> 2, LOCK);
            assertThat(claimed).hasSize(2);
        }
        assertThat(ids("SELECT message_id FROM webhook_deliveries WHERE lock_token IS NOT NULL")).as("stamped").hasSize(2);
    }

    /**
     * Two nodes meet at a delivery's row: one redelivers it while the other records the outcome of the try
     * it has in flight. A third transaction holds the row until both wait for it, the redelivery first;
     * PostgreSQL then applies the outcome to the row as the redelivery left it. Before the fix the
     * redelivery freed the try's lock, and its outcome and log row were dropped.
     */
    @Test
    void aRedeliveryOnOneNodeAndATrysOutcomeOnAnotherMeetingAtTheRowKeepBoth() throws Exception {
        endpoint("app_a", "we_a");
        enqueue("app_a", "ann", T0);
        SqlWebhooks.Claimed inFlight = webhooks.claim(T0.plusSeconds(1), 10, LOCK).getFirst();
        String message = inFlight.messageId();
        try (SqlDatabase secondNode = SqlDatabase.open(postgres.settings(dataDir.resolve("second")));
                Connection holder = rawConnection(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.executeQuery("SELECT status FROM webhook_deliveries FOR UPDATE").close();
            int holderPid = pid(holder);
            CompletableFuture<Boolean> redelivered = CompletableFuture.supplyAsync(
                    () -> new SqlWebhooks(secondNode).redeliver("app_a", "we_a", message, T0.plusSeconds(3)));
            awaitBlockedBehind(holderPid, 1);
            CompletableFuture<Boolean> recorded = CompletableFuture.supplyAsync(
                    () -> webhooks.recordAttempt(inFlight, T0.plusSeconds(1), Optional.of(204), Optional.empty(), Duration.ofSeconds(9)));
            awaitBlockedBehind(holderPid, 2);
            holder.commit();

            assertThat(redelivered.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(recorded.get(10, TimeUnit.SECONDS)).as("the try in flight is recorded").isTrue();
        }
        assertThat(webhooks.tries("app_a", "we_a", message, 10)).extracting(DeliveryTry::attempt).containsExactly(1);
        assertThat(webhooks.delivery("app_a", "we_a", message)).hasValueSatisfying(delivery -> {
            assertThat(delivery.status()).isEqualTo("pending");
            assertThat(delivery.attempts()).isZero();
            assertThat(delivery.lastStatusCode()).contains(204);
        });
        assertThat(webhooks.claim(T0.plusSeconds(4), 10, LOCK)).as("the redelivery, once").hasSize(1);
    }

    /**
     * Review finding: the failing spell was measured with CURRENT_TIMESTAMP, which PostgreSQL fixes when the
     * transaction begins. A try's outcome is written in the writer's group commit, a transaction the batch's
     * earlier writes began (one of them waiting on another node's lock, say), so the spell started, and an
     * endpoint was disabled, as of then: a spell could be judged five days old while it was not, and
     * {@code failing_since} could come before the failure's own try in the endpoint's log. Here the batch's
     * earlier writes take two seconds; the spell starts when its statement runs.
     */
    @Test
    void aFailingSpellStartsWhenItsStatementRunsNotWhenItsGroupCommitBegan() throws Exception {
        endpoint("app_a", "we_a");
        java.time.Instant before;
        try (Connection batch = rawConnection(); Statement statement = batch.createStatement()) {
            batch.setAutoCommit(false);
            statement.execute("SELECT pg_sleep(2)");
            before = java.time.Instant.now();
            assertThat(SqlEndpointHealth.afterTry(batch, DatabaseKind.POSTGRESQL, "app_a", "we_a", false)).isFalse();
            batch.commit();
        }
        assertThat(health("we_a").failingSince().orElseThrow()).as("when the failure was recorded").isAfterOrEqualTo(before.minusMillis(500));
    }

    /**
     * Disabling's sweep marks pending deliveries failed a batch at a time until a batch finds none. Here a
     * try finishing meanwhile (another node, its row locked, then delivered) takes one row out of the
     * first batch the sweep chose: that batch falls short with more left, and the sweep must go on.
     * Stopping at the first short batch left five deliveries pending for a disabled endpoint.
     */
    @Test
    void theDisablingSweepGoesOnPastABatchThatATryFinishingMeanwhileCutShort() throws Exception {
        endpoint("app_a", "we_a");
        bulkMessages("app_a", "we_a", "m", SqlWebhooks.BATCH + 5, T0.toEpochMilli(), "pending");
        String chosen = ids("SELECT d.message_id FROM webhook_deliveries d WHERE d.app_id = 'app_a' AND d.endpoint_id = 'we_a' AND d.status = 'pending'"
                + " LIMIT " + SqlWebhooks.BATCH).getFirst();
        try (Connection holder = rawConnection(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            assertThat(statement.executeUpdate("UPDATE webhook_deliveries SET status = 'delivered' WHERE message_id = '" + chosen + "'")).isEqualTo(1);
            CompletableFuture<Boolean> disabled = CompletableFuture.supplyAsync(() -> webhooks.setEnabled("app_a", "we_a", false));
            awaitBlockedBehind(pid(holder), 1);
            holder.commit();
            assertThat(disabled.get(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ids("SELECT status || ' ' || COUNT(*) FROM webhook_deliveries WHERE endpoint_id = 'we_a' GROUP BY status ORDER BY status"))
                .as("the first batch one short, and the rest failed after it").containsExactly("delivered 1", "failed " + (SqlWebhooks.BATCH + 4));
    }

    /**
     * Review finding: an endpoint deleted while another node's transaction was writing an event for it
     * (the event's deliveries inserted, not yet committed) was deleted with the deliveries it could see, and
     * the event's delivery committed after it: pending for an endpoint that is gone, never sent, and its
     * message (which names the account, its IP and device) kept past retention for good. The event's
     * transaction holds the endpoints it writes deliveries for, and the deletion takes the endpoint before
     * its last deliveries: it waits for that transaction, then sees its delivery and deletes it.
     */
    @Test
    void anEndpointDeletedWhileAnEventIsWrittenForItKeepsNeitherTheDeliveryNorTheMessage() throws Exception {
        endpoint("app_a", "we_a");
        try (Connection evaluation = rawConnection()) {
            evaluation.setAutoCommit(false);
            SqlOutbox.enqueue(evaluation, new OutboxEvent("app_a", WebhookEventType.EVALUATION_CREATED, Optional.of("ann"), Map.of("evaluation_id", "e"), T0));
            CompletableFuture<Boolean> deleted = CompletableFuture.supplyAsync(() -> webhooks.delete("app_a", "we_a"));
            // Either the deletion waits for the event's transaction, or it has ended without doing so.
            awaitBlockedBehindOrDone(pid(evaluation), deleted);
            evaluation.commit();
            assertThat(deleted.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(count("webhook_deliveries")).as("no delivery to an endpoint that is gone").isZero();
        assertThat(count("webhook_messages")).as("no message that no endpoint is left to receive").isZero();
    }

    /**
     * Two nodes claim two endpoints' due deliveries at once, in opposite orders (each takes the endpoints
     * in the order their oldest due delivery has waited, as its own read found them). Before, each claim's
     * update waited for the rows the other had stamped and not committed: a deadlock, which PostgreSQL
     * broke after {@code deadlock_timeout} (1 s) by aborting one claim's batch, seen as a warning and a
     * batch committed again write by write. A claim now skips the rows another transaction holds.
     */
    @Test
    void twoNodesClaimingTwoEndpointsInOppositeOrdersNeverWaitForEachOther() throws Exception {
        endpoint("app_a", "we_a");
        endpoint("app_a", "we_b");
        enqueue("app_a", "ann", T0);
        enqueue("app_a", "bob", T0);
        String claim = SqlWebhooks.claimEndpoint(DatabaseKind.POSTGRESQL);
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (Connection one = rawConnection(); Connection two = rawConnection()) {
            one.setAutoCommit(false);
            two.setAutoCommit(false);
            assertThat(claimEndpoint(one, claim, "one", "we_a")).isEqualTo(2);
            assertThat(claimEndpoint(two, claim, "two", "we_b")).isEqualTo(2);
            CompletableFuture<Integer> oneSecond = CompletableFuture.supplyAsync(() -> claimEndpoint(one, claim, "one", "we_b"), nodes);
            CompletableFuture<Integer> twoSecond = CompletableFuture.supplyAsync(() -> claimEndpoint(two, claim, "two", "we_a"), nodes);
            assertThat(oneSecond.get(10, TimeUnit.SECONDS)).as("the other node's deliveries, skipped").isZero();
            assertThat(twoSecond.get(10, TimeUnit.SECONDS)).as("the other node's deliveries, skipped").isZero();
            one.commit();
            two.commit();
        }
        finally {
            nodes.shutdownNow();
        }
        assertThat(ids("SELECT endpoint_id || ':' || lock_token FROM webhook_deliveries ORDER BY 1"))
                .containsExactly("we_a:one", "we_a:one", "we_b:two", "we_b:two");
    }

    /** One node's claim of an endpoint's due deliveries, in the transaction open on {@code connection}. */
    private static int claimEndpoint(Connection connection, String claim, String token, String endpoint) {
        long at = T0.plusSeconds(1).toEpochMilli();
        try (PreparedStatement statement = connection.prepareStatement(claim)) {
            Object[] parameters = {"app_a", endpoint, at, at, 10, token, at + LOCK.toMillis(), at, at};
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Waits until {@code count} sessions wait, directly or in line, for the lock session {@code holderPid} holds. */
    private void awaitBlockedBehind(int holderPid, int count) throws Exception {
        String behind = "WITH RECURSIVE behind(pid) AS (SELECT ? UNION SELECT a.pid FROM pg_stat_activity a JOIN behind b ON b.pid = ANY(pg_blocking_pids(a.pid)))"
                + " SELECT COUNT(*) - 1 FROM behind";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection watcher = rawConnection(); PreparedStatement query = watcher.prepareStatement(behind)) {
            query.setInt(1, holderPid);
            while (true) {
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) >= count) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as(count + " sessions waiting on the row").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    /** Waits until a session waits for the lock session {@code holderPid} holds, or {@code other} has ended. */
    private void awaitBlockedBehindOrDone(int holderPid, CompletableFuture<?> other) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection watcher = rawConnection();
                PreparedStatement query = watcher.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")) {
            query.setInt(1, holderPid);
            while (!other.isDone()) {
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) >= 1) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("a session waiting on the event's transaction").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    private String plan(String sql, Object... parameters) throws SQLException {
        return planOf("EXPLAIN", sql, parameters);
    }

    /**
     * Review finding: each retention batch read every webhook message (no index on their age) and every
     * challenge. PostgreSQL plans from statistics, so the tables hold enough rows, analysed, for an index
     * to be worth it; most are recent, as in a live outbox.
     */
    @Test
    void retentionReadsOldMessagesAndChallengesThroughTheirAgeIndexAndDeletesByKey() throws SQLException {
        endpoint("app_a", "we_a");
        bulkMessages("app_a", "we_a", "old", 200, OLD, "delivered");
        bulkMessages("app_a", "we_a", "new", 20_000, T0.toEpochMilli(), "delivered");
        bulkChallenges("old", 200, OLD);
        bulkChallenges("new", 20_000, T0.toEpochMilli());
        try (Connection raw = rawConnection()) {
            raw.createStatement().execute("ANALYZE");
        }
        long cutoff = T0.minus(java.time.Duration.ofDays(90)).toEpochMilli();

        assertThat(plan(SqlAccountRecords.OLD_WEBHOOK_MESSAGES, Long.MIN_VALUE, cutoff)).contains("Index Scan using webhook_messages_by_age")
                .doesNotContain("Seq Scan");
        // The batch is found through the age index; whether the rows are then reached by key or by one pass
        // over a table this small is the planner's call (by key once the table is large).
        assertThat(plan(SqlAccountRecords.OLD_CHALLENGES, cutoff)).contains("Index Scan using challenges_by_age on challenges challenges_1");
        Object[] keys = KeyList.parameters(List.<String[]>of(new String[] {"app_a", "old-1"}), new Object[0]);
        assertThat(plan(KeyList.statement(SqlWebhookCleanup.FINISHED_DELIVERIES, 2, 1), keys)).contains("using webhook_deliveries_pkey").doesNotContain("Seq Scan");
        assertThat(plan(KeyList.statement(SqlWebhookCleanup.TRIES_WITHOUT_DELIVERY, 2, 1), keys)).contains("using webhook_attempts_pkey").doesNotContain("Seq Scan on webhook_attempts");
        assertThat(plan(KeyList.statement(SqlWebhookCleanup.MESSAGES_WITHOUT_DELIVERY, 2, 1), keys)).contains("using webhook_messages_pkey").doesNotContain("Seq Scan");
    }

    /**
     * A page of failed deliveries behind twenty thousand delivered ones, after a cursor, walks the status
     * index backwards from the cursor (the cursor's time is the index condition): no delivered row is read.
     * What is sorted is the page's rows, by message id among those of one millisecond.
     */
    @Test
    void aDeliveryLogPageWalksItsIndexFromTheCursor() throws SQLException {
        endpoint("app_a", "we_a");
        bulkMessages("app_a", "we_a", "bad", 50, OLD, "failed");
        try (Connection raw = rawConnection(); Statement statement = raw.createStatement()) {
            // Twenty thousand delivered, one a millisecond, as a busy endpoint's log is.
            String numbers = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) ";
            statement.execute(numbers + "INSERT INTO webhook_messages (app_id, id, event_type, user_id, payload, created_at)"
                    + " SELECT 'app_a', 'ok-' || i, 'evaluation.created', 'ann', '{}', " + T0.toEpochMilli() + " + i FROM n");
            statement.execute(numbers + "INSERT INTO webhook_deliveries (app_id, message_id, endpoint_id, status, attempts, next_attempt_at, created_at)"
                    + " SELECT 'app_a', 'ok-' || i, 'we_a', 'delivered', 1, 0, " + T0.toEpochMilli() + " + i FROM n");
            statement.execute("ANALYZE");
        }
        assertThat(plan(SqlWebhooks.deliveryPage(true, true), "app_a", "we_a", "failed", OLD, OLD, "bad-20", 101))
                .contains("Index Scan Backward using webhook_deliveries_by_endpoint_status")
                .contains("AND ((status)::text = 'failed'::text) AND (created_at <= ").doesNotContain("Seq Scan on webhook_deliveries");
        assertThat(plan(SqlWebhooks.deliveryPage(false, true), "app_a", "we_a", T0.toEpochMilli() + 10_000, T0.toEpochMilli() + 10_000, "ok-10000", 101))
                .contains("Index Scan Backward using webhook_deliveries_by_endpoint ")
                .contains("AND ((endpoint_id)::text = 'we_a'::text) AND (created_at <= ").doesNotContain("Seq Scan on webhook_deliveries");
    }
}
