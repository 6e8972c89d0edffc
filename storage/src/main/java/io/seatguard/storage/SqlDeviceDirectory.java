package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.identity.DeviceDirectory;
import io.seatguard.core.identity.DeviceToken;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.identity.KnownDevice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import io.seatguard.core.identity.StoredDevice;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds devices by token hash, exact fingerprint or hardware class, and where devices were evaluated from. */
public final class SqlDeviceDirectory implements DeviceDirectory {
    private final SqlDatabase database;

    public SqlDeviceDirectory(SqlDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    private static final String BY_TOKEN = "SELECT d.id, d.type, d.browser, d.os, d.first_seen, d.last_seen FROM device_tokens t"
            + " JOIN devices d ON d.app_id = t.app_id AND d.id = t.device_id WHERE t.app_id = ? AND t.token_hash = ?";
    private static final String BY_FINGERPRINT = "SELECT d.id, d.type, d.browser, d.os, d.first_seen, d.last_seen FROM device_fingerprints f"
            + " JOIN devices d ON d.app_id = f.app_id AND d.id = f.device_id WHERE f.app_id = ? AND f.fingerprint_id = ?";

    @Override
    public Optional<KnownDevice> findByTokenHash(String appId, String tokenHash) {
        return database.read(connection -> JdbcRunner.queryOne(connection, BY_TOKEN, SqlDeviceDirectory::device, appId, tokenHash));
    }

    @Override
    public Optional<KnownDevice> findByFingerprint(String appId, String fingerprintId) {
        return database.read(connection -> JdbcRunner.queryOne(connection, BY_FINGERPRINT, SqlDeviceDirectory::device, appId, fingerprintId));
    }

    /**
     * Let in by an evaluation or a challenge without an account ({@code devices.let_in_at}), or by an
     * account's link: an allowed login or a passed challenge attaches one and does not write the device
     * row, so the link is what tells (a refused link was never let in). Two primary-key or index reads.
     */
    private static final String LET_IN = "SELECT CASE WHEN EXISTS (SELECT 1 FROM devices WHERE app_id = ? AND id = ? AND let_in_at IS NOT NULL)"
            + " OR EXISTS (SELECT 1 FROM user_devices WHERE app_id = ? AND device_id = ? AND status <> '" + LinkStatus.REFUSED.wireName() + "')"
            + " THEN 1 ELSE 0 END";

    @Override
    public boolean wasLetIn(String appId, String deviceId) {
        return database.read(connection -> JdbcRunner.queryOne(connection, LET_IN, row -> row.getInt(1) == 1, appId, deviceId, appId, deviceId))
                .orElse(false);
    }

    /** The two lookups in one round trip on PostgreSQL ({@link PipelinedReads}). */
    @Override
    public TokenAndFingerprint findByTokenAndFingerprint(String appId, String tokenHash, Optional<String> fingerprintId) {
        if (fingerprintId.isEmpty()) {
            return new TokenAndFingerprint(findByTokenHash(appId, tokenHash), Optional.empty());
        }
        return database.read(connection -> {
            PipelinedReads reads = new PipelinedReads(database.kind());
            PipelinedReads.Result<Optional<KnownDevice>> byToken = reads.one(BY_TOKEN, SqlDeviceDirectory::device, appId, tokenHash);
            PipelinedReads.Result<Optional<KnownDevice>> byFingerprint = reads.one(BY_FINGERPRINT, SqlDeviceDirectory::device, appId, fingerprintId.get());
            reads.run(connection);
            return new TokenAndFingerprint(byToken.get(), byFingerprint.get());
        });
    }

    /**
     * How many of a network's latest evaluations {@link #devicesOnNetwork} reads. Each is a row read (the
     * device is not in the network's index), and a bot on one address adds one with every request, so
     * without a bound a busy home line cost more with each evaluation. A network seen with fewer devices
     * than asked among its latest thousand evaluations is then taken as private: a shared one (a
     * carrier's NAT, a campus) shows its devices long before that.
     */
    static final int NETWORK_EVALUATIONS_READ = 1_000;

    /**
     * How many of a device's latest evaluations {@link #networksSince} reads for the networks it was seen
     * on. A bot that sends every request from one browser adds one with each, and the tie-break asks for
     * the networks of each candidate of an ambiguous match; without a bound each such match read all of
     * them. A device evaluated more often than this within the tie-break's memory (30 days) is judged by
     * its latest thousand: a network it was last seen on earlier no longer counts as its own.
     */
    static final int DEVICE_EVALUATIONS_READ = 1_000;

    /** Devices with more tokens than this are not judged by the browser-version rule ({@link #lowestRecentBrowserMajor}). */
    static final int TOKENS_JUDGED = 1_000;

    /** Fuzzy matching compares against at most this many of an account's devices. */
    static final int MAX_CANDIDATES = 256;

    @Override
    @SuppressWarnings("unchecked")
    public List<StoredDevice> latest(String appId, Collection<String> deviceIds) {
        List<String> ids = deviceIds.stream().distinct().limit(MAX_CANDIDATES).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return database.read(connection -> JdbcRunner.queryList(connection,
                "SELECT d.id, d.type, d.browser, d.os, d.first_seen, d.last_seen, c.components FROM device_components c"
                        + " JOIN devices d ON d.app_id = c.app_id AND d.id = c.device_id WHERE c.app_id = ? AND c.device_id IN (" + placeholders(ids.size()) + ")",
                row -> new StoredDevice(device(row), StorageJson.read(row.getString(7), Map.class)), appAndIds(appId, ids)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Block block(String appId, String blockingKey, int limit) {
        return database.read(connection -> {
            List<StoredDevice> devices = JdbcRunner.queryList(connection,
                    "SELECT d.id, d.type, d.browser, d.os, d.first_seen, d.last_seen, c.components FROM device_components c"
                            + " JOIN devices d ON d.app_id = c.app_id AND d.id = c.device_id WHERE c.app_id = ? AND c.blocking_key = ?"
                            + " ORDER BY c.updated_at DESC LIMIT ?",
                    row -> new StoredDevice(device(row), StorageJson.read(row.getString(7), Map.class)), appId, blockingKey, limit);
            if (devices.isEmpty()) {
                return Block.EMPTY;
            }
            List<String> ids = devices.stream().map(stored -> stored.device().id()).toList();
            // Counted up to the limit, as the answer is: a device that brings a new token with every request
            // would otherwise make each count read them all.
            long tokens = JdbcRunner.queryOne(connection,
                    "SELECT COUNT(*) FROM (SELECT 1 FROM device_tokens WHERE app_id = ? AND device_id IN (" + placeholders(ids.size()) + ") LIMIT ?) AS tokens",
                    row -> row.getLong(1), appAndIds(appId, ids, limit)).orElse(0L);
            return new Block(devices, (int) Math.min(tokens, limit));
        });
    }

    /**
     * Through {@code device_tokens_by_device} (V3), sorting the device's tokens older than the given one
     * (a device collects one per cleared storage, so a few hundred at most); sightings from V17 and the
     * device's at joining from V18, absent for rows written before.
     */
    @Override
    public List<DeviceToken> tokens(String appId, String deviceId, String tokenHash) {
        return database.read(connection -> JdbcRunner.queryList(connection,
                "SELECT token_hash, created_at, last_seen, device_seen_at_join FROM device_tokens WHERE app_id = ? AND device_id = ?"
                        + " AND (token_hash = ? OR created_at < (SELECT created_at FROM device_tokens WHERE app_id = ? AND token_hash = ? AND device_id = ?))"
                        + " ORDER BY CASE WHEN token_hash = ? THEN 0 ELSE 1 END, last_seen DESC NULLS LAST LIMIT ?",
                row -> new DeviceToken(row.getString(1), Instant.ofEpochMilli(row.getLong(2)), optionalInstant(row, 3), optionalInstant(row, 4)),
                appId, deviceId, tokenHash, appId, tokenHash, deviceId, tokenHash, MAX_TOKENS_READ));
    }

    private static Optional<Instant> optionalInstant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    /**
     * From the tokens' latest versions (V17), through {@code device_tokens_by_device}, for at most {@link
     * #MAX_CANDIDATES} devices: one bounded read per device. A device with more than {@link
     * #TOKENS_JUDGED} tokens is left out, so the version rule (which only ever removes candidates) does
     * not judge it: a bot that brings a new token with every request, or storage cleared a thousand
     * times, would otherwise make each evaluation read them all.
     */
    @Override
    public Map<String, Integer> lowestRecentBrowserMajor(String appId, Collection<String> deviceIds, Instant since) {
        List<String> ids = deviceIds.stream().distinct().limit(MAX_CANDIDATES).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return database.read(connection -> {
            Map<String, Integer> lowest = new HashMap<>();
            for (String id : ids) {
                long[] read = JdbcRunner.queryOne(connection, LOWEST_RECENT_BROWSER_MAJOR, row -> {
                    long tokens = row.getLong(1);
                    int major = row.getInt(2);
                    return new long[] {tokens, row.wasNull() ? -1 : major};
                }, since.toEpochMilli(), appId, id, TOKENS_JUDGED + 1).orElseThrow();
                if (read[0] <= TOKENS_JUDGED && read[1] >= 0) {
                    lowest.put(id, (int) read[1]);
                }
            }
            return lowest;
        });
    }

    /** Tokens read of one device (up to one more than judged, to tell), and the lowest recent known version among them. */
    private static final String LOWEST_RECENT_BROWSER_MAJOR = "SELECT COUNT(*), MIN(CASE WHEN last_seen >= ? THEN browser_major END)"
            + " FROM (SELECT last_seen, browser_major FROM device_tokens WHERE app_id = ? AND device_id = ? LIMIT ?) AS tokens";

    /**
     * From the evaluations' network column (V14, filled for older rows by V15), read from
     * {@code evaluations_by_device} alone (it holds the network since V16), for at most
     * {@link #MAX_CANDIDATES} devices: one bounded read per device, of its latest {@link
     * #DEVICE_EVALUATIONS_READ} evaluations since {@code since}.
     */
    @Override
    public Map<String, Set<String>> networksSince(String appId, Collection<String> deviceIds, Instant since) {
        List<String> ids = deviceIds.stream().distinct().limit(MAX_CANDIDATES).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return database.read(connection -> {
            Map<String, Set<String>> networks = new HashMap<>();
            for (String id : ids) {
                // No "network IS NOT NULL" in the query: SQLite then read that as a range of the network index and
                // walked the app's whole network index. Every row has a network since V15 anyway.
                List<String> seen = JdbcRunner.queryList(connection, NETWORKS_SINCE, row -> row.getString(1), appId, id, since.toEpochMilli());
                seen.stream().filter(java.util.Objects::nonNull).forEach(network -> networks.computeIfAbsent(id, k -> new HashSet<>()).add(network));
            }
            return networks;
        });
    }

    /**
     * The distinct networks among one device's latest {@link #DEVICE_EVALUATIONS_READ} evaluations since a
     * time. Package-private for the test that keeps its plan to one index range (SqliteStorageContractTest).
     */
    static final String NETWORKS_SINCE = "SELECT DISTINCT network FROM (SELECT network FROM evaluations"
            + " WHERE app_id = ? AND device_id = ? AND created_at >= ? ORDER BY created_at DESC LIMIT " + DEVICE_EVALUATIONS_READ + ") recent";

    /**
     * From the evaluations' network column (V14) through {@code evaluations_by_network}; stops at {@code limit}
     * devices, and reads the network's latest {@link #NETWORK_EVALUATIONS_READ} evaluations at most.
     */
    @Override
    public int devicesOnNetwork(String appId, String network, Instant since, int limit) {
        return database.read(connection -> JdbcRunner.queryOne(connection,
                DEVICES_ON_NETWORK,
                row -> row.getInt(1), appId, network, since.toEpochMilli(), limit)).orElse(0);
    }

    /**
     * {@code device_id || ''}, not {@code device_id}: SQLite plans without statistics, and a plain DISTINCT
     * device_id made it walk the app's whole {@code evaluations_by_device} (which yields that order and covers
     * the query) instead of this network's range. Package-private for the test that pins the plan
     * (SqliteStorageContractTest).
     */
    static final String DEVICES_ON_NETWORK = "SELECT COUNT(*) FROM (SELECT DISTINCT device_id || '' FROM (SELECT device_id FROM evaluations"
            + " WHERE app_id = ? AND network = ? AND created_at >= ? ORDER BY created_at DESC LIMIT " + NETWORK_EVALUATIONS_READ + ") recent LIMIT ?) seen";

    /** "?, ?, …" for an IN list of {@code count} values. */
    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** The app id, then the ids (an IN list), then any parameters that follow it in the statement. */
    private static Object[] appAndIds(String appId, List<String> ids, Object... after) {
        Object[] parameters = new Object[1 + ids.size() + after.length];
        parameters[0] = appId;
        for (int i = 0; i < ids.size(); i++) {
            parameters[i + 1] = ids.get(i);
        }
        System.arraycopy(after, 0, parameters, 1 + ids.size(), after.length);
        return parameters;
    }

    private static KnownDevice device(ResultSet row) throws SQLException {
        return new KnownDevice(row.getString(1), DeviceType.fromWireName(row.getString(2)), row.getString(3), row.getString(4),
                Instant.ofEpochMilli(row.getLong(5)), Instant.ofEpochMilli(row.getLong(6)));
    }
}
