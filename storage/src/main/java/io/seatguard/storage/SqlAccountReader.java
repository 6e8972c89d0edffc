package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountReader;
import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.account.LinkedDevice;
import io.seatguard.core.account.Seen;
import io.seatguard.core.identity.DeviceType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads an account's state in two queries, both inside one (app, user). */
public final class SqlAccountReader implements AccountReader {
    private final SqlDatabase database;

    @SuppressWarnings("unchecked")
    private static Optional<Seen>[] seenTriple(ResultSet row) throws SQLException {
        return new Optional[] {seen(row, 1), seen(row, 3), seen(row, 5)};
    }

    private static Optional<Seen> seen(ResultSet row, int firstColumn) throws SQLException {
        long first = row.getLong(firstColumn);
        if (row.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(new Seen(Instant.ofEpochMilli(first), Instant.ofEpochMilli(row.getLong(firstColumn + 1))));
    }

    public SqlAccountReader(SqlDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public AccountState load(String appId, String userId, String ip, Optional<String> fingerprintId, Optional<String> deviceId, Instant since) {
        return database.read(connection -> {
            // One row of six scalar sub-queries: first and last seen of the account, the IP and the fingerprint.
            Optional<Seen>[] seen = JdbcRunner.queryOne(connection,
                    "SELECT (SELECT first_seen FROM users WHERE app_id = ? AND id = ?),"
                            + " (SELECT last_seen FROM users WHERE app_id = ? AND id = ?),"
                            + " (SELECT first_seen FROM user_ips WHERE app_id = ? AND user_id = ? AND ip = ?),"
                            + " (SELECT last_seen FROM user_ips WHERE app_id = ? AND user_id = ? AND ip = ?),"
                            + " (SELECT first_seen FROM user_fingerprints WHERE app_id = ? AND user_id = ? AND fingerprint_id = ?),"
                            + " (SELECT last_seen FROM user_fingerprints WHERE app_id = ? AND user_id = ? AND fingerprint_id = ?)",
                    SqlAccountReader::seenTriple,
                    appId, userId, appId, userId, appId, userId, ip, appId, userId, ip,
                    appId, userId, fingerprintId.orElse(""), appId, userId, fingerprintId.orElse("")).orElseThrow();
            List<LinkedDevice> devices = JdbcRunner.queryList(connection,
                    "SELECT l.device_id, d.type, l.status, l.first_seen, l.last_seen FROM user_devices l"
                            + " JOIN devices d ON d.app_id = l.app_id AND d.id = l.device_id"
                            + " WHERE l.app_id = ? AND l.user_id = ? AND (l.last_seen >= ? OR l.device_id = ?)",
                    row -> new LinkedDevice(row.getString(1), DeviceType.fromWireName(row.getString(2)), LinkStatus.fromWireName(row.getString(3)),
                            Instant.ofEpochMilli(row.getLong(4)), Instant.ofEpochMilli(row.getLong(5))),
                    appId, userId, since.toEpochMilli(), deviceId.orElse(""));
            return new AccountState(seen[0], devices, seen[1], seen[2]);
        });
    }
}
