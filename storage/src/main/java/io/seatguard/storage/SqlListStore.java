package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.policy.ListAddition;
import io.seatguard.core.policy.ListHeader;
import io.seatguard.core.policy.ListKind;
import io.seatguard.core.policy.ListMatcher;
import io.seatguard.core.policy.ListStamp;
import io.seatguard.core.policy.ListStore;
import io.seatguard.core.policy.ListSummary;
import io.seatguard.core.policy.NamedList;
import io.seatguard.core.policy.VersionedWrite;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Named lists in SQL: one row per list, one row per value. */
public final class SqlListStore implements ListStore {
    private static final String COLUMNS = "app_id, id, name, kind, created_at, updated_at";

    /**
     * A list's values in the order they were first added, and every list's of an app: both walk
     * value_list_entries_by_position (V42) in order, with the value in it, so neither sorts. Before V42
     * the primary key (by value) was the only index: a list of 100,000 values was read and sorted again
     * for every add or remove, which answers the whole list (PostgreSQL spilled ~3.3 MB to disk for it).
     */
    static final String LIST_VALUES = "SELECT value FROM value_list_entries WHERE app_id = ? AND list_id = ? ORDER BY position, value";
    /** Where the next added value goes: the top of the same index. */
    static final String NEXT_POSITION = "SELECT MAX(position) FROM value_list_entries WHERE app_id = ? AND list_id = ?";
    private static final int PRESENT_CHUNK = 100;

    private record Header(String appId, String id, String name, ListKind kind, Instant createdAt, Instant updatedAt) {
        NamedList with(List<String> values) {
            return new NamedList(id, appId, name, kind, values, createdAt, updatedAt);
        }
    }

    private final SqlDatabase database;

    public SqlListStore(SqlDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public VersionedWrite create(NamedList list, long expectedVersion) {
        return database.write(connection -> {
            // Checked and locked, not moved: a name already taken changes nothing, so no node should reload the app for it.
            if (!PolicyVersions.lockIf(connection, list.appId(), expectedVersion)) {
                return VersionedWrite.STALE;
            }
            if (JdbcRunner.queryOne(connection, "SELECT id FROM value_lists WHERE app_id = ? AND name = ?", row -> row.getString(1),
                    list.appId(), list.name()).isPresent()) {
                return VersionedWrite.REFUSED;
            }
            JdbcRunner.update(connection, "INSERT INTO value_lists (app_id, id, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    list.appId(), list.id(), list.name(), list.kind().wireName(), list.createdAt().toEpochMilli(), list.updatedAt().toEpochMilli());
            insertValues(connection, list.appId(), list.id(), list.values());
            PolicyVersions.bump(connection, list.appId());
            return VersionedWrite.WRITTEN;
        });
    }

    @Override
    public Optional<NamedList> find(String appId, String listId) {
        return database.read(connection -> load(connection, appId, "id", listId));
    }

    @Override
    public Optional<NamedList> findByName(String appId, String name) {
        return database.read(connection -> load(connection, appId, "name", name));
    }


    @Override
    public List<ListHeader> headers(String appId) {
        return database.read(connection -> JdbcRunner.queryList(connection,
                "SELECT id, name, kind FROM value_lists WHERE app_id = ? ORDER BY created_at, id",
                row -> new ListHeader(row.getString(1), row.getString(2), ListKind.fromWireName(row.getString(3)).orElseThrow()), appId));
    }

    @Override
    public List<ListStamp> stamps(String appId) {
        return database.read(connection -> JdbcRunner.queryList(connection,
                "SELECT id, name, kind, updated_at FROM value_lists WHERE app_id = ? ORDER BY created_at, id",
                row -> new ListStamp(row.getString(1), row.getString(2), ListKind.fromWireName(row.getString(3)).orElseThrow(),
                        Instant.ofEpochMilli(row.getLong(4))), appId));
    }

    /**
     * Read along the entries' primary key (app, list, value) in its own order, each value handed to the
     * matcher as it comes: no sort and no list of strings. Reading every list of an app ordered by
     * position sorted all their entries together (on PostgreSQL, six lists of 100,000 spilled 25 MB to
     * disk and took 1.2 s against 60 ms for one list read unsorted) and held them three times over.
     */
    @Override
    public Optional<ListMatcher> matcher(String appId, String listId) {
        return database.read(connection -> {
            Optional<ListKind> kind = JdbcRunner.queryOne(connection, "SELECT kind FROM value_lists WHERE app_id = ? AND id = ?",
                    row -> ListKind.fromWireName(row.getString(1)).orElseThrow(), appId, listId);
            if (kind.isEmpty()) {
                return Optional.<ListMatcher>empty();
            }
            ListMatcher.Builder matcher = ListMatcher.builder(kind.get());
            JdbcRunner.forEach(connection, "SELECT value FROM value_list_entries WHERE app_id = ? AND list_id = ?",
                    row -> matcher.add(row.getString(1)), appId, listId);
            return Optional.of(matcher.build());
        });
    }

    @Override
    public List<ListSummary> summaries(String appId) {
        // Counted along the entries' primary key (app, list, value): no value is read into memory.
        return database.read(connection -> JdbcRunner.queryList(connection,
                "SELECT l.id, l.name, l.kind, (SELECT COUNT(*) FROM value_list_entries e WHERE e.app_id = l.app_id AND e.list_id = l.id),"
                        + " l.created_at, l.updated_at FROM value_lists l WHERE l.app_id = ? ORDER BY l.created_at, l.id",
                row -> new ListSummary(row.getString(1), row.getString(2), ListKind.fromWireName(row.getString(3)).orElseThrow(), row.getInt(4),
                        Instant.ofEpochMilli(row.getLong(5)), Instant.ofEpochMilli(row.getLong(6))), appId));
    }

    @Override
    public VersionedWrite delete(String appId, String listId, long expectedVersion) {
        return database.write(connection -> {
            if (!PolicyVersions.bumpIf(connection, appId, expectedVersion)) {
                return VersionedWrite.STALE;
            }
            JdbcRunner.update(connection, "DELETE FROM value_list_entries WHERE app_id = ? AND list_id = ?", appId, listId);
            int deleted = JdbcRunner.update(connection, "DELETE FROM value_lists WHERE app_id = ? AND id = ?", appId, listId);
            return deleted == 1 ? VersionedWrite.WRITTEN : VersionedWrite.REFUSED;
        });
    }

    @Override
    public ListAddition add(String appId, String listId, List<String> values, int maxValues, Instant at) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(values));
        Optional<ListAddition> refused = database.write(connection -> {
            // First, as every policy and list write does: on PostgreSQL the counter's row lock makes a
            // concurrent add to the app wait here, and count after this one committed.
            if (!PolicyVersions.lock(connection, appId) || !exists(connection, appId, listId)) {
                return Optional.<ListAddition>of(new ListAddition.NoSuchList());
            }
            long size = JdbcRunner.queryOne(connection, "SELECT COUNT(*) FROM value_list_entries WHERE app_id = ? AND list_id = ?",
                    row -> row.getLong(1), appId, listId).orElse(0L);
            // Values already held add nothing; they are only looked up when the bound is close.
            if (size + distinct.size() > maxValues && size + distinct.size() - present(connection, appId, listId, distinct) > maxValues) {
                return Optional.<ListAddition>of(new ListAddition.OverLimit(maxValues));
            }
            if (insertValues(connection, appId, listId, distinct) > 0) {
                changed(connection, appId, listId, at);
            }
            return Optional.<ListAddition>empty();
        });
        // Read after the write, not inside it: loading 100,000 values in the write held the one writer
        // (on SQLite, every evaluation's write) while it ran.
        return refused.orElseGet(() -> find(appId, listId).<ListAddition>map(ListAddition.Added::new).orElseGet(ListAddition.NoSuchList::new));
    }

    /**
     * How many of the distinct {@code values} the list holds, asked {@value #PRESENT_CHUNK} at a time. A
     * short last chunk repeats its first value, so every query is the same statement (statements are
     * cached by their text) and a repeat counts its row once.
     */
    private static long present(Connection connection, String appId, String listId, List<String> values) throws SQLException {
        String sql = "SELECT COUNT(*) FROM value_list_entries WHERE app_id = ? AND list_id = ? AND value IN ("
                + String.join(", ", java.util.Collections.nCopies(PRESENT_CHUNK, "?")) + ")";
        long present = 0;
        for (int from = 0; from < values.size(); from += PRESENT_CHUNK) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + PRESENT_CHUNK));
            Object[] parameters = new Object[2 + PRESENT_CHUNK];
            parameters[0] = appId;
            parameters[1] = listId;
            for (int i = 0; i < PRESENT_CHUNK; i++) {
                parameters[2 + i] = i < chunk.size() ? chunk.get(i) : chunk.get(0);
            }
            present += JdbcRunner.queryOne(connection, sql, row -> row.getLong(1), parameters).orElse(0L);
        }
        return present;
    }

    @Override
    public Optional<NamedList> remove(String appId, String listId, List<String> values, Instant at) {
        boolean exists = database.write(connection -> {
            if (!PolicyVersions.lock(connection, appId) || !exists(connection, appId, listId)) {
                return false;
            }
            int removed = 0;
            for (String value : values) {
                removed += JdbcRunner.update(connection, "DELETE FROM value_list_entries WHERE app_id = ? AND list_id = ? AND value = ?", appId, listId, value);
            }
            if (removed > 0) {
                changed(connection, appId, listId, at);
            }
            return true;
        });
        return exists ? find(appId, listId) : Optional.empty();
    }

    private static boolean exists(Connection connection, String appId, String listId) throws SQLException {
        return JdbcRunner.queryOne(connection, "SELECT id FROM value_lists WHERE app_id = ? AND id = ?", row -> row.getString(1), appId, listId)
                .isPresent();
    }

    /**
     * After the list's values changed: the app's counter moves (its row is already locked), and the list's
     * {@code updated_at} moves to {@code at}, or a millisecond past its last value when that is not
     * earlier (two changes in one millisecond, or a node whose clock is behind): caches keep a list
     * compiled under its {@link ListStamp}, so each change must move it.
     */
    private static void changed(Connection connection, String appId, String listId, Instant at) throws SQLException {
        PolicyVersions.bump(connection, appId);
        long millis = at.toEpochMilli();
        JdbcRunner.update(connection, "UPDATE value_lists SET updated_at = CASE WHEN updated_at < ? THEN ? ELSE updated_at + 1 END WHERE app_id = ? AND id = ?",
                millis, millis, appId, listId);
    }

    /** Appends values after the list's last position; a value already present keeps its place. How many were new. */
    private static int insertValues(Connection connection, String appId, String listId, List<String> values) throws SQLException {
        long next = JdbcRunner.queryOne(connection, NEXT_POSITION,
                row -> row.getObject(1) == null ? 0L : row.getLong(1) + 1, appId, listId).orElse(0L);
        int inserted = 0;
        for (String value : values) {
            inserted += JdbcRunner.update(connection,
                    "INSERT INTO value_list_entries (app_id, list_id, value, position) VALUES (?, ?, ?, ?) ON CONFLICT (app_id, list_id, value) DO NOTHING",
                    appId, listId, value, next++);
        }
        return inserted;
    }

    private static Optional<NamedList> load(Connection connection, String appId, String column, String key) throws SQLException {
        Optional<Header> header = JdbcRunner.queryOne(connection,
                "SELECT " + COLUMNS + " FROM value_lists WHERE app_id = ? AND " + column + " = ?", SqlListStore::header, appId, key);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = JdbcRunner.queryList(connection, LIST_VALUES, row -> row.getString(1), appId,
                header.get().id());
        return Optional.of(header.get().with(values));
    }

    private static Header header(ResultSet row) throws SQLException {
        return new Header(row.getString("app_id"), row.getString("id"), row.getString("name"), ListKind.fromWireName(row.getString("kind")).orElseThrow(),
                Instant.ofEpochMilli(row.getLong("created_at")), Instant.ofEpochMilli(row.getLong("updated_at")));
    }
}
