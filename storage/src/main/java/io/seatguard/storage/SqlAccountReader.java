package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountReader;
import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.account.LinkedDevice;
import io.seatguard.core.account.Seen;
import io.seatguard.core.identity.DeviceType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an account's state in two queries, both inside one (app, user), sent together; a third when its links pass the limit. */
public final class SqlAccountReader implements AccountReader {
    private static final String LINKS = "SELECT l.device_id, d.type, l.status, l.first_seen, l.last_seen FROM user_devices l"
            + " JOIN devices d ON d.app_id = l.app_id AND d.id = l.device_id WHERE l.app_id = ? AND l.user_id = ?";
    /**
     * The links in the window and the named device's, one more than the limit so that more can be told.
     * No ORDER BY: the limit then stops the walk of the account's links, where sorting would read them all.
     */
    private static final String WINDOW_LINKS = LINKS + " AND (l.last_seen >= ? OR l.device_id = ?) LIMIT ?";
    private static final String NAMED_LINK = LINKS + " AND l.device_id = ?";
    /** One row of six scalar sub-queries: first and last seen of the account, the IP and the fingerprint. */
    private static final String SEEN = "SELECT (SELECT first_seen FROM users WHERE app_id = ? AND id = ?),"
            + " (SELECT last_seen FROM users WHERE app_id = ? AND id = ?),"
            + " (SELECT first_seen FROM user_ips WHERE app_id = ? AND user_id = ? AND ip = ?),"
            + " (SELECT last_seen FROM user_ips WHERE app_id = ? AND user_id = ? AND ip = ?),"
            + " (SELECT first_seen FROM user_fingerprints WHERE app_id = ? AND user_id = ? AND fingerprint_id = ?),"
            + " (SELECT last_seen FROM user_fingerprints WHERE app_id = ? AND user_id = ? AND fingerprint_id = ?)";

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
            // Two independent reads, one round trip on PostgreSQL.
            PipelinedReads reads = new PipelinedReads(database.kind());
            PipelinedReads.Result<Optional<Optional<Seen>[]>> seenRead = reads.one(SEEN, SqlAccountReader::seenTriple,
                    appId, userId, appId, userId, appId, userId, ip, appId, userId, ip,
                    appId, userId, fingerprintId.orElse(""), appId, userId, fingerprintId.orElse(""));
            PipelinedReads.Result<List<LinkedDevice>> linksRead = reads.list(WINDOW_LINKS, SqlAccountReader::link,
                    appId, userId, since.toEpochMilli(), deviceId.orElse(""), AccountState.DEVICE_LIMIT + 1);
            reads.run(connection);
            Optional<Seen>[] seen = seenRead.get().orElseThrow();
            List<LinkedDevice> devices = linksRead.get();
            if (devices.size() <= AccountState.DEVICE_LIMIT) {
                return new AccountState(seen[0], devices, seen[1], seen[2]);
            }
            return new AccountState(seen[0], keepingNamed(connection, appId, userId, devices, deviceId), seen[1], seen[2], true);
        });
    }

    /** One lookup of the primary key, and one of the device for its type. */
    @Override
    public Optional<LinkedDevice> link(String appId, String userId, String deviceId) {
        return database.read(connection -> JdbcRunner.queryOne(connection, NAMED_LINK, SqlAccountReader::link, appId, userId, deviceId));
    }

    /** The first {@link AccountState#DEVICE_LIMIT} links read, with the named device's in place of the last when it is linked. */
    private static List<LinkedDevice> keepingNamed(Connection connection, String appId, String userId, List<LinkedDevice> read,
            Optional<String> deviceId) throws SQLException {
        List<LinkedDevice> kept = new ArrayList<>(read.subList(0, AccountState.DEVICE_LIMIT));
        if (deviceId.isEmpty() || kept.stream().anyMatch(link -> link.deviceId().equals(deviceId.get()))) {
            return kept;
        }
        LinkedDevice extra = read.get(AccountState.DEVICE_LIMIT);
        Optional<LinkedDevice> named = extra.deviceId().equals(deviceId.get()) ? Optional.of(extra)
                : JdbcRunner.queryOne(connection, NAMED_LINK, SqlAccountReader::link, appId, userId, deviceId.get());
        named.ifPresent(link -> kept.set(AccountState.DEVICE_LIMIT - 1, link));
        return kept;
    }

    private static LinkedDevice link(ResultSet row) throws SQLException {
        return new LinkedDevice(row.getString(1), DeviceType.fromWireName(row.getString(2)), LinkStatus.fromWireName(row.getString(3)),
                Instant.ofEpochMilli(row.getLong(4)), Instant.ofEpochMilli(row.getLong(5)));
    }
}
