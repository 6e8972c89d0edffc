package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountActivity;
import io.seatguard.core.account.ActivityReader;
import io.seatguard.core.account.LocatedEvent;
import io.seatguard.core.intel.Coordinates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads an account's recent activity from its evaluation rows: every query but the fingerprint count
 * stays inside one (app, user) and walks {@code evaluations_by_user} (app, user, time, country: the country
 * queries read the index alone), so its cost grows with the window, not with the account's history; "seen
 * in this country before" walks the account's whole range when the answer is no.
 */
public final class SqlActivityReader implements ActivityReader {
    private static final Duration DAY = Duration.ofHours(24);

    private final SqlDatabase database;

    public SqlActivityReader(SqlDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** Seen in this country before, events in the window, accounts on the fingerprint: scalar sub-queries in one round trip. */
    private static final String COUNTS = "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM evaluations WHERE app_id = ? AND user_id = ? AND country = ? AND created_at < ? LIMIT 1) c),"
            + " (SELECT COUNT(*) FROM evaluations WHERE app_id = ? AND user_id = ? AND created_at >= ? AND created_at < ?),"
            + " (SELECT COUNT(*) FROM user_fingerprints WHERE app_id = ? AND fingerprint_id = ?)";
    /**
     * The same when the request has no country: looking for an empty one walked the account's whole
     * history (the index is in time order, and no row has an empty country) on every such evaluation.
     */
    private static final String COUNTS_WITHOUT_COUNTRY = "SELECT 0,"
            + " (SELECT COUNT(*) FROM evaluations WHERE app_id = ? AND user_id = ? AND created_at >= ? AND created_at < ?),"
            + " (SELECT COUNT(*) FROM user_fingerprints WHERE app_id = ? AND fingerprint_id = ?)";

    @Override
    public AccountActivity read(String appId, String userId, Optional<String> country, Optional<String> fingerprintId, Instant at,
            Duration velocityWindow) {
        long now = at.toEpochMilli();
        long windowStart = now - velocityWindow.toMillis();
        String fingerprint = fingerprintId.orElse("");
        return database.read(connection -> {
            Optional<LocatedEvent> last = JdbcRunner.queryOne(connection,
                    "SELECT created_at, latitude, longitude, accuracy_km FROM evaluations"
                            + " WHERE app_id = ? AND user_id = ? AND created_at < ? AND latitude IS NOT NULL"
                            + " ORDER BY created_at DESC LIMIT 1",
                    SqlActivityReader::located, appId, userId, now);
            JdbcRunner.RowMapper<long[]> columns = row -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)};
            long[] counts = (country.isPresent()
                    ? JdbcRunner.queryOne(connection, COUNTS, columns, appId, userId, country.get(), now, appId, userId, windowStart, now, appId, fingerprint)
                    : JdbcRunner.queryOne(connection, COUNTS_WITHOUT_COUNTRY, columns, appId, userId, windowStart, now, appId, fingerprint)).orElseThrow();
            List<String> countries = JdbcRunner.queryList(connection,
                    "SELECT DISTINCT country FROM evaluations WHERE app_id = ? AND user_id = ? AND created_at >= ? AND created_at < ? AND country IS NOT NULL",
                    row -> row.getString(1), appId, userId, now - DAY.toMillis(), now);
            return new AccountActivity(
                    last,
                    country.map(c -> counts[0] > 0),
                    Optional.of(new HashSet<>(countries)),
                    OptionalLong.of(counts[1]),
                    fingerprintId.isPresent() ? OptionalLong.of(counts[2]) : OptionalLong.empty());
        });
    }

    /**
     * The account's events in {@code [at - window, at)}, through {@code evaluations_by_user}: what {@link
     * ActivityCache} still asks the database for an account too busy to keep each event in memory.
     */
    long countInWindow(String appId, String userId, Instant at, Duration window) {
        return database.read(connection -> countInWindow(connection, appId, userId, at, window));
    }

    private static long countInWindow(java.sql.Connection connection, String appId, String userId, Instant at, Duration window) throws SQLException {
        long now = at.toEpochMilli();
        return JdbcRunner.queryOne(connection, "SELECT COUNT(*) FROM evaluations WHERE app_id = ? AND user_id = ? AND created_at >= ? AND created_at < ?",
                row -> row.getLong(1), appId, userId, now - window.toMillis(), now).orElse(0L);
    }

    /** Accounts of the app that have shown this fingerprint. */
    long fingerprintUsers(String appId, String fingerprintId) {
        return database.read(connection -> JdbcRunner.queryOne(connection, "SELECT COUNT(*) FROM user_fingerprints WHERE app_id = ? AND fingerprint_id = ?",
                row -> row.getLong(1), appId, fingerprintId).orElse(0L));
    }

    /**
     * Everything {@link ActivityCache} keeps of an account, read now: its newest event, its latest located
     * one, every country it was placed in with its latest event there, and its events of the day before the newest (at most
     * {@code maxRecent} + 1 of them, oldest first, so the caller can tell there were more).
     */
    ActivityCache.Snapshot snapshot(String appId, String userId, int maxRecent) {
        return database.read(connection -> {
            Optional<Long> newest = JdbcRunner.queryOne(connection, "SELECT MAX(created_at) FROM evaluations WHERE app_id = ? AND user_id = ?",
                    row -> {
                        long value = row.getLong(1);
                        return row.wasNull() ? -1L : value;
                    }, appId, userId).filter(value -> value >= 0);
            if (newest.isEmpty()) {
                return ActivityCache.Snapshot.EMPTY;
            }
            Optional<LocatedEvent> last = JdbcRunner.queryOne(connection,
                    "SELECT created_at, latitude, longitude, accuracy_km FROM evaluations"
                            + " WHERE app_id = ? AND user_id = ? AND latitude IS NOT NULL ORDER BY created_at DESC LIMIT 1",
                    SqlActivityReader::located, appId, userId);
            Map<String, Instant> countries = JdbcRunner.queryList(connection,
                    "SELECT country, MAX(created_at) FROM evaluations WHERE app_id = ? AND user_id = ? AND country IS NOT NULL GROUP BY country",
                    row -> Map.entry(row.getString(1), Instant.ofEpochMilli(row.getLong(2))), appId, userId)
                    .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            List<ActivityCache.Recent> recent = JdbcRunner.queryList(connection,
                    "SELECT id, created_at FROM evaluations WHERE app_id = ? AND user_id = ? AND created_at >= ?"
                            + " ORDER BY created_at, id LIMIT ?",
                    row -> new ActivityCache.Recent(row.getString(1), Instant.ofEpochMilli(row.getLong(2))),
                    appId, userId, newest.get() - DAY.toMillis(), maxRecent + 1);
            return new ActivityCache.Snapshot(Optional.of(Instant.ofEpochMilli(newest.get())), last, countries, recent);
        });
    }

    private static LocatedEvent located(ResultSet row) throws SQLException {
        return new LocatedEvent(Instant.ofEpochMilli(row.getLong(1)), new Coordinates(row.getDouble(2), row.getDouble(3), row.getDouble(4)));
    }
}
