package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountReader;
import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.account.LinkedDevice;
import io.seatguard.core.identity.DeviceType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads an account's state in two queries, both inside one (app, user). */
public final class SqlAccountReader implements AccountReader {
    private final SqlDatabase database;

    public SqlAccountReader(SqlDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public AccountState load(String appId, String userId, String ip, Optional<String> fingerprintId, Optional<String> deviceId, Instant since) {
        return database.read(connection -> {
            long[] known = JdbcRunner.queryOne(connection,
                    "SELECT (SELECT COUNT(*) FROM users WHERE app_id = ? AND id = ?),"
                            + " (SELECT COUNT(*) FROM user_ips WHERE app_id = ? AND user_id = ? AND ip = ?),"
                            + " (SELECT COUNT(*) FROM user_fingerprints WHERE app_id = ? AND user_id = ? AND fingerprint_id = ?)",
                    row -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)},
                    appId, userId, appId, userId, ip, appId, userId, fingerprintId.orElse("")).orElseThrow();
            List<LinkedDevice> devices = JdbcRunner.queryList(connection,
                    "SELECT l.device_id, d.type, l.status, l.first_seen, l.last_seen FROM user_devices l"
                            + " JOIN devices d ON d.app_id = l.app_id AND d.id = l.device_id"
                            + " WHERE l.app_id = ? AND l.user_id = ? AND (l.last_seen >= ? OR l.device_id = ?)",
                    row -> new LinkedDevice(row.getString(1), DeviceType.fromWireName(row.getString(2)), LinkStatus.fromWireName(row.getString(3)),
                            Instant.ofEpochMilli(row.getLong(4)), Instant.ofEpochMilli(row.getLong(5))),
                    appId, userId, since.toEpochMilli(), deviceId.orElse(""));
            return new AccountState(known[0] > 0, devices, known[1] > 0, known[2] > 0);
        });
    }
}
