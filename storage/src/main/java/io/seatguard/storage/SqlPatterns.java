package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.evaluation.WriteThrottle;
import io.seatguard.core.pattern.AccountPattern;
import io.seatguard.core.pattern.PatternKind;
import io.seatguard.core.pattern.PatternLevel;
import io.seatguard.core.pattern.PatternObservation;
import io.seatguard.core.pattern.PatternReader;
import io.seatguard.core.pattern.PatternThresholds;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flagged accounts in SQL; {@link #observe} runs inside the evaluation's own transaction. */
public final class SqlPatterns implements PatternReader {
    private static final String COLUMNS = "user_id, pattern, level_rank, current_value, first_detected, last_seen";

    private final SqlDatabase database;

    public SqlPatterns(SqlDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public List<AccountPattern> list(String appId, Optional<PatternKind> kind, Optional<PatternLevel> level, int limit) {
        return database.read(connection -> {
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM account_patterns WHERE app_id = ? AND level_rank >= 1");
            List<Object> parameters = new ArrayList<>(List.of(appId));
            if (kind.isPresent()) {
                sql.append(" AND pattern = ?");
                parameters.add(kind.get().wireName());
            }
            if (level.isPresent()) {
                sql.append(" AND level_rank = ?");
                parameters.add(level.get().rank());
            }
            sql.append(" ORDER BY last_seen DESC, user_id, pattern LIMIT ?");
            parameters.add(limit);
            return JdbcRunner.queryList(connection, sql.toString(), SqlPatterns::pattern, parameters.toArray());
        });
    }

    @Override
    public List<AccountPattern> forUser(String appId, String userId) {
        return database.read(connection -> JdbcRunner.queryList(connection,
                "SELECT " + COLUMNS + " FROM account_patterns WHERE app_id = ? AND user_id = ? AND level_rank >= 1 ORDER BY pattern", SqlPatterns::pattern,
                appId, userId));
    }

    /**
     * A row's level is 0 while it only counts a counter's occurrences below its suspicious threshold
     * (new_device_new_country=2:3 after one): not a flagged pattern, so {@link #list} and {@link #forUser} skip it.
     */
    private static final String STORED_COLUMNS = "level_rank, current_value, last_seen";
    private static final String SELECT_ONE = "SELECT " + STORED_COLUMNS + " FROM account_patterns WHERE app_id = ? AND user_id = ? AND pattern = ?";
    private static final String INSERT = "INSERT INTO account_patterns (app_id, user_id, pattern, level_rank, current_value, first_detected, last_seen)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (app_id, user_id, pattern) DO UPDATE SET ";
    private static final String COUNTER_TOTAL = "account_patterns.current_value + 1";
    private static final String COUNTER_REACHED = "CASE WHEN " + COUNTER_TOTAL + " >= ? THEN 2 WHEN " + COUNTER_TOTAL + " >= ? THEN 1 ELSE 0 END";
    /**
     * A counter adds one, and its level is what the new total reaches, if higher. Its first detection is
     * the occurrence that first reached a level: until then the row only counted (level 0).
     */
    private static final String COUNT = INSERT + "current_value = " + COUNTER_TOTAL + ","
            + " first_detected = CASE WHEN account_patterns.level_rank = 0 THEN excluded.first_detected ELSE account_patterns.first_detected END,"
            + " level_rank = CASE WHEN account_patterns.level_rank >= " + COUNTER_REACHED + " THEN account_patterns.level_rank ELSE " + COUNTER_REACHED + " END,"
            + " last_seen = excluded.last_seen RETURNING " + STORED_COLUMNS;
    /** A gauge keeps the latest value, and the higher level. */
    private static final String GAUGE = INSERT + "current_value = excluded.current_value,"
            + " level_rank = CASE WHEN account_patterns.level_rank >= excluded.level_rank THEN account_patterns.level_rank ELSE excluded.level_rank END,"
            + " last_seen = excluded.last_seen RETURNING " + STORED_COLUMNS;

    /** What {@link #observe} reads of a row: its level's rank (0 for none yet), value and last sight. */
    private record Stored(int rank, long value, Instant lastSeen) {}

    /**
     * Records what an evaluation observed: a gauge keeps the latest value, a counter adds one; either
     * way the level is the higher of the stored one and the one reached now. A gauge already stored at
     * this value and level, seen within {@link WriteThrottle#RESOLUTION}, is not rewritten: an account
     * over a threshold is observed on every evaluation, and the rewrite would only move its last-seen
     * time by less than that resolution (as for devices and accounts). The upsert returns the row, so
     * a pattern costs at most two statements on the writer.
     */
    static void observe(Connection connection, String appId, String userId, List<PatternObservation> observations, Instant at) throws SQLException {
        long millis = at.toEpochMilli();
        for (PatternObservation observation : observations) {
            PatternKind kind = observation.kind();
            Optional<Stored> stored = JdbcRunner.queryOne(connection, SELECT_ONE, SqlPatterns::stored, appId, userId, kind.wireName());
            if (!kind.isCounter() && stored.isPresent() && unchangedLately(stored.get(), observation, at)) {
                continue;
            }
            Stored after;
            if (kind.isCounter()) {
                PatternThresholds.Pair pair = observation.thresholds();
                after = JdbcRunner.queryOne(connection, COUNT, SqlPatterns::stored, appId, userId, kind.wireName(), observation.rank(), 1L, millis, millis,
                        pair.dangerous(), pair.suspicious(), pair.dangerous(), pair.suspicious()).orElseThrow();
            }
            else {
                after = JdbcRunner.queryOne(connection, GAUGE, SqlPatterns::stored, appId, userId, kind.wireName(), observation.rank(),
                        observation.value(), millis, millis).orElseThrow();
            }
            if (after.rank() > stored.map(Stored::rank).orElse(0) && claimNotice(connection, appId, userId, kind, after.rank())) {
                java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
                data.put("user", userId);
                data.put("pattern", kind.wireName());
                data.put("level", PatternLevel.fromRank(after.rank()).orElseThrow().wireName());
                data.put("current_value", after.value());
                SqlOutbox.enqueue(connection, new io.seatguard.core.webhook.OutboxEvent(appId, io.seatguard.core.webhook.WebhookEventType.PATTERN_FLAGGED,
                        Optional.of(userId), data, at));
            }
        }
    }

    /**
     * Whether this write is the one to send the event for the level reached: a conditional update, so of
     * two nodes that raised the level together (each having read the old one) only one sends it.
     */
    private static boolean claimNotice(Connection connection, String appId, String userId, PatternKind kind, int rank) throws SQLException {
        return JdbcRunner.update(connection, "UPDATE account_patterns SET notified_rank = ? WHERE app_id = ? AND user_id = ? AND pattern = ? AND notified_rank < ?",
                rank, appId, userId, kind.wireName(), rank) == 1;
    }

    private static boolean unchangedLately(Stored stored, PatternObservation observation, Instant at) {
        return stored.value() == observation.value() && stored.rank() >= observation.rank()
                && stored.lastSeen().plus(WriteThrottle.RESOLUTION).isAfter(at);
    }

    private static Stored stored(ResultSet row) throws SQLException {
        return new Stored(row.getInt(1), row.getLong(2), Instant.ofEpochMilli(row.getLong(3)));
    }

    private static AccountPattern pattern(ResultSet row) throws SQLException {
        return new AccountPattern(row.getString(1), PatternKind.fromWireName(row.getString(2)).orElseThrow(),
                PatternLevel.fromRank(row.getInt(3)).orElseThrow(), row.getLong(4), Instant.ofEpochMilli(row.getLong(5)), Instant.ofEpochMilli(row.getLong(6)));
    }
}
