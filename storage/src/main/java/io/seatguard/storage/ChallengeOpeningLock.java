package io.seatguard.storage;

import io.seatguard.core.challenge.Challenge;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Makes two nodes opening a challenge on one account and device at once leave one open, as one node's
 * single writer does: the later opener overrides the earlier one.
 *
 * <p>Opening a challenge overrides the account's pending ones on the device, then inserts
 * ({@link SqlChallengeStore#open}). Under PostgreSQL's read committed, two nodes' transactions doing so
 * at the same moment each looked before the other had committed, found nothing to override, and both
 * challenges stayed open: two codes for the owner, two device-limit pages acting at once
 * ({@code PostgresChallengesOpenedAtOnceTest}). So the opener first takes a transaction-scoped advisory
 * lock on (schema, app, account key, device): the second opener waits for the first to commit, and its
 * override, a later statement, then sees (and ends) the first's challenge. Only those two openers wait
 * for each other, never a node's whole batch for another's, and the lock goes with the commit, also if
 * the node dies mid-batch.
 *
 * <p>No new deadlock: a batch opens its challenges in the order of their accounts, of the devices within
 * one, and of the account keys within a device (a signup's challenges, keyed by email, share the empty
 * account: {@link SqlEvaluationStore#write}; a challenge names its evaluation's account and device), so
 * every node takes these locks in one order. The lock waits where the override's row locks of a pending
 * challenge already did; it adds only the case with nothing pending. The key is a 64-bit hash of unambiguous text: two keys that collided would share a
 * lock, and could then be taken in opposite orders, which is left to the 2^-64 odds and PostgreSQL's
 * deadlock detection (the batch is committed again write by write, and nothing is lost).
 *
 * <p>SQLite has one writer, which runs every open in turn: there is nothing to lock.
 */
final class ChallengeOpeningLock {
    /**
     * The single-key form ({@code bigint}), whose keys never meet the two-key ones ({@link PostgresStatistics}'s);
     * the schema is in the key as there, since advisory locks belong to the whole database.
     */
    private static final String HOLD = "SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || '/' || ?, 0))";

    private ChallengeOpeningLock() {}

    /** Holds the challenge's account and device to the end of the transaction, on PostgreSQL; waits for another transaction that holds them. */
    static void hold(Connection connection, DatabaseKind kind, Challenge challenge) throws SQLException {
        if (kind == DatabaseKind.POSTGRESQL) {
            JdbcRunner.queryOne(connection, HOLD, row -> true, key(challenge));
        }
    }

    /** The app, account key and device, each but the last led by its length, so that no two triples make one text. */
    static String key(Challenge challenge) {
        return challenge.appId().length() + ":" + challenge.appId() + challenge.accountKey().length() + ":" + challenge.accountKey()
                + challenge.deviceId();
    }
}
