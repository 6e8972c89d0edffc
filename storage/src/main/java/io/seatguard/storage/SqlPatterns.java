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
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM account_patterns WHERE app_id = ?");
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
                "SELECT " + COLUMNS + " FROM account_patterns WHERE app_id = ? AND user_id = ? ORDER BY pattern", SqlPatterns::pattern, appId, userId));
    }

    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM account_patterns WHERE app_id = ? AND user_id = ? AND pattern = ?";
    private static final String INSERT = "INSERT INTO account_patterns (app_id, user_id, pattern, level_rank, current_value, first_detected, last_seen)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (app_id, user_id, pattern) DO UPDATE SET ";
    private static final String COUNTER_TOTAL = "account_patterns.current_value + 1";
    private static final String COUNTER_REACHED = "CASE WHEN " + COUNTER_TOTAL + " >= ? THEN 2 WHEN " + COUNTER_TOTAL + " >= ? THEN 1 ELSE 0 END";
    /** A counter adds one, and its level is what the new total reaches, if higher. */
    private static final String COUNT = INSERT + "current_value = " + COUNTER_TOTAL + ","
            + " level_rank = CASE WHEN account_patterns.level_rank >= " + COUNTER_REACHED + " THEN account_patterns.level_rank ELSE " + COUNTER_REACHED + " END,"
            + " last_seen = excluded.last_seen RETURNING " + COLUMNS;
    /** A gauge keeps the latest value, and the higher level. */
    private static final String GAUGE = INSERT + "current_value = excluded.current_value,"
            + " level_rank = CASE WHEN account_patterns.level_rank >= excluded.level_rank THEN account_patterns.level_rank ELSE excluded.level_rank END,"
            + " last_seen = excluded.last_seen RETURNING " + COLUMNS;

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
            Optional<AccountPattern> stored = JdbcRunner.queryOne(connection, SELECT_ONE, SqlPatterns::pattern, appId, userId, kind.wireName());
            if (!kind.isCounter() && stored.isPresent() && unchangedLately(stored.get(), observation, at)) {
                continue;
            }
            AccountPattern after;
            if (kind.isCounter()) {
                PatternThresholds.Pair pair = observation.thresholds();
                after = JdbcRunner.queryOne(connection, COUNT, SqlPatterns::pattern, appId, userId, kind.wireName(), observation.level().rank(), 1L, millis, millis,
                        pair.dangerous(), pair.suspicious(), pair.dangerous(), pair.suspicious()).orElseThrow();
            }
            else {
                after = JdbcRunner.queryOne(connection, GAUGE, SqlPatterns::pattern, appId, userId, kind.wireName(), observation.level().rank(),
                        observation.value(), millis, millis).orElseThrow();
            }
            if (after.level().rank() > stored.map(pattern -> pattern.level().rank()).orElse(0) && claimNotice(connection, appId, userId, kind, after)) {
                java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
                data.put("user", userId);
                data.put("pattern", kind.wireName());
                data.put("level", after.level().wireName());
                data.put("current_value", after.currentValue());
                SqlOutbox.enqueue(connection, new io.seatguard.core.webhook.OutboxEvent(appId, io.seatguard.core.webhook.WebhookEventType.PATTERN_FLAGGED,
                        Optional.of(userId), data, at));
            }
        }
    }

    /**
     * Whether this write is the one to send the event for the level reached: a conditional update, so of
     * two nodes that raised the level together (each having read the old one) only one sends it.
     */
    private static boolean claimNotice(Connection connection, String appId, String userId, PatternKind kind, AccountPattern after) throws SQLException {
        return JdbcRunner.update(connection, "UPDATE account_patterns SET notified_rank = ? WHERE app_id = ? AND user_id = ? AND pattern = ? AND notified_rank < ?",
                after.level().rank(), appId, userId, kind.wireName(), after.level().rank()) == 1;
    }

    private static boolean unchangedLately(AccountPattern stored, PatternObservation observation, Instant at) {
        return stored.currentValue() == observation.value() && stored.level().rank() >= observation.level().rank()
                && stored.lastSeen().plus(WriteThrottle.RESOLUTION).isAfter(at);
    }

    private static AccountPattern pattern(ResultSet row) throws SQLException {
        return new AccountPattern(row.getString(1), PatternKind.fromWireName(row.getString(2)).orElseThrow(),
                PatternLevel.fromRank(row.getInt(3)).orElseThrow(), row.getLong(4), Instant.ofEpochMilli(row.getLong(5)), Instant.ofEpochMilli(row.getLong(6)));
    }
}
