package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountActivity;
import io.seatguard.core.account.ActivityReader;
import io.seatguard.core.account.LocatedEvent;
import io.seatguard.core.checks.CheckSettings;
import io.seatguard.core.checks.DeviceUserCountCheck;
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
 *
 * <p>For an evaluation vouched for, the latest located event, the countries of the day and the velocity
 * window are its vouched evaluations' alone ({@link ActivityReader#read}): the same statements with {@code
 * vouched = 1}, a literal, which both engines match to the partial index {@code evaluations_vouched_by_user}
 * (V39), and the rows' {@code vouched_last_seen} instead of {@code last_seen}. Unsigned evaluations flooding
 * an account are not in that index, so they cost a vouched evaluation's reads nothing. Its fingerprint's
 * accounts are likewise those a vouched evaluation showed it for, through {@code
 * user_fingerprints_vouched_by_fingerprint} (V44).
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

    /** The filter that keeps vouched evaluations only, spelled as the partial index's predicate so that it is used. */
    private static final String VOUCHED = " AND vouched = 1";

    /** The account's events in {@code [from, to)} through {@code evaluations_by_user}, at most a limit of them. */
    private static String inWindow(String filter) {
        return "(SELECT COUNT(*) FROM (SELECT 1 FROM evaluations WHERE app_id = ? AND user_id = ? AND created_at >= ?"
                + " AND created_at < ?" + filter + " LIMIT ?) AS in_window)";
    }

    /**
     * The accounts that have shown a fingerprint, up to {@link FingerprintUserCountCheck#LIMIT} (in a vouched
     * evaluation, filtered as the partial index {@code user_fingerprints_vouched_by_fingerprint} (V44), so
     * that it walks that index: made-up unsigned accounts on the fingerprint cost it nothing).
     */
    private static String fingerprintUsers(String filter) {
        return "(SELECT COUNT(*) FROM (SELECT 1 FROM user_fingerprints WHERE app_id = ? AND fingerprint_id = ?" + filter
                + " LIMIT " + FingerprintUserCountCheck.LIMIT + ") AS sharing)";
    }
    /**
     * The account's row in this country (first and last seen, NULL when never placed there; and when a
     * vouched evaluation last was, for a vouched read: only it writes that time), its events in the window,
     * the accounts on the fingerprint: scalar sub-queries in one round trip.
     */
    private static String countsStatement(String filter) {
        return "SELECT (SELECT first_seen FROM user_countries WHERE app_id = ? AND user_id = ? AND country = ?),"
                + " (SELECT last_seen FROM user_countries WHERE app_id = ? AND user_id = ? AND country = ?),"
                + (filter.isEmpty() ? " NULL," : " (SELECT vouched_last_seen FROM user_countries WHERE app_id = ? AND user_id = ? AND country = ?),")
                + " " + inWindow(filter) + ","
                + " " + fingerprintUsers(filter);
    }

    /** The same when the request has no country. */
    private static String countsWithoutCountryStatement(String filter) {
        return "SELECT NULL, NULL, NULL,"
                + " " + inWindow(filter) + ","
                + " " + fingerprintUsers(filter);
    }

    /**
     * How many of the account's latest evaluations within the travel horizon are searched for a located one.
     * Each is a row read (the place is not in the index), and an attack from addresses with no known place
     * adds one per request: without the bound each evaluation of the account read all of its last day.
     * More than {@link ActivityCache#MAX_RECENT}, so a located evaluation among the day's events the cache
     * keeps is always found here too; one older than that day (the horizon is longer than a day below ~834
     * km/h) may have more events after it, and the cache then asks this read ({@link #latestLocated(String,
     * String, Instant, boolean)}).
     */
    static final int LOCATED_EVENTS_READ = 1_000;
    /**
     * The account's latest located evaluation among its latest in {@code [from, to)}, newest first through
     * {@code evaluations_by_user}, and whether it was vouched for (NULL before V39).
     */
    private static String latestLocatedStatement(String filter) {
        return "SELECT created_at, latitude, longitude, accuracy_km, vouched FROM (SELECT created_at, latitude,"
                + " longitude, accuracy_km, vouched FROM evaluations WHERE app_id = ? AND user_id = ? AND created_at >= ? AND created_at < ?" + filter
                + " ORDER BY created_at DESC LIMIT " + LOCATED_EVENTS_READ + ") AS latest WHERE latitude IS NOT NULL ORDER BY created_at DESC LIMIT 1";
    }

    /** Every evaluation's statements, and the vouched ones' (see the class); package-private for the plan tests. */
    record Statements(String counts, String countsWithoutCountry, String countInWindow, String latestLocated,
            String countriesLastSeenSince, String placedBetween, String latestInCountry, String countFingerprintUsers) {
        static Statements of(boolean vouchedOnly) {
            String filter = vouchedOnly ? VOUCHED : "";
            String lastSeen = vouchedOnly ? "vouched_last_seen" : "last_seen";
            return new Statements(countsStatement(filter), countsWithoutCountryStatement(filter), "SELECT " + inWindow(filter),
                    latestLocatedStatement(filter),
                    "SELECT country, " + lastSeen + " FROM user_countries WHERE app_id = ? AND user_id = ? AND " + lastSeen + " >= ?",
                    "SELECT 1 FROM evaluations WHERE app_id = ? AND user_id = ? AND created_at >= ? AND created_at < ? AND country = ?" + filter
                            + " LIMIT 1",
                    "SELECT created_at FROM evaluations WHERE app_id = ? AND user_id = ? AND created_at >= ? AND created_at <= ? AND country = ?" + filter
                            + " ORDER BY created_at DESC LIMIT 1",
                    "SELECT " + fingerprintUsers(filter));
        }
    }

    private static final Statements EVERY = Statements.of(false);
    private static final Statements VOUCHED_ONLY = Statements.of(true);

    static Statements statements(boolean vouchedOnly) {
        return vouchedOnly ? VOUCHED_ONLY : EVERY;
    }

    /** A row's last_seen may lag the account's latest event in that country by up to this (SqlEvaluationStore). */
    private static final long COUNTRY_RESOLUTION = SqlEvaluationStore.COUNTRY_SEEN_RESOLUTION_MILLIS;

    @Override
    public AccountActivity read(String appId, String userId, Optional<String> country, Optional<String> fingerprintId, Instant at,
            Duration velocityWindow, boolean vouchedOnly) {
        return readWithDevice(appId, userId, country, fingerprintId, Optional.empty(), at, velocityWindow, vouchedOnly).activity();
    }

    /** The device's accounts are one more statement among the activity's reads: on PostgreSQL the same round trip. */
    @Override
    public WithDevice readWithDevice(String appId, String userId, Optional<String> country, Optional<String> fingerprintId, Optional<String> deviceId,
            Instant at, Duration velocityWindow, boolean vouchedOnly) {
        long now = at.toEpochMilli();
        long windowStart = now - velocityWindow.toMillis();
        String fingerprint = fingerprintId.orElse("");
        Statements statements = statements(vouchedOnly);
        return database.read(connection -> {
            // Three independent reads, one round trip on PostgreSQL.
            PipelinedReads reads = new PipelinedReads(database.kind());
            PipelinedReads.Result<Optional<LocatedEvent>> last = reads.one(statements.latestLocated(), SqlActivityReader::located, appId, userId,
                    now - locatedHorizon.toMillis(), now);
            JdbcRunner.RowMapper<Counts> columns = row -> new Counts(nullable(row, 1), nullable(row, 2), nullable(row, 3), row.getLong(4), row.getLong(5));
            PipelinedReads.Result<Optional<Counts>> countsRead;
            if (country.isEmpty()) {
                countsRead = reads.one(statements.countsWithoutCountry(), columns, appId, userId, windowStart, now, eventCountLimit, appId, fingerprint);
            }
            else if (vouchedOnly) {
                countsRead = reads.one(statements.counts(), columns, appId, userId, country.get(), appId, userId, country.get(), appId, userId,
                        country.get(), appId, userId, windowStart, now, eventCountLimit, appId, fingerprint);
            }
            else {
                countsRead = reads.one(statements.counts(), columns, appId, userId, country.get(), appId, userId, country.get(), appId, userId,
                        windowStart, now, eventCountLimit, appId, fingerprint);
            }
            long dayStart = now - DAY.toMillis();
            PipelinedReads.Result<List<Map.Entry<String, Long>>> countryRows = reads.list(statements.countriesLastSeenSince(),
                    SqlActivityReader::countryRow, appId, userId, dayStart - COUNTRY_RESOLUTION);
            Optional<PipelinedReads.Result<Optional<Long>>> deviceAccounts = deviceId.map(device -> reads.one(
                    vouchedOnly ? VOUCHED_ACCOUNTS_ON_DEVICE : ACCOUNTS_ON_DEVICE, row -> row.getLong(1), appId, device, userId));
            reads.run(connection);
            Counts counts = countsRead.get().orElseThrow();
            Set<String> countries = countriesBetween(connection, statements, countryRows.get(), appId, userId, dayStart, now);
            AccountActivity activity = new AccountActivity(
                    last.get(),
                    country.map(c -> counts.firstSeen().isPresent() && counts.firstSeen().getAsLong() < now),
                    Optional.of(countries),
                    OptionalLong.of(counts.inWindow()),
                    fingerprintId.isPresent() ? OptionalLong.of(counts.fingerprintUsers()) : OptionalLong.empty(),
                    counts.firstSeen().isPresent() && SqlEvaluationStore.countryRowCovers(counts.firstSeen().getAsLong(), counts.lastSeen().getAsLong(),
                            counts.vouchedLastSeen(), now, vouchedOnly));
            return new WithDevice(activity, OptionalLong.of(deviceAccounts.map(read -> read.get().orElse(0L)).orElse(0L)));
        });
    }

    private record Counts(OptionalLong firstSeen, OptionalLong lastSeen, OptionalLong vouchedLastSeen, long inWindow, long fingerprintUsers) {}

    private static OptionalLong nullable(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** What {@link ActivityCache} reads from the database for an account too busy to keep each event in memory. */
    record BusyAccount(long inWindow, Optional<LocatedEvent> lastLocated) {}

    /**
     * For an account too busy for {@link ActivityCache} to keep each event (of its vouched ones, with {@code
     * vouchedOnly}): its events in {@code [at - window, at)}, up to the limit, and its latest located
     * evaluation as {@link #read} looks for them. One read of the database for both.
     */
    BusyAccount busyAccount(String appId, String userId, Instant at, Duration window, boolean vouchedOnly) {
        long now = at.toEpochMilli();
        Statements statements = statements(vouchedOnly);
        return database.read(connection -> new BusyAccount(
                JdbcRunner.queryOne(connection, statements.countInWindow(), row -> row.getLong(1), appId, userId, now - window.toMillis(), now,
                        eventCountLimit).orElse(0L),
                latestLocated(connection, statements, appId, userId, now).map(VouchedEvent::event)));
    }

    /**
     * The account's latest located evaluation before {@code at} as {@link #read} looks for it (of its vouched
     * ones, with {@code vouchedOnly}): for {@link ActivityCache} when more events may lie after it than the
     * cache keeps.
     */
    Optional<LocatedEvent> latestLocated(String appId, String userId, Instant at, boolean vouchedOnly) {
        return database.read(connection -> latestLocated(connection, statements(vouchedOnly), appId, userId, at.toEpochMilli()).map(VouchedEvent::event));
    }

    /** A located evaluation, and whether it was vouched for. */
    private record VouchedEvent(LocatedEvent event, boolean vouched) {}

    /**
     * The account's latest located evaluation before {@code before} (epoch milliseconds), within the travel
     * horizon and its latest {@link #LOCATED_EVENTS_READ} evaluations there (vouched ones, for the vouched statements).
     */
    private Optional<VouchedEvent> latestLocated(java.sql.Connection connection, Statements statements, String appId, String userId, long before)
            throws SQLException {
        return JdbcRunner.queryOne(connection, statements.latestLocated(), row -> new VouchedEvent(located(row), row.getInt(5) == 1), appId, userId,
                before - locatedHorizon.toMillis(), before);
    }

    @Override
    public OptionalLong accountsOnFingerprint(String appId, String fingerprintId, boolean vouchedOnly) {
        return OptionalLong.of(fingerprintUsers(appId, fingerprintId, vouchedOnly));
    }

    /**
     * The accounts named on a device other than one, up to {@link DeviceUserCountCheck#LIMIT}, along {@code
     * device_users_by_device} (V46), which covers it (in a vouched evaluation, the range of its vouched rows).
     */
    static String accountsOnDeviceStatement(boolean vouchedOnly) {
        return "SELECT COUNT(*) FROM (SELECT 1 FROM device_users WHERE app_id = ? AND device_id = ?" + (vouchedOnly ? VOUCHED : "")
                + " AND user_id <> ? LIMIT " + DeviceUserCountCheck.LIMIT + ") AS used";
    }

    /** Up to {@code ?} of a device's accounts, each with whether a vouched evaluation named it there, along the same index. */
    static final String DEVICE_ACCOUNTS = "SELECT user_id, vouched FROM device_users WHERE app_id = ? AND device_id = ? LIMIT ?";

    /**
     * A device's accounts and whether a vouched evaluation named each on it, when it has at most {@code
     * most} (for {@link ActivityCache}); empty when it has more.
     */
    Optional<Map<String, Boolean>> deviceAccounts(String appId, String deviceId, int most) {
        List<Map.Entry<String, Boolean>> rows = database.read(connection -> JdbcRunner.queryList(connection, DEVICE_ACCOUNTS,
                row -> Map.entry(row.getString(1), row.getInt(2) == 1), appId, deviceId, most + 1));
        if (rows.size() > most) {
            return Optional.empty();
        }
        Map<String, Boolean> accounts = new HashMap<>();
        rows.forEach(row -> accounts.put(row.getKey(), row.getValue()));
        return Optional.of(Map.copyOf(accounts));
    }

    private static final String ACCOUNTS_ON_DEVICE = accountsOnDeviceStatement(false);
    private static final String VOUCHED_ACCOUNTS_ON_DEVICE = accountsOnDeviceStatement(true);

    @Override
    public OptionalLong accountsOnDevice(String appId, String deviceId, Optional<String> otherThan, boolean vouchedOnly) {
        // No account id is empty (evaluate refuses one), so "" leaves every account in.
        return OptionalLong.of(database.read(connection -> JdbcRunner.queryOne(connection, vouchedOnly ? VOUCHED_ACCOUNTS_ON_DEVICE : ACCOUNTS_ON_DEVICE,
                row -> row.getLong(1), appId, deviceId, otherThan.orElse("")).orElse(0L)));
    }

    /**
     * Accounts of the app that have shown this fingerprint (in a vouched evaluation, with {@code
     * vouchedOnly}), up to {@link FingerprintUserCountCheck#LIMIT}.
     */
    long fingerprintUsers(String appId, String fingerprintId, boolean vouchedOnly) {
        return database.read(connection -> JdbcRunner.queryOne(connection, statements(vouchedOnly).countFingerprintUsers(),
                row -> row.getLong(1), appId, fingerprintId).orElse(0L));
    }

    /**
     * Everything {@link ActivityCache} keeps of an account, read now: its newest event; and of its
     * evaluations, then of its vouched ones alone, the latest located one, every country it was placed in
     * with its latest event there, and the events of the day before the newest (at most {@code maxRecent} +
     * 1 of them, oldest first, so the caller can tell there were more).
     */
    ActivityCache.Snapshot snapshot(String appId, String userId, int maxRecent) {
        return database.read(connection -> {
            Optional<Long> newest = JdbcRunner.queryOne(connection, "SELECT MAX(created_at) FROM evaluations WHERE app_id = ? AND user_id = ?",
                    row -> {
                        long value = row.getLong(1);
                        return row.wasNull() ? -1L : value;
                    }, appId, userId).filter(value -> value >= 0);
            // Countries outlive the evaluations (retention), so an account whose evaluations are all gone keeps them.
            CountryTimes countries = latestPerCountry(connection, appId, userId);
            if (newest.isEmpty()) {
                return new ActivityCache.Snapshot(Optional.empty(), ActivityCache.History.placedOnly(countries.every()),
                        ActivityCache.History.placedOnly(countries.vouched()));
            }
            // Later reads ask about moments after the newest event, so anything older than this is beyond their horizon too.
            long before = newest.get() + 1;
            Optional<VouchedEvent> last = latestLocated(connection, EVERY, appId, userId, before);
            // The latest located evaluation is the latest vouched one too when it was vouched for: a later vouched one would be later among all.
            Optional<LocatedEvent> lastVouched = last.isPresent() && last.get().vouched() ? last.map(VouchedEvent::event)
                    : latestLocated(connection, VOUCHED_ONLY, appId, userId, before).map(VouchedEvent::event);
            long dayStart = newest.get() - DAY.toMillis();
            List<Map.Entry<ActivityCache.Recent, Boolean>> recent = JdbcRunner.queryList(connection,
                    "SELECT id, created_at, vouched FROM evaluations WHERE app_id = ? AND user_id = ? AND created_at >= ? ORDER BY created_at, id LIMIT ?",
                    row -> Map.entry(new ActivityCache.Recent(row.getString(1), Instant.ofEpochMilli(row.getLong(2))), row.getInt(3) == 1),
                    appId, userId, dayStart, maxRecent + 1);
            // Every event of the day read: its vouched ones are among them. More: the vouched ones are read on their own.
            List<ActivityCache.Recent> recentVouched = recent.size() <= maxRecent
                    ? recent.stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList()
                    : JdbcRunner.queryList(connection,
                            "SELECT id, created_at FROM evaluations WHERE app_id = ? AND user_id = ? AND created_at >= ?" + VOUCHED
                                    + " ORDER BY created_at, id LIMIT ?",
                            row -> new ActivityCache.Recent(row.getString(1), Instant.ofEpochMilli(row.getLong(2))), appId, userId, dayStart, maxRecent + 1);
            return new ActivityCache.Snapshot(Optional.of(Instant.ofEpochMilli(newest.get())),
                    new ActivityCache.History(last.map(VouchedEvent::event), countries.every(), recent.stream().map(Map.Entry::getKey).toList()),
                    new ActivityCache.History(lastVouched, countries.vouched(), recentVouched));
        });
    }

    /**
     * The countries of the account's events in {@code [from, to)} (epoch milliseconds; of its vouched events
     * with {@code vouchedOnly}). A row last seen in the range is in; one last seen up to a resolution before
     * it, or after it (an event imported with an older time), is looked up in the account's evaluations over
     * the part of the range its latest event can be in: {@link #COUNTRY_RESOLUTION} of the account's index,
     * not its day.
     */
    static Set<String> countriesBetween(java.sql.Connection connection, String appId, String userId, long from, long to, boolean vouchedOnly)
            throws SQLException {
        Statements statements = statements(vouchedOnly);
        List<Map.Entry<String, Long>> rows = JdbcRunner.queryList(connection, statements.countriesLastSeenSince(), SqlActivityReader::countryRow, appId,
                userId, from - COUNTRY_RESOLUTION);
        return countriesBetween(connection, statements, rows, appId, userId, from, to);
    }

    private static Map.Entry<String, Long> countryRow(ResultSet row) throws SQLException {
        return Map.entry(row.getString(1), row.getLong(2));
    }

    /** {@link #countriesBetween(java.sql.Connection, String, String, long, long, boolean)} with the account's rows already read. */
    private static Set<String> countriesBetween(java.sql.Connection connection, Statements statements, List<Map.Entry<String, Long>> rows, String appId,
            String userId, long from, long to) throws SQLException {
        Set<String> countries = new HashSet<>();
        for (Map.Entry<String, Long> row : rows) {
            long lastSeen = row.getValue();
            if (lastSeen >= from && lastSeen < to) {
                countries.add(row.getKey());
                continue;
            }
            long until = lastSeen < from ? Math.min(lastSeen + COUNTRY_RESOLUTION + 1, to) : to;
            boolean placed = JdbcRunner.queryOne(connection, statements.placedBetween(), result -> true, appId, userId, from, until, row.getKey())
                    .orElse(false);
            if (placed) {
                countries.add(row.getKey());
            }
        }
        return countries;
    }

    /** Every country the account was placed in with its latest event there, and every one a vouched evaluation placed it in with the latest such. */
    private record CountryTimes(Map<String, Instant> every, Map<String, Instant> vouched) {}

    /**
     * Every country the account was placed in, with its latest event there: from the row's last_seen, made
     * exact by the account's evaluations in the resolution after it (the row's time when those are gone);
     * and the same of its vouched evaluations, from the row's vouched_last_seen.
     */
    private static CountryTimes latestPerCountry(java.sql.Connection connection, String appId, String userId) throws SQLException {
        record Row(String country, long lastSeen, OptionalLong vouchedLastSeen) {}
        List<Row> rows = JdbcRunner.queryList(connection,
                "SELECT country, last_seen, vouched_last_seen FROM user_countries WHERE app_id = ? AND user_id = ?",
                row -> new Row(row.getString(1), row.getLong(2), nullable(row, 3)), appId, userId);
        Map<String, Instant> latest = new HashMap<>();
        Map<String, Instant> latestVouched = new HashMap<>();
        for (Row row : rows) {
            latest.put(row.country(), exactLatest(connection, EVERY, appId, userId, row.country(), row.lastSeen()));
            if (row.vouchedLastSeen().isPresent()) {
                latestVouched.put(row.country(), exactLatest(connection, VOUCHED_ONLY, appId, userId, row.country(), row.vouchedLastSeen().getAsLong()));
            }
        }
        return new CountryTimes(latest, latestVouched);
    }

    /** The latest event in the country, within a resolution after the row's time; that time when the events are gone. */
    private static Instant exactLatest(java.sql.Connection connection, Statements statements, String appId, String userId, String country, long lastSeen)
            throws SQLException {
        // Newest first, so the walk stops at the latest event there, usually the first it reads.
        long exact = JdbcRunner.queryOne(connection, statements.latestInCountry(), result -> result.getLong(1), appId, userId, lastSeen,
                lastSeen + COUNTRY_RESOLUTION, country).orElse(lastSeen);
        return Instant.ofEpochMilli(exact);
    }

    private static LocatedEvent located(ResultSet row) throws SQLException {
        return new LocatedEvent(Instant.ofEpochMilli(row.getLong(1)), new Coordinates(row.getDouble(2), row.getDouble(3), row.getDouble(4)));
    }
}
