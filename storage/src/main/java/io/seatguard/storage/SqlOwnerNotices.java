package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** Which owner notices were sent: at most one per account and device, and a count per account for the rate limit. */
public final class SqlOwnerNotices {
    private final SqlDatabase database;

    public SqlOwnerNotices(SqlDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    /**
     * Claims the right to tell the account's owner about this device: false when a notice about it was
     * already sent, when the account had {@code maxPerAccount} notices since {@code windowStart}, or when
     * {@code recipient} had {@code maxPerRecipient} since then, whatever the account.
     */
    public boolean claim(String appId, String userId, String deviceId, String recipient, Instant at, Instant windowStart, int maxPerAccount,
            int maxPerRecipient) {
        return database.write(connection -> {
            long sinceMillis = windowStart.toEpochMilli();
            long toAccount = JdbcRunner.queryOne(connection, "SELECT COUNT(*) FROM owner_notices WHERE app_id = ? AND user_id = ? AND sent_at >= ?",
                    row -> row.getLong(1), appId, userId, sinceMillis).orElse(0L);
            long toRecipient = JdbcRunner.queryOne(connection,
                    "SELECT COUNT(*) FROM owner_notices WHERE app_id = ? AND recipient = ? AND sent_at >= ?",
                    row -> row.getLong(1), appId, recipient, sinceMillis).orElse(0L);
            if (toAccount >= maxPerAccount || toRecipient >= maxPerRecipient) {
                return false;
            }
            return JdbcRunner.update(connection,
                    "INSERT INTO owner_notices (app_id, user_id, device_id, sent_at, recipient) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (app_id, user_id, device_id) DO NOTHING",
                    appId, userId, deviceId, at.toEpochMilli(), recipient) == 1;
        });
    }
}
