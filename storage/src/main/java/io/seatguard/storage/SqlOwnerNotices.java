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
     * already sent, or when the account had {@code maxPerWindow} notices since {@code windowStart}.
     */
    public boolean claim(String appId, String userId, String deviceId, Instant at, Instant windowStart, int maxPerWindow) {
        return database.write(connection -> {
            long recent = JdbcRunner.queryOne(connection, "SELECT COUNT(*) FROM owner_notices WHERE app_id = ? AND user_id = ? AND sent_at >= ?",
                    row -> row.getLong(1), appId, userId, windowStart.toEpochMilli()).orElse(0L);
            if (recent >= maxPerWindow) {
                return false;
            }
            return JdbcRunner.update(connection,
                    "INSERT INTO owner_notices (app_id, user_id, device_id, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT (app_id, user_id, device_id) DO NOTHING",
                    appId, userId, deviceId, at.toEpochMilli()) == 1;
        });
    }
}
