package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountIpKey;
import io.seatguard.core.account.AccountReader;
import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.account.LinkedDevice;
import io.seatguard.core.account.Seen;
import io.seatguard.core.identity.DeviceType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads an account's state in two queries, both inside one (app, user), sent together; a third when its links pass the limit. */
public final class SqlAccountReader implements AccountReader {
    private static final String LINKS = "SELECT l.device_id, d.type, l.status, l.first_seen, l.last_seen, l.vouched FROM user_devices l"
            + " JOIN devices d ON d.app_id = l.app_id AND d.id = l.device_id WHERE l.app_id = ? AND l.user_id = ?";
    /**
     * The attached links in the window, one more than the limit so that more can be told: the ones that
     * count. No ORDER BY: the limit then stops the walk of the account's links, where sorting would read
     * them all.
     */
    private static final String COUNTED_LINKS = LINKS + " AND l.status = 'attached' AND l.last_seen >= ? LIMIT ?";
    /**
     * The other links in the window (logged out) and the named device's, read apart so that they take no
     * place the limit has for links that count: a logged-out device that keeps calling stays in the window.
     * They are still read, since only its link tells that a device the request does not name by its token
     * (a separated token, a device matched after drift) was logged out.
     */
    private static final String OTHER_LINKS = LINKS + " AND ((l.status <> 'attached' AND l.last_seen >= ?) OR l.device_id = ?) LIMIT ?";
    private static final String NAMED_LINK = LINKS + " AND l.device_id = ?";
    /**
     * One row: first and last seen of the account, the IP's key (its /64 for IPv6, {@link AccountIpKey}) and
     * the fingerprint, and whether a vouched evaluation showed the fingerprint. One primary-key lookup per
     * table, each row left-joined to a row of one so that a missing one reads as nulls: a scalar
     * sub-query per column looked each row up once per column it gave (seven lookups for three rows).
     */
    private static final String SEEN = "SELECT u.first_seen, u.last_seen, i.first_seen, i.last_seen, f.first_seen, f.last_seen, f.vouched"
            + " FROM (SELECT 1 AS one) one"
            + " LEFT JOIN users u ON u.app_id = ? AND u.id = ?"
            + " LEFT JOIN user_ips i ON i.app_id = ? AND i.user_id = ? AND i.ip = ?"
            + " LEFT JOIN user_fingerprints f ON f.app_id = ? AND f.user_id = ? AND f.fingerprint_id = ?";

    private final SqlDatabase database;

    @SuppressWarnings("unchecked")
    private static Optional<Seen>[] seenTriple(ResultSet row) throws SQLException {
        Optional<Seen> fingerprint = seen(row, 5);
        if (fingerprint.isPresent() && row.getInt(7) == 1) {
            fingerprint = Optional.of(new Seen(fingerprint.get().first(), fingerprint.get().last(), true));
        }
        return new Optional[] {seen(row, 1), seen(row, 3), fingerprint};
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
            // Three independent reads (the account's times, its counted links, its other links), one round trip on PostgreSQL.
            PipelinedReads reads = new PipelinedReads(database.kind());
            String ipKey = AccountIpKey.of(ip);
            PipelinedReads.Result<Optional<Optional<Seen>[]>> seenRead = reads.one(SEEN, SqlAccountReader::seenTriple,
                    appId, userId, appId, userId, ipKey, appId, userId, fingerprintId.orElse(""));
            PipelinedReads.Result<List<LinkedDevice>> countedRead = reads.list(COUNTED_LINKS, SqlAccountReader::link,
                    appId, userId, since.toEpochMilli(), AccountState.DEVICE_LIMIT + 1);
            PipelinedReads.Result<List<LinkedDevice>> othersRead = reads.list(OTHER_LINKS, SqlAccountReader::link,
                    appId, userId, since.toEpochMilli(), deviceId.orElse(""), AccountState.DEVICE_LIMIT + 1);
            reads.run(connection);
            Optional<Seen>[] seen = seenRead.get().orElseThrow();
            List<LinkedDevice> counted = countedRead.get();
            boolean truncated = counted.size() > AccountState.DEVICE_LIMIT;
            Map<String, LinkedDevice> devices = new LinkedHashMap<>();
            (truncated ? counted.subList(0, AccountState.DEVICE_LIMIT) : counted).forEach(link -> devices.put(link.deviceId(), link));
            if (truncated && deviceId.isPresent() && !devices.containsKey(deviceId.get())) {
                // The named device, attached but not among those read: it takes the last counted place.
                Optional<LinkedDevice> named = counted.get(AccountState.DEVICE_LIMIT).deviceId().equals(deviceId.get())
                        ? Optional.of(counted.get(AccountState.DEVICE_LIMIT))
                        : othersRead.get().stream().filter(link -> link.deviceId().equals(deviceId.get())).findFirst();
                named.filter(link -> link.status() == LinkStatus.ATTACHED).ifPresent(link -> {
                    devices.remove(counted.get(AccountState.DEVICE_LIMIT - 1).deviceId());
                    devices.put(link.deviceId(), link);
                });
            }
            othersRead.get().forEach(link -> devices.putIfAbsent(link.deviceId(), link));
            return new AccountState(seen[0], List.copyOf(devices.values()), seen[1], seen[2], truncated);
        });
    }

    /** One lookup of the primary key, and one of the device for its type. */
    @Override
    public Optional<LinkedDevice> link(String appId, String userId, String deviceId) {
        return database.read(connection -> JdbcRunner.queryOne(connection, NAMED_LINK, SqlAccountReader::link, appId, userId, deviceId));
    }

    private static LinkedDevice link(ResultSet row) throws SQLException {
        return new LinkedDevice(row.getString(1), DeviceType.fromWireName(row.getString(2)), LinkStatus.fromWireName(row.getString(3)),
                Instant.ofEpochMilli(row.getLong(4)), Instant.ofEpochMilli(row.getLong(5)), row.getInt(6) == 1);
    }
}
