package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.error.LogText;
import io.seatguard.core.webhook.Delivery;
import io.seatguard.core.webhook.DeliveryCursor;
import io.seatguard.core.webhook.DeliveryPage;
import io.seatguard.core.webhook.DeliveryStatus;
import io.seatguard.core.webhook.DeliveryTry;
import io.seatguard.core.webhook.EndpointHealth;
import io.seatguard.core.webhook.RetrySchedule;
import io.seatguard.core.webhook.WebhookEndpoint;
import io.seatguard.core.webhook.WebhookEventType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook endpoints, and the outbox's deliveries: claimed by one node at a time, tried, and recorded.
 *
 * <p>Claiming is portable across SQLite and PostgreSQL without {@code FOR UPDATE SKIP LOCKED}: a node
 * stamps due, unlocked rows with its own token and a lock expiry, one {@code UPDATE} per endpoint in one
 * transaction, whose outer {@code WHERE} repeats the "due and unlocked" test. PostgreSQL re-checks that test on a row another
 * transaction changed meanwhile, so of two nodes racing for a row one stamps it and the other skips it;
 * SQLite has one writer. A node that dies mid-delivery leaves a lock that expires, and the row is tried
 * again (same {@code webhook-id}): delivery is at least once.
 */
public final class SqlWebhooks {
    private static final Logger log = LoggerFactory.getLogger(SqlWebhooks.class);
    private static final String NEW_ENDPOINT_COLUMNS = "app_id, id, url, events, secret, retired_secrets, created_at";
    private static final String ENDPOINT_COLUMNS = NEW_ENDPOINT_COLUMNS + ", disabled_at, disabled_reason, failing_since";
    /** Two nodes rotating one endpoint at once: the loser reads again; a third collision is not worth more. */
    private static final int ROTATION_ROUNDS = 3;
    /** Deliveries deleted per transaction when an endpoint goes. */
    static final int BATCH = SqlAccountRecords.PRUNE_BATCH;
    private static final String DELIVERY_COLUMNS = "d.message_id, d.endpoint_id, m.event_type, d.status, d.attempts, d.next_attempt_at, d.last_status,"
            + " d.last_error, d.last_attempt_at, d.created_at";

    /** A claimed delivery with what sending it needs; {@code lockToken} tells this claim from a later one. */
    public record Claimed(String appId, String messageId, String endpointId, int attempts, String payload, WebhookEndpoint endpoint, String lockToken) {}

    /** A column's new value from a try's outcome, unless the delivery was redelivered during that try: then its fresh schedule stays. */
    private static final String UNLESS_REDELIVERED = "CASE WHEN redelivered_under_lock = lock_token THEN %1$s ELSE ? END";

    private final SqlDatabase database;
    /** Endpoints this node's tries disabled for failing (metrics: another node's are counted there). */
    private final AtomicLong autoDisabled = new AtomicLong();

    public SqlWebhooks(SqlDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    // endpoints

    /** Stores the endpoint unless its app has {@code maxPerApp} already; answers whether it did. */
    public boolean create(WebhookEndpoint endpoint, int maxPerApp) {
        return database.write(connection -> create(connection, endpoint, maxPerApp));
    }

    /**
     * The creation on a connection already in a transaction. The app's endpoints are counted only once
     * this transaction holds the app's row (an update that changes nothing), so two nodes creating an
     * app's last endpoint at once do not both find room: the second waits, then counts the first's.
     */
    static boolean create(Connection connection, WebhookEndpoint endpoint, int maxPerApp) throws SQLException {
        JdbcRunner.update(connection, "UPDATE apps SET name = name WHERE id = ?", endpoint.appId());
        long held = JdbcRunner.queryOne(connection, "SELECT COUNT(*) FROM webhook_endpoints WHERE app_id = ?", row -> row.getLong(1), endpoint.appId())
                .orElse(0L);
        if (held >= maxPerApp) {
            return false;
        }
        JdbcRunner.update(connection, "INSERT INTO webhook_endpoints (" + NEW_ENDPOINT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                endpoint.appId(), endpoint.id(), endpoint.url(), events(endpoint.events()), endpoint.secret(), retired(endpoint.retired()),
                endpoint.createdAt().toEpochMilli());
        return true;
    }

    public List<WebhookEndpoint> list(String appId) {
        return database.read(connection -> JdbcRunner.queryList(connection,
                "SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoints WHERE app_id = ? ORDER BY created_at, id", SqlWebhooks::endpoint, appId));
    }

    public Optional<WebhookEndpoint> find(String appId, String endpointId) {
        return database.read(connection -> JdbcRunner.queryOne(connection,
                "SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoints WHERE app_id = ? AND id = ?", SqlWebhooks::endpoint, appId, endpointId));
    }

    /**
     * Deletes the endpoint and its deliveries (nothing more will be sent to it), and the app's messages
     * that no endpoint is left to receive. The deliveries go a thousand per transaction (a busy endpoint
     * holds millions, and one transaction would hold the single writer for as long); the endpoint goes
     * last, with what was written meanwhile (an event being written for it is waited for: {@link SqlOutbox}). If the server stops in between, the endpoint is still there,
     * and deleting it again finishes the job.
     */
    public boolean delete(String appId, String endpointId) {
        while (database.write(connection -> SqlWebhookCleanup.deleteEndpointDeliveries(connection, appId, endpointId, BATCH)) == BATCH) {
            // Another batch: other writes get their turn on the writer in between.
        }
        return database.write(connection -> {
            // The endpoint first: on PostgreSQL this waits for an event's transaction that holds it while
            // writing a delivery for it (SqlOutbox), and the statements after it then see that delivery.
            boolean deleted = JdbcRunner.update(connection, "DELETE FROM webhook_endpoints WHERE app_id = ? AND id = ?", appId, endpointId) == 1;
            SqlWebhookCleanup.deleteEndpointDeliveries(connection, appId, endpointId, Integer.MAX_VALUE);
            return deleted;
        });
    }

    /**
     * A new secret; the current one keeps signing beside it until {@code overlapUntil}, and so do the ones
     * earlier rotations replaced, until their own time. Conditional on the secret it replaces, so of two
     * nodes rotating at once the second builds on the first's result instead of dropping it.
     */
    public boolean rotate(String appId, String endpointId, String newSecret, Instant now, Instant overlapUntil) {
        for (int round = 0; round < ROTATION_ROUNDS; round++) {
            Optional<WebhookEndpoint> current = find(appId, endpointId);
            if (current.isEmpty()) {
                return false;
            }
            boolean rotated = database.write(connection -> JdbcRunner.update(connection,
                    "UPDATE webhook_endpoints SET secret = ?, retired_secrets = ? WHERE app_id = ? AND id = ? AND secret = ?",
                    newSecret, retired(current.get().retiredAfterRotation(now, overlapUntil)), appId, endpointId, current.get().secret()) == 1);
            if (rotated) {
                return true;
            }
        }
        throw new io.seatguard.core.error.SeatguardException(io.seatguard.core.error.ErrorCode.CONCURRENT_CHANGE,
                "The endpoint's secret kept changing during this rotation; try again");
    }

    /**
     * Disabled endpoints of every app, by reason (a reason none has is left out): what every node reads for
     * its metrics, so that one node's disabling shows on all. A scan of the endpoints, which are few (20 an
     * app at most).
     */
    public Map<EndpointHealth.DisabledReason, Long> disabledCounts() {
        Map<EndpointHealth.DisabledReason, Long> counts = new EnumMap<>(EndpointHealth.DisabledReason.class);
        database.read(connection -> {
            JdbcRunner.forEach(connection, "SELECT disabled_reason, COUNT(*) FROM webhook_endpoints WHERE disabled_at IS NOT NULL GROUP BY disabled_reason",
                    row -> {
                        long count = row.getLong(2);
                        EndpointHealth.DisabledReason.of(row.getString(1)).ifPresent(reason -> counts.put(reason, count));
                    });
            return null;
        });
        return counts;
    }

    /** Endpoints this node's tries have disabled for failing since it started. */
    public long autoDisabled() {
        return autoDisabled.get();
    }

    /** Every app's endpoints, disabled ones too, for the in-memory subscription check. */
    public List<WebhookEndpoint> all() {
        return database.read(connection -> JdbcRunner.queryList(connection, "SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoints", SqlWebhooks::endpoint));
    }

    // deliveries

    private record Due(String appId, String endpointId, long oldest) {}

    private record Share(String appId, String endpointId, int count) {}

    /** How many more tries of an endpoint's deliveries the claimer may start now. */
    @FunctionalInterface
    public interface EndpointRoom {
        int of(String appId, String endpointId);
    }

    /**
     * Each endpoint's oldest delivery that is due, unclaimed and has its message, if any: one probe of
     * {@code webhook_deliveries_due_by_endpoint} per endpoint, read in order and stopped at the first
     * (a backlog of a million costs no more than one delivery).
     */
    static final String DUE_ENDPOINTS = "SELECT e.app_id, e.id, (SELECT d.next_attempt_at FROM webhook_deliveries d"
            + " WHERE d.app_id = e.app_id AND d.endpoint_id = e.id AND d.status = 'pending' AND d.next_attempt_at <= ?"
            + " AND (d.locked_until IS NULL OR d.locked_until < ?)"
            + " AND EXISTS (SELECT 1 FROM webhook_messages m WHERE m.app_id = d.app_id AND m.id = d.message_id)"
            + " ORDER BY d.next_attempt_at LIMIT 1) FROM webhook_endpoints e WHERE e.disabled_at IS NULL";

    /**
     * Stamps up to {@code ?} of one endpoint's due deliveries, oldest first. The outer {@code WHERE} repeats
     * "due and unlocked": PostgreSQL re-checks it on a row another node stamped meanwhile, and skips it. A
     * delivery whose message is gone (see {@link SqlWebhookCleanup}) cannot be sent: never claimed.
     *
     * <p>On PostgreSQL the chosen rows are locked as they are chosen, skipping those another transaction
     * holds ({@code SKIP LOCKED}), so a claim never waits for a row. Before, a claim's update waited for
     * the rows another node's claim had stamped and not yet committed; two nodes claiming two endpoints in
     * opposite orders (each takes them as its own read ranked them) each held the rows the other waited for,
     * and PostgreSQL broke the deadlock after {@code deadlock_timeout} (1 s) by aborting one of them
     * (PostgresWebhookStorageTest). A skipped row is another claim's, or a try's outcome or redelivery being
     * written: the next claim, at most a second later, takes it if it is still due. The lock is the one the
     * update takes anyway ({@code NO KEY UPDATE}: a try's log row, which holds the delivery by its foreign
     * key, does not keep it from being claimed). SQLite has one writer and no row locks: no clause there.
     *
     * <p>A disabled endpoint's deliveries are never taken, though it was enabled when {@link #DUE_ENDPOINTS} was read.
     */
    static String claimEndpoint(DatabaseKind kind) {
        // Chosen once, in a materialized CTE. As an IN subquery of the update, PostgreSQL may run the chosen
        // rows' query again for every row it updates (a nested-loop semi join, its plan for small tables):
        // each run skipped the rows the update had already stamped (their new version no longer due) and
        // chose the next ones, and one claim took all of an endpoint's due deliveries, past its room and the
        // limit (found when the tests reused a schema whose statistics said its tables were near empty).
        return "WITH chosen AS MATERIALIZED (SELECT d.app_id, d.message_id, d.endpoint_id FROM webhook_deliveries d"
                + " WHERE d.app_id = ? AND d.endpoint_id = ? AND d.status = 'pending' AND d.next_attempt_at <= ? AND (d.locked_until IS NULL OR d.locked_until < ?)"
                + " AND EXISTS (SELECT 1 FROM webhook_messages m WHERE m.app_id = d.app_id AND m.id = d.message_id)"
                + " AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.app_id = d.app_id AND e.id = d.endpoint_id AND e.disabled_at IS NULL)"
                + " ORDER BY d.next_attempt_at LIMIT ?" + (kind == DatabaseKind.POSTGRESQL ? " FOR NO KEY UPDATE SKIP LOCKED" : "") + ")"
                + " UPDATE webhook_deliveries SET lock_token = ?, locked_until = ?"
                + " WHERE status = 'pending' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?)"
                // By primary key: SQLite would otherwise walk the endpoint's whole due range to find the few chosen.
                + " AND (app_id, message_id, endpoint_id) IN (SELECT app_id, message_id, endpoint_id FROM chosen)";
    }

    /** Claims up to {@code limit} due deliveries for {@code lockFor}, as many of one endpoint's as of any other's. */
    public List<Claimed> claim(Instant now, int limit, Duration lockFor) {
        return claim(now, limit, (appId, endpointId) -> limit, lockFor);
    }

    /**
     * Claims up to {@code limit} due deliveries for {@code lockFor}; each goes to exactly one claimer until
     * its lock expires. Fair across endpoints: the endpoints are taken in the order their oldest due
     * delivery has waited, each for at most {@code room} deliveries, so a receiver with a backlog of
     * thousands (one that never answers: every try waits out its timeout) does not stand in front of
     * every other endpoint's next delivery, as one queue in {@code next_attempt_at} order did.
     */
    public List<Claimed> claim(Instant now, int limit, EndpointRoom room, Duration lockFor) {
        long at = now.toEpochMilli();
        List<Due> due = database.read(connection -> JdbcRunner.queryList(connection, DUE_ENDPOINTS, row -> {
            long oldest = row.getLong(3);
            return row.wasNull() ? null : new Due(row.getString(1), row.getString(2), oldest);
        }, at, at)).stream().filter(Objects::nonNull).sorted(Comparator.comparingLong(Due::oldest)).toList();
        List<Share> shares = new ArrayList<>();
        int left = limit;
        for (Due endpoint : due) {
            int count = Math.min(left, room.of(endpoint.appId(), endpoint.endpointId()));
            if (count > 0) {
                shares.add(new Share(endpoint.appId(), endpoint.endpointId(), count));
                left -= count;
            }
        }
        if (shares.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        long until = at + lockFor.toMillis();
        database.write(connection -> {
            for (Share share : shares) {
                JdbcRunner.update(connection, claimEndpoint(database.kind()), share.appId(), share.endpointId(), at, at, share.count(), token, until, at, at);
            }
            return null;
        });
        return database.read(connection -> JdbcRunner.queryList(connection,
                "SELECT d.app_id, d.message_id, d.endpoint_id, d.attempts, m.payload, e.app_id, e.id, e.url, e.events, e.secret, e.retired_secrets,"
                        + " e.created_at, e.disabled_at, e.disabled_reason, e.failing_since FROM webhook_deliveries d"
                        + " JOIN webhook_messages m ON m.app_id = d.app_id AND m.id = d.message_id"
                        + " JOIN webhook_endpoints e ON e.app_id = d.app_id AND e.id = d.endpoint_id WHERE d.lock_token = ?",
                row -> new Claimed(row.getString(1), row.getString(2), row.getString(3), row.getInt(4), row.getString(5), endpointAt(row, 6), token), token));
    }

    /**
     * Records one try, which started {@code at} and took {@code took}: delivered, retried on the schedule
     * (the wait counted from the try's end), or failed for good; and releases the lock.
     * Only while the claim is still this one: a try that outlived its lock may have been claimed and tried
     * again since (by another node, or after a redelivery), and its late outcome must not overwrite the
     * newer one. Such a late outcome is dropped, from the log too. Answers whether it was recorded.
     *
     * <p>A try redelivered while it was in flight ({@link #redeliver}) records its outcome and log row all
     * the same, but leaves the fresh schedule the redelivery started: the delivery goes out again now that
     * this try has ended, even when it succeeded (the operator asked for another send).
     *
     * <p>The endpoint's health is kept in the same transaction ({@link SqlEndpointHealth#afterTry}): a try
     * that fails {@link EndpointHealth#AUTO_DISABLE_AFTER} after the first failure since the last 2xx, both
     * on the database's clock (not {@code at}), disables the endpoint, and its pending deliveries are then marked failed, a batch per transaction.
     */
    public boolean recordAttempt(Claimed claimed, Instant at, Optional<Integer> statusCode, Optional<String> error, Duration took) {
        boolean delivered = statusCode.map(code -> code >= 200 && code < 300).orElse(false);
        int attempts = claimed.attempts() + 1;
        Optional<Duration> retryIn = delivered ? Optional.empty() : RetrySchedule.after(attempts);
        String status = delivered ? "delivered" : retryIn.isPresent() ? "pending" : "failed";
        // The wait counts from the try's end: from its start, a receiver that held the try for its whole
        // 10 s was tried again at once after it, not 5 s later. The log keeps the start (at).
        Instant ended = at.plus(took);
        long next = retryIn.map(delay -> ended.plus(delay).toEpochMilli()).orElse(ended.toEpochMilli());
        String shortError = error.map(SqlWebhooks::storedError).orElse(null);
        boolean[] disabledByThisTry = {false};
        boolean recorded = database.write(connection -> {
            // On PostgreSQL a redelivery committed while this waited for the row is seen here: the row is
            // read again, and these expressions evaluated on it, before the update applies.
            int updated = JdbcRunner.update(connection,
                    "UPDATE webhook_deliveries SET status = " + UNLESS_REDELIVERED.formatted("status") + ", attempts = "
                            + UNLESS_REDELIVERED.formatted("attempts") + ", next_attempt_at = " + UNLESS_REDELIVERED.formatted("next_attempt_at")
                            + ", last_status = ?, last_error = ?, last_attempt_at = ?, locked_until = NULL, lock_token = NULL, redelivered_under_lock = NULL"
                            + " WHERE app_id = ? AND message_id = ? AND endpoint_id = ? AND lock_token = ?",
                    status, attempts, next, statusCode.orElse(null), shortError, at.toEpochMilli(), claimed.appId(), claimed.messageId(), claimed.endpointId(),
                    claimed.lockToken());
            if (updated == 0) {
                return false;
            }
            // Numbered on from the log, not from the schedule's count, which a redelivery starts again:
            // the delivery's row lock, held since the update above, keeps two tries from one number.
            JdbcRunner.update(connection,
                    "INSERT INTO webhook_attempts (app_id, message_id, endpoint_id, attempt, at, status, error, duration_ms) VALUES (?, ?, ?,"
                            + " (SELECT COALESCE(MAX(attempt), 0) + 1 FROM webhook_attempts WHERE app_id = ? AND message_id = ? AND endpoint_id = ?),"
                            + " ?, ?, ?, ?)",
                    claimed.appId(), claimed.messageId(), claimed.endpointId(), claimed.appId(), claimed.messageId(), claimed.endpointId(),
                    at.toEpochMilli(), statusCode.orElse(null), shortError, took.toMillis());
            disabledByThisTry[0] = SqlEndpointHealth.afterTry(connection, database.kind(), claimed.appId(), claimed.endpointId(), delivered);
            SqlEndpointHealth.failIfDisabled(connection, claimed.appId(), claimed.messageId(), claimed.endpointId());
            return true;
        });
        if (disabledByThisTry[0]) {
            autoDisabled.incrementAndGet();
            log.warn("Webhook endpoint {} of app {} disabled: its tries have failed for {} days with no 2xx between; its pending deliveries are"
                    + " marked failed, and it gets no new ones until it is enabled again", claimed.endpointId(), claimed.appId(),
                    EndpointHealth.AUTO_DISABLE_AFTER.toDays());
            try {
                failPending(claimed.appId(), claimed.endpointId());
            }
            catch (RuntimeException e) {
                // The try's outcome and the disabling are committed: the caller must not hear otherwise. What is
                // left pending is never tried while the endpoint is disabled; disabling it again marks it failed.
                log.warn("Webhook endpoint {} of app {}: its pending deliveries could not all be marked failed: {}", claimed.endpointId(),
                        claimed.appId(), e.getMessage());
            }
        }
        return recorded;
    }

    /**
     * Gives up a claimed delivery whose try was not sent because its endpoint was disabled after the claim:
     * the lock is freed, nothing is logged (no try went out), and the delivery is marked failed, "endpoint
     * disabled", if it is still pending while the endpoint is disabled (the disabling's sweep may have
     * marked it already). Only while the claim is still this one. Answers whether it was.
     */
    public boolean releaseUnsent(Claimed claimed) {
        return database.write(connection -> {
            int released = JdbcRunner.update(connection,
                    "UPDATE webhook_deliveries SET locked_until = NULL, lock_token = NULL, redelivered_under_lock = NULL"
                            + " WHERE app_id = ? AND message_id = ? AND endpoint_id = ? AND lock_token = ?",
                    claimed.appId(), claimed.messageId(), claimed.endpointId(), claimed.lockToken());
            if (released == 0) {
                return false;
            }
            SqlEndpointHealth.failIfDisabled(connection, claimed.appId(), claimed.messageId(), claimed.endpointId());
            return true;
        });
    }

    /**
     * Enables or disables the endpoint by hand (disabling one disabled already keeps its time and reason,
     * and marks failed any delivery still pending); answers whether the app has it. Disabled at the database's
     * clock's now ({@link SqlEndpointHealth#disable}), as a failing spell's start and an automatic disabling are. A disabled endpoint's
     * pending deliveries are marked failed a batch per transaction after the endpoint is: from then on no
     * claim takes them, and a stop in between leaves them pending until it is disabled again, or enabled.
     *
     * <p>Enabling a disabled endpoint first marks failed, while it is still disabled, what it left pending
     * (a sweep cut short, or an event another node committed as it was disabled): enabled again it gets
     * the events from then on, and the claim right after the enabling sent those old ones (found in review).
     */
    public boolean setEnabled(String appId, String endpointId, boolean enabled) {
        if (enabled) {
            failPending(appId, endpointId);
        }
        boolean found = database.write(connection -> enabled ? SqlEndpointHealth.enable(connection, appId, endpointId)
                : SqlEndpointHealth.disable(connection, database.kind(), appId, endpointId));
        if (found && !enabled) {
            failPending(appId, endpointId);
        }
        return found;
    }

    private void failPending(String appId, String endpointId) {
        // Until a batch finds none, not until one falls short: on PostgreSQL a try finishing meanwhile takes rows
        // out of the batch its subquery chose, so a short batch does not mean the last. Batches, so that
        // other writes get their turn on the writer in between.
        while (database.write(connection -> SqlEndpointHealth.failPending(connection, appId, endpointId, BATCH)) > 0) {
            // Another batch.
        }
    }

    /** The most of a try's error the log keeps ({@code last_error} is {@code VARCHAR(500)}). */
    static final int ERROR_CHARACTERS = 500;

    /**
     * A try's error as the log keeps it: control characters as {@code \\uXXXX} escapes, then cut to the
     * column. The error quotes what the receiver sent (the JDK's "Invalid status line" holds its status
     * line), and PostgreSQL refuses a NUL in text: the outcome was never recorded, so the delivery went out
     * again each time its lock expired, forever, its tries never counted (found in review).
     */
    static String storedError(String error) {
        String line = LogText.oneLine(error);
        if (line.length() <= ERROR_CHARACTERS) {
            return line;
        }
        // Not between the two halves of a surrogate pair, which no encoding can write alone.
        int end = Character.isLowSurrogate(line.charAt(ERROR_CHARACTERS)) ? ERROR_CHARACTERS - 1 : ERROR_CHARACTERS;
        return line.substring(0, end);
    }

    /** Why {@link #recordAttempt} recorded nothing. */
    public enum Unrecorded {
        /** The try outlived its lock and another claim holds the delivery now. */
        CLAIMED_AGAIN,
        /** The endpoint was deleted, with its deliveries. */
        ENDPOINT_DELETED,
        /** The delivery is gone while its endpoint stays: its account was erased (or the endpoint's deletion is under way). */
        DELIVERY_DELETED
    }

    /**
     * Why a try's outcome was not recorded, read after {@link #recordAttempt} answered false: its log line
     * blamed a later claim even when the endpoint had been deleted during the try, which left an operator
     * looking for a second node. Read afterwards, so only as true as the moment it is read.
     */
    public Unrecorded whyUnrecorded(Claimed claimed) {
        return database.read(connection -> {
            if (JdbcRunner.queryOne(connection, "SELECT 1 FROM webhook_deliveries WHERE app_id = ? AND message_id = ? AND endpoint_id = ?",
                    row -> row.getInt(1), claimed.appId(), claimed.messageId(), claimed.endpointId()).isPresent()) {
                return Unrecorded.CLAIMED_AGAIN;
            }
            return JdbcRunner.queryOne(connection, "SELECT 1 FROM webhook_endpoints WHERE app_id = ? AND id = ?", row -> row.getInt(1), claimed.appId(),
                    claimed.endpointId()).isPresent() ? Unrecorded.DELIVERY_DELETED : Unrecorded.ENDPOINT_DELETED;
        });
    }

    /** The endpoint's latest deliveries, newest first. */
    public List<Delivery> deliveries(String appId, String endpointId, int limit) {
        return deliveries(appId, endpointId, Optional.empty(), Optional.empty(), limit).deliveries();
    }

    /**
     * A page of the endpoint's deliveries, newest first: those of {@code status} when given, after
     * {@code cursor} when given. One row more than asked for is read to know whether a next page exists.
     * Both orders are served by an index (V41), so the page of failed deliveries behind a million
     * delivered ones is read without walking those.
     */
    public DeliveryPage deliveries(String appId, String endpointId, Optional<DeliveryStatus> status, Optional<DeliveryCursor> cursor, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(appId, endpointId));
        status.ifPresent(wanted -> parameters.add(wanted.wireName()));
        cursor.ifPresent(after -> parameters.addAll(List.of(after.createdAt().toEpochMilli(), after.createdAt().toEpochMilli(), after.messageId())));
        parameters.add(limit + 1);
        String sql = deliveryPage(status.isPresent(), cursor.isPresent());
        List<Delivery> rows = database.read(connection -> JdbcRunner.queryList(connection, sql, SqlWebhooks::delivery, parameters.toArray()));
        if (rows.size() <= limit) {
            return new DeliveryPage(rows, Optional.empty());
        }
        List<Delivery> page = rows.subList(0, limit);
        return new DeliveryPage(page, Optional.of(DeliveryCursor.after(page.get(limit - 1))));
    }

    /**
     * The page's statement: the app and endpoint, then the status when {@code byStatus}, then the cursor's
     * time twice and message id when {@code afterCursor}, then the row limit. The cursor is a range on
     * {@code created_at} first ({@code <=}), so either planner starts the index walk at the cursor rather
     * than reading every newer delivery to filter it out.
     */
    static String deliveryPage(boolean byStatus, boolean afterCursor) {
        return "SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries d JOIN webhook_messages m ON m.app_id = d.app_id AND m.id = d.message_id"
                + " WHERE d.app_id = ? AND d.endpoint_id = ?"
                + (byStatus ? " AND d.status = ?" : "")
                + (afterCursor ? " AND d.created_at <= ? AND (d.created_at < ? OR d.message_id < ?)" : "")
                + " ORDER BY d.created_at DESC, d.message_id DESC LIMIT ?";
    }

    /** One of the endpoint's deliveries. */
    public Optional<Delivery> delivery(String appId, String endpointId, String messageId) {
        return database.read(connection -> JdbcRunner.queryOne(connection,
                "SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries d JOIN webhook_messages m ON m.app_id = d.app_id AND m.id = d.message_id"
                        + " WHERE d.app_id = ? AND d.endpoint_id = ? AND d.message_id = ?",
                SqlWebhooks::delivery, appId, endpointId, messageId));
    }

    /** A delivery's latest {@code limit} tries, newest first. */
    public List<DeliveryTry> tries(String appId, String endpointId, String messageId, int limit) {
        return database.read(connection -> JdbcRunner.queryList(connection,
                "SELECT attempt, at, status, error, duration_ms FROM webhook_attempts WHERE app_id = ? AND message_id = ? AND endpoint_id = ?"
                        + " ORDER BY attempt DESC LIMIT ?",
                row -> {
                    int status = row.getInt(3);
                    Optional<Integer> statusCode = row.wasNull() ? Optional.empty() : Optional.of(status);
                    return new DeliveryTry(row.getInt(1), Instant.ofEpochMilli(row.getLong(2)), statusCode, Optional.ofNullable(row.getString(4)),
                            Duration.ofMillis(row.getLong(5)));
                }, appId, messageId, endpointId, limit));
    }

    /**
     * Sends a message to the endpoint again now, with a fresh schedule and the same {@code webhook-id}.
     * Answers whether the endpoint has such a delivery and is enabled (a disabled one's would stay pending, never claimed).
     *
     * <p>The lock is left alone. Freeing it while a try was in flight (a slow receiver holds a try up to
     * 20 s) let the next claim send a second copy at once, and dropped the outcome and log row of the try
     * in flight, whose lock was gone: a 2xx among them left the delivery retrying for 27.5 h. So a delivery
     * under a lock is marked with that lock's token instead: its try records its outcome but keeps the
     * fresh schedule ({@link #recordAttempt}), and the next claim, after the try has ended, sends it once
     * more, however often it was redelivered meanwhile. A lock whose try died with its node expires as
     * before, and its token matches no later claim. One statement: on PostgreSQL a try's outcome recorded
     * meanwhile by another node is read again before it applies.
     */
    public boolean redeliver(String appId, String endpointId, String messageId, Instant now) {
        return database.write(connection -> JdbcRunner.update(connection,
                "UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, redelivered_under_lock = lock_token"
                        + " WHERE app_id = ? AND endpoint_id = ? AND message_id = ?"
                        + " AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.app_id = ? AND e.id = ? AND e.disabled_at IS NULL)",
                now.toEpochMilli(), appId, endpointId, messageId, appId, endpointId) == 1);
    }

    private static String events(List<WebhookEventType> events) {
        StringBuilder text = new StringBuilder(",");
        events.forEach(event -> text.append(event.wireName()).append(','));
        return text.toString();
    }

    private static WebhookEndpoint endpoint(ResultSet row) throws SQLException {
        return endpointAt(row, 1);
    }

    private static WebhookEndpoint endpointAt(ResultSet row, int first) throws SQLException {
        List<WebhookEventType> events = Arrays.stream(row.getString(first + 3).split(",")).filter(name -> !name.isEmpty())
                .map(name -> WebhookEventType.fromWireName(name).orElseThrow()).toList();
        return new WebhookEndpoint(row.getString(first + 1), row.getString(first), row.getString(first + 2), events, row.getString(first + 4),
                retired(row.getString(first + 5)), Instant.ofEpochMilli(row.getLong(first + 6)),
                new EndpointHealth(optionalTime(row, first + 7), Optional.ofNullable(row.getString(first + 8)).flatMap(EndpointHealth.DisabledReason::of),
                        optionalTime(row, first + 9)));
    }

    private static Optional<Instant> optionalTime(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    /** {@code secret@untilMillis} joined by spaces, newest first; null when there is none. */
    private static String retired(List<WebhookEndpoint.RetiredSecret> secrets) {
        if (secrets.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (WebhookEndpoint.RetiredSecret old : secrets) {
            text.append(text.isEmpty() ? "" : " ").append(old.secret()).append('@').append(old.signsUntil().toEpochMilli());
        }
        return text.toString();
    }

    private static List<WebhookEndpoint.RetiredSecret> retired(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.trim().split(" ")).map(entry -> {
            int at = entry.lastIndexOf('@');
            return new WebhookEndpoint.RetiredSecret(entry.substring(0, at), Instant.ofEpochMilli(Long.parseLong(entry.substring(at + 1))));
        }).toList();
    }

    private static Delivery delivery(ResultSet row) throws SQLException {
        int lastStatus = row.getInt(7);
        Optional<Integer> statusCode = row.wasNull() ? Optional.empty() : Optional.of(lastStatus);
        long lastAttempt = row.getLong(9);
        Optional<Instant> lastAttemptAt = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastAttempt));
        return new Delivery(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5), Instant.ofEpochMilli(row.getLong(6)),
                statusCode, Optional.ofNullable(row.getString(8)), lastAttemptAt, Instant.ofEpochMilli(row.getLong(10)));
    }
}
