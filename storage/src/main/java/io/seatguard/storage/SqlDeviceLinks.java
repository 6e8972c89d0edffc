package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountDevice;
import io.seatguard.core.account.DeviceLinks;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.challenge.ChallengeRules;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.webhook.OutboxEvent;
import io.seatguard.core.webhook.WebhookEventType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An account's device links in SQL. */
public final class SqlDeviceLinks implements DeviceLinks {
    /** A resold account can gather thousands of devices; a listing shows the most recent ones. */
    static final int MAX_LISTED = 1000;
    /** How many of a device's latest evaluations its last country is looked for in. */
    static final int LAST_COUNTRY_WINDOW = 200;

    private final SqlDatabase database;
    /** The limits the server's challenges run under: a logout settles the spent ones before failing the rest. */
    private final ChallengeRules challengeRules;

    /** With {@link ChallengeRules#DEFAULTS}; a server passes the rules it was configured with. */
    public SqlDeviceLinks(SqlDatabase database) {
        this(database, ChallengeRules.DEFAULTS);
    }

    public SqlDeviceLinks(SqlDatabase database, ChallengeRules challengeRules) {
        this.database = requireNonNull(database, "database is null");
        this.challengeRules = requireNonNull(challengeRules, "challengeRules is null");
    }

    @Override
    public Optional<List<AccountDevice>> devices(String appId, String userId) {
        return database.read(connection -> {
            if (JdbcRunner.queryOne(connection, "SELECT 1 FROM users WHERE app_id = ? AND id = ?", row -> true, appId, userId).isEmpty()) {
                return Optional.<List<AccountDevice>>empty();
            }
            return Optional.of(JdbcRunner.queryList(connection,
                    // The country of the device's latest placed evaluation on this account, among the device's
                    // latest LAST_COUNTRY_WINDOW evaluations (evaluations_by_device, newest first): a bounded
                    // read. Unbounded, a device never placed on this account (VPN or hosting traffic), or one
                    // a bot used across thousands of accounts, made the listing walk its whole history.
                    "SELECT l.device_id, d.type, l.status, l.first_seen, l.last_seen, d.browser, d.os, l.vouched,"
                            + " (SELECT recent.country FROM (SELECT e.country, e.user_id, e.created_at FROM evaluations e"
                            + " WHERE e.app_id = l.app_id AND e.device_id = l.device_id ORDER BY e.created_at DESC LIMIT " + LAST_COUNTRY_WINDOW + ") recent"
                            + " WHERE recent.user_id = l.user_id AND recent.country IS NOT NULL ORDER BY recent.created_at DESC LIMIT 1) AS last_country"
                            + " FROM user_devices l"
                            + " JOIN devices d ON d.app_id = l.app_id AND d.id = l.device_id"
                            + " WHERE l.app_id = ? AND l.user_id = ? ORDER BY l.last_seen DESC, l.device_id LIMIT " + MAX_LISTED,
                    row -> new AccountDevice(row.getString(1), DeviceType.fromWireName(row.getString(2)), LinkStatus.fromWireName(row.getString(3)),
                            Instant.ofEpochMilli(row.getLong(4)), Instant.ofEpochMilli(row.getLong(5)), row.getString(6), row.getString(7),
                            Optional.ofNullable(row.getString(9)), row.getInt(8) == 1),
                    appId, userId));
        });
    }

    @Override
    public boolean detach(String appId, String userId, String deviceId, Instant at) {
        return database.write(connection -> logOut(connection, appId, userId, deviceId, at));
    }

    @Override
    public boolean detachOverLimit(String appId, String userId, String deviceId, Optional<String> arriving, Instant at, int limit,
            Instant windowStart, boolean vouchedOnly) {
        return database.write(connection -> {
            // Counted under the account's lock, as attachWithinLimit counts: a second tab's logout counts
            // after this one's has landed, not before it.
            lockAccount(connection, appId, userId);
            long counted = attachedInWindow(connection, appId, userId, arriving, windowStart, vouchedOnly) + (arriving.isPresent() ? 1 : 0);
            if (counted <= limit) {
                return false;
            }
            logOut(connection, appId, userId, deviceId, at);
            return true;
        });
    }

    /**
     * A device stopped at the account's challenge is not linked yet, but the owner told of the attempt
     * (challenge.created, the evaluation) must be able to log it out: it is refused as at its challenge, so
     * that its next page view is told it is logged out and the challenge ends. Also just after a pass,
     * before its attach lands: the attach then leaves the logout standing.
     */
    private boolean logOut(Connection connection, String appId, String userId, String deviceId, Instant at) throws SQLException {
        Optional<Instant> challenged = SqlChallengeStore.firstRecentOnDevice(connection, appId, userId, deviceId, at);
        return challenged.isPresent()
                ? refuse(connection, appId, userId, deviceId, challenged.get(), at)
                : detach(connection, appId, userId, deviceId, at);
    }

    @Override
    public boolean refuse(String appId, String userId, String deviceId, Instant seenAt, Instant at) {
        return database.write(connection -> refuse(connection, appId, userId, deviceId, seenAt, at));
    }

    /**
     * A device the account never had gets a {@code refused} link, logged out but still new to the account
     * (a later login from it is judged as a new device's); one it has is logged out as by {@link #detach}.
     * Nothing is written for an account that is no longer stored, nor for one another node is erasing: its
     * row is held first ({@link AccountRowLock#holdIfPresent}).
     */
    private boolean refuse(Connection connection, String appId, String userId, String deviceId, Instant seenAt, Instant at) throws SQLException {
        if (!AccountRowLock.holdIfPresent(connection, database.kind(), appId, userId)) {
            return false;
        }
        boolean made = JdbcRunner.update(connection,
                // Not vouched: a refused device was never let in, by anyone (LinkedDevice.vouched).
                "INSERT INTO user_devices (app_id, user_id, device_id, status, first_seen, last_seen, detached_at, vouched) SELECT ?, ?, ?, ?, ?, ?, ?, 0"
                        // Held on PostgreSQL, as an evaluation's insert holds it (SqlDeviceCleanup).
                        + " WHERE EXISTS (SELECT 1 FROM devices WHERE app_id = ? AND id = ?" + (database.kind() == DatabaseKind.POSTGRESQL ? " FOR KEY SHARE" : "") + ")"
                        + " ON CONFLICT (app_id, user_id, device_id) DO NOTHING",
                appId, userId, deviceId, LinkStatus.REFUSED.wireName(), seenAt.toEpochMilli(), seenAt.toEpochMilli(), at.toEpochMilli(),
                appId, deviceId) == 1;
        if (made) {
            loggedOut(connection, appId, userId, deviceId, at);
            return true;
        }
        return detach(connection, appId, userId, deviceId, at);
    }

    private boolean detach(Connection connection, String appId, String userId, String deviceId, Instant at) throws SQLException {
        boolean detached = JdbcRunner.update(connection,
                "UPDATE user_devices SET status = ?, detached_at = ? WHERE app_id = ? AND user_id = ? AND device_id = ? AND status = ?",
                LinkStatus.DETACHED.wireName(), at.toEpochMilli(), appId, userId, deviceId, LinkStatus.ATTACHED.wireName()) == 1;
        boolean linked = detached || JdbcRunner.queryOne(connection, "SELECT 1 FROM user_devices WHERE app_id = ? AND user_id = ? AND device_id = ?",
                row -> true, appId, userId, deviceId).isPresent();
        if (detached) {
            loggedOut(connection, appId, userId, deviceId, at);
        }
        return linked;
    }

    /** What a logout brings with it, in its transaction: the device's open challenges end, and the event. */
    private void loggedOut(Connection connection, String appId, String userId, String deviceId, Instant at) throws SQLException {
        SqlChallengeStore.failOpenOnDevice(connection, challengeRules, appId, userId, deviceId, at);
        SqlOutbox.enqueue(connection, new OutboxEvent(appId, WebhookEventType.DEVICE_DETACHED,
                Optional.of(userId), Map.of("user", userId, "device_id", deviceId), at));
    }

    /**
     * The same upsert an allowed evaluation at {@code seenAt} makes (so a later logout still wins), in one
     * transaction with the {@code device.attached} event when the link was not attached before. Nothing is
     * written for an account or device that is no longer stored: a link must not outlive an erasure. The
     * account's row is held first ({@link AccountRowLock#holdIfPresent}), so that an erasure on another node
     * either waits for this write and takes it along, or has committed and leaves nothing to link to.
     */
    @Override
    public boolean attach(String appId, String userId, String deviceId, String evaluationId, Instant seenAt, Instant now, boolean vouched) {
        return database.write(connection -> attach(connection, appId, userId, deviceId, evaluationId, seenAt, now, vouched));
    }

    @Override
    public boolean attachWithinLimit(String appId, String userId, String deviceId, String evaluationId, Instant seenAt, Instant now, int limit,
            Instant windowStart, boolean vouched) {
        return database.write(connection -> {
            // A second page passing at once counts after this one's attach, not before it.
            lockAccount(connection, appId, userId);
            long others = attachedInWindow(connection, appId, userId, Optional.of(deviceId), windowStart, vouched);
            if (others + 1 > limit) {
                return false;
            }
            attach(connection, appId, userId, deviceId, evaluationId, seenAt, now, vouched);
            return true;
        });
    }

    /**
     * Takes the account's row lock, held to the end of the transaction on PostgreSQL, so that one
     * account's limited attaches and logouts run one after another across nodes (SQLite has one writer
     * anyway).
     */
    private static void lockAccount(Connection connection, String appId, String userId) throws SQLException {
        JdbcRunner.update(connection, "UPDATE users SET last_seen = last_seen WHERE app_id = ? AND id = ?", appId, userId);
    }

    /**
     * The account's attached links seen since {@code windowStart}, as device_count counts them; {@code except}'s
     * not among them. With {@code vouchedOnly}, as a vouched evaluation's device_count counts them: the
     * vouched links alone (vouched is 0 or 1, so "vouched >= 1" keeps those and "vouched >= 0" every link).
     */
    private static long attachedInWindow(Connection connection, String appId, String userId, Optional<String> except, Instant windowStart,
            boolean vouchedOnly) throws SQLException {
        return JdbcRunner.queryOne(connection, "SELECT COUNT(*) FROM user_devices WHERE app_id = ? AND user_id = ? AND device_id <> ?"
                // No device has an empty id: without an exception, every link is counted.
                + " AND status = ? AND last_seen >= ? AND vouched >= ?", row -> row.getLong(1), appId, userId, except.orElse(""),
                LinkStatus.ATTACHED.wireName(), windowStart.toEpochMilli(), vouchedOnly ? 1 : 0).orElse(0L);
    }

    private boolean attach(Connection connection, String appId, String userId, String deviceId, String evaluationId, Instant seenAt, Instant now,
            boolean vouched) throws SQLException {
        if (!AccountRowLock.holdIfPresent(connection, database.kind(), appId, userId)) {
            return false;
        }
        Optional<String> type = JdbcRunner.queryOne(connection, "SELECT type FROM devices WHERE app_id = ? AND id = ?", row -> row.getString(1),
                appId, deviceId);
        if (type.isEmpty()) {
            return false;
        }
        Optional<String> before = status(connection, appId, userId, deviceId);
        JdbcRunner.update(connection, SqlEvaluationStore.UPSERT_USER_DEVICE, appId, userId, deviceId, LinkStatus.ATTACHED.wireName(),
                seenAt.toEpochMilli(), seenAt.toEpochMilli(), vouched ? 1 : 0);
        boolean attached = status(connection, appId, userId, deviceId).filter(LinkStatus.ATTACHED.wireName()::equals).isPresent();
        if (attached && !before.filter(LinkStatus.ATTACHED.wireName()::equals).isPresent()) {
            SqlOutbox.enqueue(connection, new OutboxEvent(appId, WebhookEventType.DEVICE_ATTACHED,
                    Optional.of(userId), Map.of("user", userId, "device_id", deviceId, "type", type.get(), "evaluation_id", evaluationId), now));
        }
        return attached;
    }

    /** The earlier of the stored time and {@code seenAt} stands: the device was let in at the first of them. */
    @Override
    public void letIn(String appId, String deviceId, Instant seenAt) {
        database.write(connection -> JdbcRunner.update(connection,
                "UPDATE devices SET let_in_at = ? WHERE app_id = ? AND id = ? AND (let_in_at IS NULL OR let_in_at > ?)",
                seenAt.toEpochMilli(), appId, deviceId, seenAt.toEpochMilli()));
    }

    private static Optional<String> status(Connection connection, String appId, String userId, String deviceId) throws SQLException {
        return JdbcRunner.queryOne(connection, "SELECT status FROM user_devices WHERE app_id = ? AND user_id = ? AND device_id = ?",
                row -> row.getString(1), appId, userId, deviceId);
    }
}
