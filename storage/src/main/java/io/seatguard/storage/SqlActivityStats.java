package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.stats.ActivityStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The overview's counts as grouped queries over one app's key or index range (the same SQL on both
 * engines). They count a whole period's rows, so they run as scans ({@link SqlDatabase#scan}).
 */
public final class SqlActivityStats implements ActivityStats {
    private final SqlDatabase database;

    public SqlActivityStats(SqlDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public List<EvaluationCount> evaluations(String appId, Instant from, Instant to, Duration bucket) {
        if (bucket.toMillis() <= 0) {
            throw new IllegalArgumentException("bucket must be at least a millisecond: " + bucket);
        }
        long start = from.toEpochMilli();
        // Ids are time-ordered (UUIDv7), so the primary key's range holds the period's rows without an
        // index of its own; created_at is checked too, for evaluations backdated with a timestamp.
        // Integer division of two BIGINTs truncates on SQLite and PostgreSQL alike; rows are >= start.
        return database.scan(connection -> JdbcRunner.queryList(connection,
                "SELECT (created_at - ?) / ? AS bucket, action, verdict, COUNT(*) AS n FROM evaluations"
                        + " WHERE app_id = ? AND id >= ? AND id < ? AND created_at >= ? AND created_at < ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
                row -> new EvaluationCount(row.getInt("bucket"), row.getString("action"), row.getString("verdict"), row.getLong("n")),
                start, bucket.toMillis(), appId, IdGenerator.lowerBound(from), IdGenerator.lowerBound(to), start, to.toEpochMilli()));
    }

    @Override
    public ChallengeCounts challenges(String appId, Instant from, Instant to, Instant now) {
        return database.scan(connection -> JdbcRunner.queryOne(connection,
                "SELECT COUNT(*) AS issued,"
                        + " COALESCE(SUM(CASE WHEN status = 'completed' THEN 1 ELSE 0 END), 0) AS completed,"
                        + " COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) AS failed,"
                        // A challenge nobody touched after its deadline is settled only when next read: count it here too.
                        + " COALESCE(SUM(CASE WHEN status = 'expired' OR (status IN ('created', 'presented', 'code_sent', 'verified') AND expires_at <= ?)"
                        + " THEN 1 ELSE 0 END), 0) AS expired,"
                        + " COALESCE(SUM(CASE WHEN exited_to = 'success_url' THEN 1 ELSE 0 END), 0) AS converted"
                        + " FROM challenges WHERE app_id = ? AND created_at >= ? AND created_at < ?",
                row -> new ChallengeCounts(row.getLong("issued"), row.getLong("completed"), row.getLong("failed"), row.getLong("expired"),
                        row.getLong("converted")),
                now.toEpochMilli(), appId, from.toEpochMilli(), to.toEpochMilli())).orElseThrow();
    }
}
