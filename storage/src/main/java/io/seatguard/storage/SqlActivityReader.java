package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountActivity;
import io.seatguard.core.account.ActivityReader;
import io.seatguard.core.account.LocatedEvent;
import io.seatguard.core.checks.CheckSettings;
import io.seatguard.core.checks.FingerprintUserCountCheck;
import io.seatguard.core.intel.Coordinates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads an account's recent activity: its countries from {@code user_countries} (a few rows per account),
 * its events from its evaluation rows through {@code evaluations_by_user} (app, user, time, country), so
 * the cost grows with the velocity window, not with the account's history.
 */
public final class SqlActivityReader implements ActivityReader {
    private static final Duration DAY = Duration.ofHours(24);

    private final SqlDatabase database;
    private final Duration locatedHorizon;
    private final long eventCountLimit;

    /** With the default check settings. */
    public SqlActivityReader(SqlDatabase database) {
        this(database, CheckSettings.DEFAULTS);
    }

    /** With the travel horizon and the event-count limit of these settings. */
    public SqlActivityReader(SqlDatabase database, CheckSettings settings) {
        this(database, settings.travelHorizon(), settings.eventCountLimit());
    }

    /**
     * @param locatedHorizon how far back the latest located evaluation is looked for ({@link
     *     CheckSettings#travelHorizon()}): an older one cannot make travel impossible, and without the
     *     bound an account whose recent evaluations carry no place (behind a VPN, say) had its whole
     *     history walked on every evaluation
     * @param eventCountLimit the most events in the velocity window counted ({@link
     *     CheckSettings#eventCountLimit()}): each is an index entry read, and an attacked account's window
     *     holds as many as the attacker sends
     */
    public SqlActivityReader(SqlDatabase database, Duration locatedHorizon, long eventCountLimit) {
        this.database = requireNonNull(database, "database is null");
        this.locatedHorizon = requireNonNull(locatedHorizon, "locatedHorizon is null");
        if (eventCountLimit < 1) {
            throw new IllegalArgumentException("eventCountLimit must be positive");
        }
        this.eventCountLimit = eventCountLimit;
    }

    Duration locatedHorizon() {
        return locatedHorizon;
    }

    long eventCountLimit() {
        return eventCountLimit;
    }

    /** The account's events in {@code [from, to)} through {@code evaluations_by_user}, at most a limit of them. */
    private static final String IN_WINDOW = "(SELECT COUNT(*) FROM (SELECT 1 FROM evaluations WHERE app_id = ? AND user_id = ? AND created_at >= ?"
            + " AND created_at < ? LIMIT ?) AS in_window)";
    private static final String COUNT_IN_WINDOW = "SELECT " + IN_WINDOW;
    /** The accounts that have shown a fingerprint, up to {@link FingerprintUserCountCheck#LIMIT}. */
    private static final String FINGERPRINT_USERS = "(SELECT COUNT(*) FROM (SELECT 1 FROM user_fingerprints WHERE app_id = ? AND fingerprint_id = ?"
            + " LIMIT " + FingerprintUserCountCheck.LIMIT + ") AS sharing)";
    private static final String COUNT_FINGERPRINT_USERS = "SELECT " + FINGERPRINT_USERS;
    /**
     * The account's row in this country (first and last seen, NULL when never placed there), its events in
     * the window, the accounts on the fingerprint: scalar sub-queries in one round trip.
     */
    private static final String COUNTS = "SELECT (SELECT first_seen FROM user_countries WHERE app_id = ? AND user_id = ? AND country = ?),"
            + " (SELECT last_seen FROM user_countries WHERE app_id = ? AND user_id = ? AND country = ?),"
            + " " + IN_WINDOW + ","
            + " " + FINGERPRINT_USERS;
    /** The same when the request has no country. */
    private static final String COUNTS_WITHOUT_COUNTRY = "SELECT NULL, NULL,"
            + " " + IN_WINDOW + ","
            + " " + FINGERPRINT_USERS;
    /**
     * How many of the account's latest evaluations within the travel horizon are searched for a located one.
     * Each is a row read (the place is not in the index), and an attack from addresses with no known place
     * adds one per request: without the bound each evaluation of the account read all of its last day.
     * More than {@link ActivityCache#MAX_RECENT}, so an account the cache keeps each event of is searched
     * whole, as the cache does.
     */
    static final int LOCATED_EVENTS_READ = 1_000;
    /** The account's latest located evaluation among its latest in {@code [from, to)}, newest first through {@code evaluations_by_user}. */
    private static final String LATEST_LOCATED_BEFORE = "SELECT created_at, latitude, longitude, accuracy_km FROM (SELECT created_at, latitude,"
            + " longitude, accuracy_km FROM evaluations WHERE app_id = ? AND user_id = ? AND created_at >= ? AND created_at < ?"
            + " ORDER BY created_at DESC LIMIT " + LOCATED_EVENTS_READ + ") AS latest WHERE latitude IS NOT NULL ORDER BY created_at DESC LIMIT 1";
    /** A row's last_seen may lag the account's latest event in that country by up to this (SqlEvaluationStore). */
    private static final long COUNTRY_RESOLUTION = SqlEvaluationStore.COUNTRY_SEEN_RESOLUTION_MILLIS;

    @Override
    public AccountActivity read(String appId, String userId, Optional<String> country, Optional<String> fingerprintId, Instant at,
            Duration velocityWindow) {
        long now = at.toEpochMilli();
        long windowStart = now - velocityWindow.toMillis();
        String fingerprint = fingerprintId.orElse("");
        return database.read(connection -> {
            // Three independent reads, one round trip on PostgreSQL.
            PipelinedReads reads = new PipelinedReads(database.kind());
            PipelinedReads.Result<Optional<LocatedEvent>> last = reads.one(LATEST_LOCATED_BEFORE, SqlActivityReader::located, appId, userId,
                    now - locatedHorizon.toMillis(), now);
            JdbcRunner.RowMapper<Counts> columns = row -> new Counts(nullable(row, 1), nullable(row, 2), row.getLong(3), row.getLong(4));
            PipelinedReads.Result<Optional<Counts>> countsRead = country.isPresent()
                    ? reads.one(COUNTS, columns, appId, userId, country.get(), appId, userId, country.get(), appId, userId,
                            windowStart, now, eventCountLimit, appId, fingerprint)
                    : reads.one(COUNTS_WITHOUT_COUNTRY, columns, appId, userId, windowStart, now, eventCountLimit, appId, fingerprint);
            long dayStart = now - DAY.toMillis();
            PipelinedReads.Result<List<Map.Entry<String, Long>>> countryRows = reads.list(COUNTRIES_LAST_SEEN_SINCE, SqlActivityReader::countryRow,
                    appId, userId, dayStart - COUNTRY_RESOLUTION);
            reads.run(connection);
            Counts counts = countsRead.get().orElseThrow();
            Set<String> countries = countriesBetween(connection, countryRows.get(), appId, userId, dayStart, now);
            return new AccountActivity(
                    last.get(),
                    country.map(c -> counts.firstSeen().isPresent() && counts.firstSeen().getAsLong() < now),
                    Optional.of(countries),
                    OptionalLong.of(counts.inWindow()),
                    fingerprintId.isPresent() ? OptionalLong.of(counts.fingerprintUsers()) : OptionalLong.empty(),
                    counts.firstSeen().isPresent() && SqlEvaluationStore.countryRowCovers(counts.firstSeen().getAsLong(), counts.lastSeen().getAsLong(), now));
        });
    }

    private record Counts(OptionalLong firstSeen, OptionalLong lastSeen, long inWindow, long fingerprintUsers) {}

    private static OptionalLong nullable(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** What {@link ActivityCache} reads from the database for an account too busy to keep each event in memory. */
    record BusyAccount(long inWindow, Optional<LocatedEvent> lastLocated) {}

    /**
     * For an account too busy for {@link ActivityCache} to keep each event: its events in {@code [at -
     * window, at)} through {@code evaluations_by_user}, up to the limit, and its latest located evaluation
     * as {@link #read} looks for it. One read of the database for both.
     */
    BusyAccount busyAccount(String appId, String userId, Instant at, Duration window) {
        long now = at.toEpochMilli();
        return database.read(connection -> new BusyAccount(
                JdbcRunner.queryOne(connection, COUNT_IN_WINDOW, row -> row.getLong(1), appId, userId, now - window.toMillis(), now, eventCountLimit)
                        .orElse(0L),
                latestLocated(connection, appId, userId, now)));
    }

    /**
     * The account's latest located evaluation before {@code before} (epoch milliseconds), within the travel
     * horizon and its latest {@link #LOCATED_EVENTS_READ} evaluations there.
     */
    private Optional<LocatedEvent> latestLocated(java.sql.Connection connection, String appId, String userId, long before) throws SQLException {
        return JdbcRunner.queryOne(connection, LATEST_LOCATED_BEFORE, SqlActivityReader::located, appId, userId, before - locatedHorizon.toMillis(),
                before);
    }

    @Override
    public OptionalLong accountsOnFingerprint(String appId, String fingerprintId) {
        return OptionalLong.of(fingerprintUsers(appId, fingerprintId));
    }

    /** Accounts of the app that have shown this fingerprint, up to {@link FingerprintUserCountCheck#LIMIT}. */
    long fingerprintUsers(String appId, String fingerprintId) {
        return database.read(connection -> JdbcRunner.queryOne(connection, COUNT_FINGERPRINT_USERS,
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
            // Countries outlive the evaluations (retention), so an account whose evaluations are all gone keeps them.
            Map<String, Instant> countries = latestPerCountry(connection, appId, userId);
            if (newest.isEmpty()) {
                return new ActivityCache.Snapshot(Optional.empty(), Optional.empty(), countries, List.of());
            }
            // Later reads ask about moments after the newest event, so anything older than this is beyond their horizon too.
            Optional<LocatedEvent> last = latestLocated(connection, appId, userId, newest.get() + 1);
            List<ActivityCache.Recent> recent = JdbcRunner.queryList(connection,
                    "SELECT id, created_at FROM evaluations WHERE app_id = ? AND user_id = ? AND created_at >= ?"
                            + " ORDER BY created_at, id LIMIT ?",
                    row -> new ActivityCache.Recent(row.getString(1), Instant.ofEpochMilli(row.getLong(2))),
                    appId, userId, newest.get() - DAY.toMillis(), maxRecent + 1);
            return new ActivityCache.Snapshot(Optional.of(Instant.ofEpochMilli(newest.get())), last, countries, recent);
        });
    }

    /**
     * The countries of the account's events in {@code [from, to)} (epoch milliseconds). A row last seen in
     * the range is in; one last seen up to a resolution before it, or after it (an event imported with
     * an older time), is looked up in the account's evaluations over the part of the range its latest
     * event can be in: {@link #COUNTRY_RESOLUTION} of the account's index, not its day.
     */
    static Set<String> countriesBetween(java.sql.Connection connection, String appId, String userId, long from, long to) throws SQLException {
        List<Map.Entry<String, Long>> rows = JdbcRunner.queryList(connection, COUNTRIES_LAST_SEEN_SINCE, SqlActivityReader::countryRow, appId, userId,
                from - COUNTRY_RESOLUTION);
        return countriesBetween(connection, rows, appId, userId, from, to);
    }

    /** The account's countries last seen at or after a moment: read with that moment a resolution before the range. */
    private static final String COUNTRIES_LAST_SEEN_SINCE = "SELECT country, last_seen FROM user_countries WHERE app_id = ? AND user_id = ? AND last_seen >= ?";

    private static Map.Entry<String, Long> countryRow(ResultSet row) throws SQLException {
        return Map.entry(row.getString(1), row.getLong(2));
    }

    /** {@link #countriesBetween(java.sql.Connection, String, String, long, long)} with the account's rows already read. */
    private static Set<String> countriesBetween(java.sql.Connection connection, List<Map.Entry<String, Long>> rows, String appId, String userId,
            long from, long to) throws SQLException {
        Set<String> countries = new HashSet<>();
        for (Map.Entry<String, Long> row : rows) {
            long lastSeen = row.getValue();
            if (lastSeen >= from && lastSeen < to) {
                countries.add(row.getKey());
                continue;
            }
            long until = lastSeen < from ? Math.min(lastSeen + COUNTRY_RESOLUTION + 1, to) : to;
            boolean placed = JdbcRunner.queryOne(connection,
                    "SELECT 1 FROM evaluations WHERE app_id = ? AND user_id = ? AND created_at >= ? AND created_at < ? AND country = ? LIMIT 1",
                    result -> true, appId, userId, from, until, row.getKey()).orElse(false);
            if (placed) {
                countries.add(row.getKey());
            }
        }
        return countries;
    }

    /**
     * Every country the account was placed in, with its latest event there: from the row's last_seen, made
     * exact by the account's evaluations in the resolution after it (the row's time when those are gone).
     */
    private static Map<String, Instant> latestPerCountry(java.sql.Connection connection, String appId, String userId) throws SQLException {
        List<Map.Entry<String, Long>> rows = JdbcRunner.queryList(connection,
                "SELECT country, last_seen FROM user_countries WHERE app_id = ? AND user_id = ?",
                row -> Map.entry(row.getString(1), row.getLong(2)), appId, userId);
        Map<String, Instant> latest = new HashMap<>();
        for (Map.Entry<String, Long> row : rows) {
            long lastSeen = row.getValue();
            // Newest first, so the walk stops at the latest event there, usually the first it reads.
            long exact = JdbcRunner.queryOne(connection,
                    "SELECT created_at FROM evaluations WHERE app_id = ? AND user_id = ? AND created_at >= ? AND created_at <= ? AND country = ?"
                            + " ORDER BY created_at DESC LIMIT 1",
                    result -> result.getLong(1), appId, userId, lastSeen, lastSeen + COUNTRY_RESOLUTION, row.getKey()).orElse(lastSeen);
            latest.put(row.getKey(), Instant.ofEpochMilli(exact));
        }
        return latest;
    }

    private static LocatedEvent located(ResultSet row) throws SQLException {
        return new LocatedEvent(Instant.ofEpochMilli(row.getLong(1)), new Coordinates(row.getDouble(2), row.getDouble(3), row.getDouble(4)));
    }
}
