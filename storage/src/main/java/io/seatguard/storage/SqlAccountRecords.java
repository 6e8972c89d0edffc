package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.history.AccountRecords;
import io.seatguard.core.history.AccountSummary;
import io.seatguard.core.ids.IdGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An account's summary, its erasure, and the retention pruning of old evaluations, in SQL. */
public final class SqlAccountRecords implements AccountRecords {
    static final int PRUNE_BATCH = 1_000;

    private final SqlDatabase database;

    public SqlAccountRecords(SqlDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public Optional<AccountSummary> summary(String appId, String userId, Instant now) {
        return database.read(connection -> {
            Optional<Instant[]> seen = JdbcRunner.queryOne(connection, "SELECT first_seen, last_seen FROM users WHERE app_id = ? AND id = ?",
                    row -> new Instant[] {Instant.ofEpochMilli(row.getLong(1)), Instant.ofEpochMilli(row.getLong(2))}, appId, userId);
            if (seen.isEmpty()) {
                return Optional.<AccountSummary>empty();
            }
            long devices = JdbcRunner.queryOne(connection,
                    "SELECT COUNT(*) FROM user_devices WHERE app_id = ? AND user_id = ? AND status = ? AND last_seen >= ?", row -> row.getLong(1),
                    appId, userId, LinkStatus.ATTACHED.wireName(), now.minus(Duration.ofDays(30)).toEpochMilli()).orElse(0L);
            Set<String> countries = SqlActivityReader.countriesBetween(connection, appId, userId, now.minus(Duration.ofHours(24)).toEpochMilli(),
                    Long.MAX_VALUE);
            return Optional.of(new AccountSummary(userId, seen.get()[0], seen.get()[1], (int) devices, countries));
        });
    }

    /**
     * The account's evaluations go a thousand at a time first, each batch its own transaction: an account
     * under attack can hold hundreds of thousands, and one transaction deleting them all would hold the
     * single writer, and every app's evaluations queued behind it, for as long. The last transaction
     * takes what is left (evaluations written meanwhile included) and the account's other rows. If the
     * server stops in between, the account is still there, with fewer evaluations, and erasing it again
     * finishes the job.
     */
    @Override
    public boolean erase(String appId, String userId) {
        while (database.write(connection -> JdbcRunner.update(connection,
                "DELETE FROM evaluations WHERE app_id = ? AND id IN (SELECT id FROM evaluations WHERE app_id = ? AND user_id = ? LIMIT " + PRUNE_BATCH + ")",
                appId, appId, userId)) == PRUNE_BATCH) {
            // Another batch: other writes get their turn on the writer in between.
        }
        return database.write(connection -> {
            JdbcRunner.update(connection, "DELETE FROM evaluations WHERE app_id = ? AND user_id = ?", appId, userId);
            JdbcRunner.update(connection, "DELETE FROM user_devices WHERE app_id = ? AND user_id = ?", appId, userId);
            JdbcRunner.update(connection, "DELETE FROM user_ips WHERE app_id = ? AND user_id = ?", appId, userId);
            JdbcRunner.update(connection, "DELETE FROM user_fingerprints WHERE app_id = ? AND user_id = ?", appId, userId);
            JdbcRunner.update(connection, "DELETE FROM user_countries WHERE app_id = ? AND user_id = ?", appId, userId);
            JdbcRunner.update(connection, "DELETE FROM challenges WHERE app_id = ? AND account_key = ?", appId, "user:" + userId);
            JdbcRunner.update(connection, "DELETE FROM owner_notices WHERE app_id = ? AND user_id = ?", appId, userId);
            JdbcRunner.update(connection, "DELETE FROM owner_notice_recipients WHERE app_id = ? AND user_id = ?", appId, userId);
            JdbcRunner.update(connection, "DELETE FROM account_patterns WHERE app_id = ? AND user_id = ?", appId, userId);
            // Pending webhook payloads about the account go too (delivered ones are the receiver's).
            JdbcRunner.update(connection, "DELETE FROM webhook_attempts WHERE app_id = ? AND message_id IN (SELECT id FROM webhook_messages WHERE app_id = ? AND user_id = ?)",
                    appId, appId, userId);
            JdbcRunner.update(connection, "DELETE FROM webhook_deliveries WHERE app_id = ? AND message_id IN (SELECT id FROM webhook_messages WHERE app_id = ? AND user_id = ?)",
                    appId, appId, userId);
            JdbcRunner.update(connection, "DELETE FROM webhook_messages WHERE app_id = ? AND user_id = ?", appId, userId);
            return JdbcRunner.update(connection, "DELETE FROM users WHERE app_id = ? AND id = ?", appId, userId) == 1;
        });
    }

    /**
     * By recording time: evaluation ids are time-ordered, so each app's old rows are a range of the
     * primary key, deleted a thousand at a time so the single writer is never held for long.
     */
    @Override
    public int pruneBefore(Instant cutoff) {
        String bound = IdGenerator.lowerBound(cutoff);
        List<String> apps = database.read(connection -> JdbcRunner.queryList(connection, "SELECT id FROM apps", row -> row.getString(1)));
        int pruned = 0;
        for (String appId : apps) {
            while (true) {
                int deleted = database.write(connection -> JdbcRunner.update(connection,
                        "DELETE FROM evaluations WHERE app_id = ? AND id IN (SELECT id FROM evaluations WHERE app_id = ? AND id < ? ORDER BY id LIMIT "
                                + PRUNE_BATCH + ")", appId, appId, bound));
                pruned += deleted;
                if (deleted < PRUNE_BATCH) {
                    break;
                }
            }
        }
        database.write(connection -> JdbcRunner.update(connection, "DELETE FROM challenges WHERE created_at < ?", cutoff.toEpochMilli()));
        // The addresses owner notices went to count for a day; past retention they are only personal data.
        database.write(connection -> JdbcRunner.update(connection, "DELETE FROM owner_notice_recipients WHERE sent_at < ?", cutoff.toEpochMilli()));
        pruneWebhookMessages(cutoff);
        return pruned;
    }

    /**
     * Webhook messages created before the cutoff that have nothing left to send (delivered, failed, or
     * their endpoint deleted), with their deliveries and tries: their payloads name accounts, IPs and
     * devices, and must not outlive the evaluations they describe. A thousand messages per transaction.
     */
    private void pruneWebhookMessages(Instant cutoff) {
        String batch = "SELECT m.app_id, m.id FROM webhook_messages m WHERE m.created_at < ? AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d"
                + " WHERE d.app_id = m.app_id AND d.message_id = m.id AND d.status = 'pending') ORDER BY m.created_at, m.app_id, m.id LIMIT " + PRUNE_BATCH;
        long before = cutoff.toEpochMilli();
        while (database.write(connection -> {
            JdbcRunner.update(connection, "DELETE FROM webhook_attempts WHERE (app_id, message_id) IN (" + batch + ")", before);
            JdbcRunner.update(connection, "DELETE FROM webhook_deliveries WHERE (app_id, message_id) IN (" + batch + ")", before);
            return JdbcRunner.update(connection, "DELETE FROM webhook_messages WHERE (app_id, id) IN (" + batch + ")", before);
        }) == PRUNE_BATCH) {
            // Another batch.
        }
    }
}
