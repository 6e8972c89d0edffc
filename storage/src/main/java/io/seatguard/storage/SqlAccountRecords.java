package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.challenge.Challenge;
import io.seatguard.core.history.AccountRecords;
import io.seatguard.core.history.AccountSummary;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.ids.IdGenerator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

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
                    "SELECT COUNT(*) FROM user_devices l JOIN devices d ON d.app_id = l.app_id AND d.id = l.device_id"
                            + " WHERE l.app_id = ? AND l.user_id = ? AND l.status = ? AND l.last_seen >= ?", row -> row.getLong(1),
                    appId, userId, LinkStatus.ATTACHED.wireName(), now.minus(Duration.ofDays(30)).toEpochMilli()).orElse(0L);
            Set<String> countries = SqlActivityReader.countriesBetween(connection, appId, userId, now.minus(Duration.ofHours(24)).toEpochMilli(),
                    Long.MAX_VALUE, false);
            return Optional.of(new AccountSummary(userId, seen.get()[0], seen.get()[1], (int) devices, countries, letInByType(connection, appId, userId)));
        });
    }

    /**
     * The account's devices ever let in, by type, for people_estimate.all_time: every link but the refused
     * ones, counted. Not the device list, which stops at the 1,000 most recently seen links (refused ones
     * among them) and looks up each one's last country in up to 200 evaluations, none of which the estimate uses.
     */
    private static Map<DeviceType, Integer> letInByType(Connection connection, String appId, String userId) throws SQLException {
        Map<DeviceType, Integer> counts = new EnumMap<>(DeviceType.class);
        JdbcRunner.queryList(connection, "SELECT d.type, COUNT(*) FROM user_devices l JOIN devices d ON d.app_id = l.app_id AND d.id = l.device_id"
                + " WHERE l.app_id = ? AND l.user_id = ? AND l.status <> ? GROUP BY d.type",
                row -> Map.entry(DeviceType.fromWireName(row.getString(1)), (int) row.getLong(2)), appId, userId, LinkStatus.REFUSED.wireName())
                .forEach(count -> counts.merge(count.getKey(), count.getValue(), Integer::sum));
        return counts;
    }

    /** A batch of the account's evaluations: deleted, the device each named returned. */
    static final String ACCOUNT_EVALUATIONS_BATCH = "DELETE FROM evaluations WHERE app_id = ? AND id IN"
            + " (SELECT id FROM evaluations WHERE app_id = ? AND user_id = ? LIMIT " + PRUNE_BATCH + ") RETURNING device_id";

    /**
     * The account's evaluations go a thousand at a time first, each batch its own transaction, and then
     * its webhook messages (with their deliveries and tries) likewise: an account under attack can hold
     * hundreds of thousands, and one transaction deleting them all would hold the single writer, and
     * every app's evaluations queued behind it, for as long. The last transaction takes what is left
     * (rows written meanwhile included) and the account's other rows. If the server stops in between,
     * the account is still there, with fewer evaluations, and erasing it again finishes the job.
     *
     * <p>The last transaction deletes the account's row first: an evaluation another node is writing holds
     * that row ({@link AccountRowLock}), so the delete waits for it to commit and the statements after it
     * see its rows; one written after the delete waits for this commit and makes the account again (judged
     * again first if it was judged with the account or a device this deleted: SqlEvaluationStore).
     */
    @Override
    public boolean erase(String appId, String userId, Consumer<List<Challenge>> deleting, Consumer<List<Challenge>> deleted) {
        String accountKey = Challenge.userKey(userId);
        // Each batch takes the devices its evaluations named that nothing needs any more: a device the account
        // was only challenged or denied on is tied to it by nothing else (SqlDeviceCleanup).
        // Every loop here goes on until a batch deletes none, not until one falls short: on PostgreSQL a row
        // retention deleted after the batch chose it makes the batch short with rows still left, which the last
        // transaction would then take all at once, holding the single writer for as long. And each stops once
        // its batches have deleted as many rows as the account had when they began (inBatches): an account
        // evaluated without pause writes rows between any two batches, and "until one deletes none" alone then
        // never ended (found in review); those rows are the last transaction's, as the design has them.
        inBatches(countOf(COUNT_EVALUATIONS, appId, userId), () -> erasing(connection -> {
            List<String> named = JdbcRunner.queryList(connection, ACCOUNT_EVALUATIONS_BATCH, row -> row.getString(1), appId, appId, userId);
            SqlDeviceCleanup.deleteDevicesNamedBy(connection, database.kind(), appId, named);
            return named.size();
        }));
        inBatches(countOf(COUNT_MESSAGES, appId, userId),
                () -> erasing(connection -> SqlWebhookCleanup.deleteAccountMessages(connection, appId, userId, PRUNE_BATCH)));
        // Its device links likewise, with the devices no other account uses (a bot's account links thousands).
        inBatches(countOf(COUNT_LINKS, appId, userId),
                () -> erasing(connection -> SqlDeviceCleanup.deleteAccountDevices(connection, database.kind(), appId, userId, PRUNE_BATCH)));
        // Its challenges likewise, a batch at a time: read and handed to deleting first, so that an erasure
        // stopped after the batch's commit has already handed over what erasing again could no longer read
        // (review, brief 5); then deleted by their ids, and handed to deleted as the delete returned them once
        // committed (what changed in between: a code sent). A challenge opened meanwhile is in a later batch,
        // or in the last transaction's. Memory holds one batch, not the account's all. Until a read finds
        // none: a batch that hands over fewer than it chose (an unreadable row) or deletes fewer (on
        // PostgreSQL, a row retention deleted meanwhile) may have more after it (found in review); or until
        // the batches chose as many as the account had when they began (inBatches).
        inBatches(countOf(COUNT_CHALLENGES, appId, accountKey), () -> {
            List<ChosenChallenge> chosen = database.read(connection -> JdbcRunner.queryList(connection, ACCOUNT_CHALLENGES,
                    row -> new ChosenChallenge(row.getString("id"), readable(row)), appId, accountKey));
            if (chosen.isEmpty()) {
                return 0;
            }
            List<Challenge> readable = chosen.stream().flatMap(challenge -> challenge.readable().stream()).toList();
            if (!readable.isEmpty()) {
                deleting.accept(readable);
            }
            List<String[]> ids = chosen.stream().map(challenge -> new String[] {challenge.id()}).toList();
            ChallengeBatch batch = erasing(connection -> deleteChallenges(connection, appId, ids));
            if (!batch.readable().isEmpty()) {
                deleted.accept(batch.readable());
            }
            return chosen.size();
        });
        List<Challenge> lastChallenges = new ArrayList<>();
        boolean found = erasing(connection -> {
            // The account's row first (AccountRowLock): whether it was there is the answer.
            boolean erased = JdbcRunner.update(connection, "DELETE FROM users WHERE app_id = ? AND id = ?", appId, userId) == 1;
            // Links written meanwhile, with their devices.
            SqlDeviceCleanup.deleteAccountDevices(connection, database.kind(), appId, userId, Integer.MAX_VALUE);
            SqlDeviceCleanup.deleteDevicesNamedBy(connection, database.kind(), appId, JdbcRunner.queryList(connection,
                    "DELETE FROM evaluations WHERE app_id = ? AND user_id = ? RETURNING device_id", row -> row.getString(1), appId, userId));
            JdbcRunner.update(connection, "DELETE FROM user_ips WHERE app_id = ? AND user_id = ?", appId, userId);
            JdbcRunner.update(connection, "DELETE FROM user_fingerprints WHERE app_id = ? AND user_id = ?", appId, userId);
            JdbcRunner.update(connection, "DELETE FROM device_users WHERE app_id = ? AND user_id = ?", appId, userId);
            JdbcRunner.update(connection, "DELETE FROM user_countries WHERE app_id = ? AND user_id = ?", appId, userId);
            // Challenges opened since the batches (AccountRowLock: the evaluation that opened one committed first).
            lastChallenges.addAll(deleteChallenges(connection, appId, accountKey).readable());
            JdbcRunner.update(connection, "DELETE FROM owner_notices WHERE app_id = ? AND user_id = ?", appId, userId);
            // The claims' lock rows name the account and the addresses its notices went to (V29).
            JdbcRunner.update(connection, "DELETE FROM owner_notice_claims WHERE app_id = ? AND (claim_key = ? OR claim_key IN"
                    + " (SELECT ? || recipient FROM owner_notice_recipients WHERE app_id = ? AND user_id = ?))",
                    appId, SqlOwnerNotices.accountKey(userId), SqlOwnerNotices.RECIPIENT_KEY_PREFIX, appId, userId);
            JdbcRunner.update(connection, "DELETE FROM owner_notice_recipients WHERE app_id = ? AND user_id = ?", appId, userId);
            JdbcRunner.update(connection, "DELETE FROM account_patterns WHERE app_id = ? AND user_id = ?", appId, userId);
            // Webhook payloads about the account go too (what was delivered is the receiver's), their
            // deliveries by the same ids as the messages: none is left without its message.
            SqlWebhookCleanup.deleteAccountMessages(connection, appId, userId, Integer.MAX_VALUE);
            return erased;
        });
        if (!lastChallenges.isEmpty()) {
            deleted.accept(List.copyOf(lastChallenges));
        }
        return found;
    }

    /** How many evaluations, webhook messages, device links and challenges the account has (by app and user or account key). */
    private static final String COUNT_EVALUATIONS = "SELECT COUNT(*) FROM evaluations WHERE app_id = ? AND user_id = ?";
    private static final String COUNT_MESSAGES = "SELECT COUNT(*) FROM webhook_messages WHERE app_id = ? AND user_id = ?";
    private static final String COUNT_LINKS = "SELECT COUNT(*) FROM user_devices WHERE app_id = ? AND user_id = ?";
    private static final String COUNT_CHALLENGES = "SELECT COUNT(*) FROM challenges WHERE app_id = ? AND account_key = ?";

    private long countOf(String count, String appId, String key) {
        return database.read(connection -> JdbcRunner.queryOne(connection, count, row -> row.getLong(1), appId, key).orElse(0L));
    }

    /**
     * Runs an erasure's batches ({@code batch} answers how many rows it took) until one takes none, or until
     * together they took {@code rowsAtStart}, the rows the account had when they began. Without that bound an
     * account evaluated without pause, a row written between any two batches, kept the loop going for as long
     * as the evaluations came (found in review); what is written meanwhile is the last transaction's.
     */
    private static void inBatches(long rowsAtStart, java.util.function.IntSupplier batch) {
        long taken = 0;
        while (taken < rowsAtStart) {
            int took = batch.getAsInt();
            if (took == 0) {
                return;
            }
            taken += took;
        }
    }

    /** A batch of the account's challenges, read to be handed over before it is deleted. */
    private static final String ACCOUNT_CHALLENGES = "SELECT " + SqlChallengeStore.COLUMNS + " FROM challenges WHERE app_id = ? AND account_key = ?"
            + " LIMIT " + PRUNE_BATCH;

    /** A chosen challenge: its id, and it when its document can be read. */
    private record ChosenChallenge(String id, Optional<Challenge> readable) {}

    /** The listed challenges, deleted and returned. */
    private static final String CHALLENGES_BY_ID = "DELETE FROM challenges WHERE app_id = ? AND id IN " + KeyList.KEYS
            + " RETURNING device_id, " + SqlChallengeStore.COLUMNS;

    /** All the account's challenges, deleted and returned (the last transaction's). */
    private static final String CHALLENGES_OF_ACCOUNT = "DELETE FROM challenges WHERE app_id = ? AND account_key = ?"
            + " RETURNING device_id, " + SqlChallengeStore.COLUMNS;

    /** A batch of deleted challenges: those whose documents could be read. */
    private record ChallengeBatch(List<Challenge> readable) {}

    /** Deletes the listed challenges ({@link #deleteChallenges(Connection, String, String, Object[])}). */
    private ChallengeBatch deleteChallenges(Connection connection, String appId, List<String[]> ids) throws SQLException {
        List<Challenge> gone = new ArrayList<>();
        for (List<String[]> chunk : KeyList.chunks(ids)) {
            gone.addAll(deleteChallenges(connection, appId, KeyList.statement(CHALLENGES_BY_ID, 1, chunk.size()),
                    KeyList.parameters(chunk, new Object[] {appId})).readable());
        }
        return new ChallengeBatch(gone);
    }

    /** Deletes every challenge of the account left ({@link #deleteChallenges(Connection, String, String, Object[])}). */
    private ChallengeBatch deleteChallenges(Connection connection, String appId, String accountKey) throws SQLException {
        return deleteChallenges(connection, appId, CHALLENGES_OF_ACCOUNT, new Object[] {appId, accountKey});
    }

    /**
     * Runs a delete of challenges that returns them, and deletes the devices they named that nothing needs any
     * more: a challenge names its evaluation's device, and one whose evaluation retention already pruned is
     * the last tie.
     */
    private ChallengeBatch deleteChallenges(Connection connection, String appId, String deletion, Object[] parameters) throws SQLException {
        List<String> devices = new ArrayList<>();
        List<Optional<Challenge>> gone = JdbcRunner.queryList(connection, deletion, row -> {
            devices.add(row.getString("device_id"));
            return readable(row);
        }, parameters);
        SqlDeviceCleanup.deleteDevicesNamedBy(connection, database.kind(), appId, devices);
        return new ChallengeBatch(gone.stream().flatMap(Optional::stream).toList());
    }

    /**
     * The challenge, or none when its document cannot be read: one unreadable row must not make the account
     * impossible to erase; the row goes all the same, only what names its recipients elsewhere cannot.
     */
    private static Optional<Challenge> readable(java.sql.ResultSet row) throws SQLException {
        try {
            return Optional.of(SqlChallengeStore.challenge(row));
        }
        catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * One of the erasure's transactions, with SQLite's secure delete on ({@link SecureDelete}): what it
     * deletes is zeroed in the database file, not left in free space until overwritten.
     */
    private <T> T erasing(GroupCommitWriter.Task<T> task) {
        return database.write(connection -> SecureDelete.around(database.kind(), connection, task));
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
            // Until a batch deletes none (here and in every loop of the pass), not until one falls short: on
            // PostgreSQL a batch is chosen as of its statement's start, and a row of it another transaction
            // deleted meanwhile (an erasure, another node's pass) is skipped, so a short batch can have
            // thousands after it, left until the next pass (PostgresRetentionPastAShortBatchTest).
            int deleted;
            do {
                deleted = database.write(connection -> JdbcRunner.update(connection,
                        "DELETE FROM evaluations WHERE app_id = ? AND id IN (SELECT id FROM evaluations WHERE app_id = ? AND id < ? ORDER BY id LIMIT "
                                + PRUNE_BATCH + ")", appId, appId, bound));
                pruned += deleted;
            } while (deleted > 0);
        }
        pruneChallenges(cutoff);
        // The addresses owner notices went to count for a day; past retention they are only personal data.
        pruneOldest(OLD_NOTICE_RECIPIENTS, cutoff);
        pruneOldest(OLD_NOTICE_CLAIMS, cutoff);
        pruneWebhookMessages(cutoff);
        while (database.write(SqlWebhookCleanup::deleteDeliveriesWithoutMessage) > 0) {
            // Another batch.
        }
        return pruned;
    }

    /** The oldest thousand or so addresses owner notices went to before the cutoff ({@link #oldestBefore}). */
    static final String OLD_NOTICE_RECIPIENTS = oldestBefore("owner_notice_recipients", "sent_at");

    /** The oldest thousand or so owner-notice lock rows last claimed before the cutoff. */
    static final String OLD_NOTICE_CLAIMS = oldestBefore("owner_notice_claims", "claimed_at");

    /**
     * Deletes a table's rows older than the cutoff: a batch is bounded by the time of its thousandth
     * oldest row (ties go with it), read along the age index; with fewer than a thousand left, all of
     * them. The same for a table without a key as for one with.
     */
    private static String oldestBefore(String table, String timeColumn) {
        return "DELETE FROM " + table + " WHERE " + timeColumn + " < ? AND " + timeColumn + " <= COALESCE((SELECT " + timeColumn + " FROM " + table
                + " WHERE " + timeColumn + " < ? ORDER BY " + timeColumn + " LIMIT 1 OFFSET " + (PRUNE_BATCH - 1) + "), ?)";
    }

    /** Runs one of the {@link #oldestBefore} deletions a batch per write until a batch deletes none (see {@link #pruneBefore}). */
    private void pruneOldest(String deletion, Instant cutoff) {
        long before = cutoff.toEpochMilli();
        while (database.write(connection -> JdbcRunner.update(connection, deletion, before, before, before)) > 0) {
            // Another batch.
        }
    }

    /**
     * Devices that no account links and no evaluation names, last seen before the cutoff, with their tokens, fingerprints and
     * components ({@link SqlDeviceCleanup}): each app's devices are read a page at a time, and a page's
     * candidates deleted in one transaction that checks them again.
     */
    @Override
    public int pruneDevicesBefore(Instant cutoff) {
        long before = cutoff.toEpochMilli();
        List<String> apps = database.read(connection -> JdbcRunner.queryList(connection, "SELECT id FROM apps", row -> row.getString(1)));
        int pruned = 0;
        for (String appId : apps) {
            String after = "";
            while (true) {
                String from = after;
                SqlDeviceCleanup.Page page = database.read(connection -> SqlDeviceCleanup.page(connection, appId, from, before, PRUNE_BATCH));
                if (!page.candidates().isEmpty()) {
                    pruned += database.write(connection -> SqlDeviceCleanup.deleteUnlinked(connection, database.kind(), appId, page.candidates(), before));
                }
                if (page.read() < PRUNE_BATCH) {
                    break;
                }
                after = page.lastId();
            }
        }
        return pruned;
    }

    /** Challenges opened before the cutoff, a thousand per transaction, found through their age index. */
    static final String OLD_CHALLENGES = "DELETE FROM challenges WHERE id IN (SELECT id FROM challenges WHERE created_at < ? LIMIT " + PRUNE_BATCH + ")";

    private void pruneChallenges(Instant cutoff) {
        while (database.write(connection -> JdbcRunner.update(connection, OLD_CHALLENGES, cutoff.toEpochMilli())) > 0) {
            // Another batch, until one deletes none (see pruneBefore).
        }
    }

    /**
     * The next thousand messages by age from {@code created_at >= ?} to the cutoff with nothing left to
     * send, read along their age index. Each batch starts where the last one ended, so messages still
     * pending near the start (a receiver that has been down for longer than the retention) are stepped
     * over once per pass, not once per batch.
     */
    static final String OLD_WEBHOOK_MESSAGES = "SELECT m.app_id, m.id, m.created_at FROM webhook_messages m WHERE m.created_at >= ? AND m.created_at < ?"
            + " AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.app_id = m.app_id AND d.message_id = m.id AND d.status = 'pending')"
            + " ORDER BY m.created_at LIMIT " + PRUNE_BATCH;

    /**
     * Webhook messages created before the cutoff that have nothing left to send (delivered, failed, or
     * their endpoint deleted), with their deliveries and tries: their payloads name accounts, IPs and
     * devices, and must not outlive the evaluations they describe. A thousand messages per transaction,
     * chosen once and deleted by their keys from the three tables. A delivery sent again meanwhile
     * ({@code redeliver} from another node) keeps its row, its tries and its message.
     */
    private void pruneWebhookMessages(Instant cutoff) {
        long before = cutoff.toEpochMilli();
        long from = Long.MIN_VALUE;
        while (true) {
            long start = from;
            List<Long> ages = database.write(connection -> {
                List<String[]> keys = new ArrayList<>();
                List<Long> created = new ArrayList<>();
                JdbcRunner.queryList(connection, OLD_WEBHOOK_MESSAGES, row -> {
                    keys.add(new String[] {row.getString(1), row.getString(2)});
                    return created.add(row.getLong(3));
                }, start, before);
                if (!keys.isEmpty()) {
                    SqlWebhookCleanup.deleteFinished(connection, keys);
                }
                return created;
            });
            if (ages.size() < PRUNE_BATCH) {
                return;
            }
            from = ages.get(ages.size() - 1);
        }
    }
}
