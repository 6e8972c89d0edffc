package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which owner notices were sent: at most one per account and device, a count per account, and a count
 * per recipient (every address or number a notice went to) for the rate limits.
 */
public final class SqlOwnerNotices {
    /**
     * Takes (or waits for) the lock on one account or recipient: an upsert holds the row's lock until
     * the transaction ends, on PostgreSQL and SQLite alike (V29).
     */
    private static final String LOCK = "INSERT INTO owner_notice_claims (app_id, claim_key, claimed_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (app_id, claim_key) DO UPDATE SET claimed_at = excluded.claimed_at";

    /** Begins the key of an account's lock row. */
    static final String ACCOUNT_KEY_PREFIX = "user:";
    /** Begins the key of a recipient's lock row: it names the address or number, so erasure and retention delete it. */
    static final String RECIPIENT_KEY_PREFIX = "to:";

    private final SqlDatabase database;

    public SqlOwnerNotices(SqlDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    /**
     * Claims the right to tell the account's owner about this device, in one transaction: answers the
     * recipients it may go to, those of {@code recipients} (email addresses lower-cased, phone numbers)
     * that had fewer than {@code maxPerRecipient} notices since {@code windowStart}, whatever the account
     * of the app (each app counts its own), and records one notice to each. Empty, and nothing recorded, when a notice about this device was
     * already sent, when the account had {@code maxPerAccount} notices since {@code windowStart}, or when
     * no recipient has room left, and when the account is not stored (erased since the evaluation that
     * asked for the notice, on this node or another).
     *
     * <p>A {@code vouched} claim (the evaluation's account named by the app's backend or signed) counts
     * only vouched notices: an unsigned browser call's account and addresses are the caller's word, so
     * its notices must not use up the owner's. An unsigned claim counts every notice.
     */
    public List<String> claim(String appId, String userId, String deviceId, List<String> recipients, Instant at, Instant windowStart,
            int maxPerAccount, int maxPerRecipient, boolean vouched) {
        return database.write(connection -> claim(connection, database.kind(), appId, userId, deviceId, recipients, at, windowStart, maxPerAccount,
                maxPerRecipient, vouched));
    }

    /**
     * The claim on a connection already in a transaction. The counts are read only once this
     * transaction holds the account's and every recipient's lock, so a claim on another node that
     * shares any of them has either committed (and is counted) or waits for this one.
     *
     * <p>The account's row is held before any of them ({@link AccountRowLock#holdIfPresent}): an erasure
     * deletes it before the notices and their lock rows, so that one on another node either waits for this
     * claim and deletes what it records, or has committed and this claim records nothing.
     */
    static List<String> claim(Connection connection, DatabaseKind kind, String appId, String userId, String deviceId, List<String> recipients,
            Instant at, Instant windowStart, int maxPerAccount, int maxPerRecipient, boolean vouched) throws SQLException {
        if (!AccountRowLock.holdIfPresent(connection, kind, appId, userId)) {
            return List.of();
        }
        String counted = vouched ? " AND vouched = 1" : "";
        List<String> distinct = recipients.stream().distinct().toList();
        // One order for every claim, so two that share two keys cannot each hold one and wait for the other.
        List<String> keys = Stream.concat(Stream.of(accountKey(userId)), distinct.stream().map(SqlOwnerNotices::recipientKey)).sorted().toList();
        for (String key : keys) {
            JdbcRunner.update(connection, LOCK, appId, key, at.toEpochMilli());
        }
        long sinceMillis = windowStart.toEpochMilli();
        long toAccount = JdbcRunner.queryOne(connection, "SELECT COUNT(*) FROM owner_notices WHERE app_id = ? AND user_id = ? AND sent_at >= ?" + counted,
                row -> row.getLong(1), appId, userId, sinceMillis).orElse(0L);
        if (toAccount >= maxPerAccount) {
            return List.of();
        }
        List<String> granted = new ArrayList<>();
        for (String recipient : distinct) {
            long toRecipient = JdbcRunner.queryOne(connection,
                    "SELECT COUNT(*) FROM owner_notice_recipients WHERE app_id = ? AND recipient = ? AND sent_at >= ?" + counted,
                    row -> row.getLong(1), appId, recipient, sinceMillis).orElse(0L);
            if (toRecipient < maxPerRecipient) {
                granted.add(recipient);
            }
        }
        // Once per account and device: an unsigned notice's row gives way to the first vouched one (it
        // becomes that one), and no notice follows a vouched one.
        if (granted.isEmpty() || JdbcRunner.update(connection,
                "INSERT INTO owner_notices (app_id, user_id, device_id, sent_at, vouched) VALUES (?, ?, ?, ?, ?) ON CONFLICT (app_id, user_id, device_id)"
                        + (vouched ? " DO UPDATE SET sent_at = excluded.sent_at, vouched = 1 WHERE owner_notices.vouched = 0" : " DO NOTHING"),
                appId, userId, deviceId, at.toEpochMilli(), vouched ? 1 : 0) != 1) {
            return List.of();
        }
        for (String recipient : granted) {
            JdbcRunner.update(connection,
                    "INSERT INTO owner_notice_recipients (app_id, user_id, device_id, recipient, sent_at, vouched) VALUES (?, ?, ?, ?, ?, ?)",
                    appId, userId, deviceId, recipient, at.toEpochMilli(), vouched ? 1 : 0);
        }
        return List.copyOf(granted);
    }

    static String accountKey(String userId) {
        return ACCOUNT_KEY_PREFIX + userId;
    }

    static String recipientKey(String recipient) {
        return RECIPIENT_KEY_PREFIX + recipient;
    }
}
