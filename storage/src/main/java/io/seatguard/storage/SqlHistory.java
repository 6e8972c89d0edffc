package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.history.HistoryCursor;
import io.seatguard.core.history.HistoryPage;
import io.seatguard.core.history.HistoryReader;
import io.seatguard.core.history.HistoryRow;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.risk.RiskSignal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * History read from the evaluations table, newest first by (created_at, id), one index range per
 * query: {@code evaluations_by_user}, {@code evaluations_by_device} or {@code evaluations_by_network} (by IP).
 */
public final class SqlHistory implements HistoryReader {
    /**
     * The most entries of an address's network one page by IP walks. A rarely seen address on a busy
     * network (a carrier's NAT) would otherwise make each call walk the network's whole history; past
     * this bound the page ends early, with a cursor where the walk stopped.
     */
    static final int IP_SCAN_LIMIT = 10_000;

    private final SqlDatabase database;
    private final int ipScanLimit;

    public SqlHistory(SqlDatabase database) {
        this(database, IP_SCAN_LIMIT);
    }

    /** With a bound of the test's own, so a test need not store ten thousand evaluations. */
    SqlHistory(SqlDatabase database, int ipScanLimit) {
        this.database = requireNonNull(database, "database is null");
        if (ipScanLimit < 1) {
            throw new IllegalArgumentException("ipScanLimit must be positive");
        }
        this.ipScanLimit = ipScanLimit;
    }

    @Override
    public HistoryPage byUser(String appId, String userId, int limit, Optional<HistoryCursor> after) {
        return page("user_id", appId, userId, limit, after);
    }

    @Override
    public HistoryPage byDevice(String appId, String deviceId, int limit, Optional<HistoryCursor> after) {
        return page("device_id", appId, deviceId, limit, after);
    }

    @Override
    public HistoryPage byIp(String appId, String ip, int limit, Optional<HistoryCursor> after) {
        // Stored addresses are canonical (IpAddresses.format) and every row has its network (V15), which
        // leads the index (V16): the network narrows the search to its range, the address to its rows.
        Optional<java.net.InetAddress> address = IpAddresses.parse(ip);
        if (address.isEmpty()) {
            return new HistoryPage(List.of(), Optional.empty());
        }
        String network = IpAddresses.network(address.get());
        Optional<HistoryCursor> scanEnd = database.read(connection -> {
            List<Object> parameters = new ArrayList<>(List.of(appId, network));
            after.ifPresent(cursor -> parameters.addAll(bound(cursor)));
            parameters.add(ipScanLimit - 1);
            return JdbcRunner.queryOne(connection, scanEndSql(after.isPresent()),
                    row -> new HistoryCursor(Instant.ofEpochMilli(row.getLong(1)), row.getString(2)), parameters.toArray());
        });
        HistoryPage page = page("network = ? AND ip", new Object[] {appId, network, IpAddresses.format(address.get())}, limit, after, scanEnd);
        return page.next().isPresent() || scanEnd.isEmpty() ? page : new HistoryPage(page.rows(), scanEnd);
    }

    /**
     * Rows strictly after a cursor, newest first. The leading {@code created_at <= ?} follows from the
     * rest, but only it bounds the index range: to SQLite and PostgreSQL alike the OR alone is a filter, so
     * a page deep in a long history walked every newer entry of the index before its first row (found in
     * review: on PostgreSQL a page 200,000 evaluations down an account's history took ~175 ms instead of
     * ~0.3 ms, growing with the depth, and an address's page walked its network's newer evaluations beside
     * its 10,000).
     */
    private static final String AFTER = " AND created_at <= ? AND (created_at < ? OR (created_at = ? AND id < ?))";
    /**
     * Rows down to a cursor, which is included; bounded in the index range as {@link #AFTER} is. Without
     * the leading {@code created_at >= ?}, a page by a rarely seen address walked on past where its walk
     * was to stop, through the network's whole history (~131 ms for 600,000 entries on PostgreSQL).
     */
    private static final String UNTIL = " AND created_at >= ? AND (created_at > ? OR (created_at = ? AND id >= ?))";

    /** The parameters of {@link #AFTER} or {@link #UNTIL} for {@code cursor}. */
    private static List<Object> bound(HistoryCursor cursor) {
        long millis = cursor.createdAt().toEpochMilli();
        return List.of(millis, millis, millis, cursor.evaluationId());
    }

    /** The query of where a page by IP stops walking: the app, network, cursor ({@link #bound}) when {@code after}, and the offset. */
    static String scanEndSql(boolean after) {
        return "SELECT created_at, id FROM evaluations WHERE app_id = ? AND network = ?" + (after ? AFTER : "")
                + " ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?";
    }

    /**
     * A page's query: the app, {@code key}'s values, the cursors' ({@link #bound}) when {@code after} and
     * {@code until}, and the limit. {@code key} is SQL fixed in this class, never client input.
     */
    static String pageSql(String key, boolean after, boolean until) {
        return "SELECT id, consumed_at, document, created_at FROM evaluations WHERE app_id = ? AND " + key + " = ?"
                + (after ? AFTER : "") + (until ? UNTIL : "") + " ORDER BY created_at DESC, id DESC LIMIT ?";
    }

    private HistoryPage page(String column, String appId, String key, int limit, Optional<HistoryCursor> after) {
        return page(column, new Object[] {appId, key}, limit, after, Optional.empty());
    }

    /**
     * {@code key} is SQL fixed above (a column name, or columns joined by "= ? AND"), never client input;
     * {@code keys} are the app id and the values of its placeholders. With {@code until}, the page reads
     * no row older than that one (which it includes).
     */
    private HistoryPage page(String key, Object[] keys, int limit, Optional<HistoryCursor> after, Optional<HistoryCursor> until) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        // Each row with its created_at column: the next page's cursor is compared with that column, so it is
        // built from it, not from the stored document's time (the same instant today, written together).
        List<Found> found = database.read(connection -> {
            String sql = pageSql(key, after.isPresent(), until.isPresent());
            List<Object> parameters = new ArrayList<>(List.of(keys));
            after.ifPresent(cursor -> parameters.addAll(bound(cursor)));
            until.ifPresent(cursor -> parameters.addAll(bound(cursor)));
            parameters.add(limit + 1);
            return JdbcRunner.queryList(connection, sql,
                    row -> new Found(evaluation((String) keys[0], row), new HistoryCursor(Instant.ofEpochMilli(row.getLong(4)), row.getString(1))),
                    parameters.toArray());
        });
        boolean more = found.size() > limit;
        List<Found> shown = more ? found.subList(0, limit) : found;
        List<HistoryRow> rows = new ArrayList<>(shown.size());
        for (Found row : shown) {
            rows.add(row(row.evaluation()));
        }
        Optional<HistoryCursor> next = more ? Optional.of(shown.get(shown.size() - 1).position()) : Optional.empty();
        return new HistoryPage(rows, next);
    }

    /** A row read, and where it stands in the order the query walks ({@code created_at}, {@code id}). */
    private record Found(Evaluation evaluation, HistoryCursor position) {}

    private static Evaluation evaluation(String appId, ResultSet row) throws SQLException {
        long consumedAt = row.getLong(2);
        Optional<Instant> consumed = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(consumedAt));
        return EvaluationDocumentMapper.toDomain(appId, row.getString(1), consumed, StorageJson.read(row.getString(3), EvaluationDocument.class));
    }

    static HistoryRow row(Evaluation evaluation) {
        return new HistoryRow(evaluation.id(), evaluation.createdAt(), evaluation.action(), evaluation.verdict().wireName(), evaluation.user().id(),
                evaluation.device().id(), evaluation.device().fingerprintId(), evaluation.publicIp().address(), evaluation.publicIp().country(),
                evaluation.localIp().flatMap(ip -> ip.country()), evaluation.risk().score(),
                evaluation.risk().signals().stream().map(RiskSignal::name).toList());
    }
}
