package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.policy.ListAddition;
import io.seatguard.core.policy.ListHeader;
import io.seatguard.core.policy.ListKind;
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
            if (!PolicyVersions.bumpIf(connection, list.appId(), expectedVersion)) {
                return VersionedWrite.STALE;
            }
            if (JdbcRunner.queryOne(connection, "SELECT id FROM value_lists WHERE app_id = ? AND name = ?", row -> row.getString(1),
                    list.appId(), list.name()).isPresent()) {
                return VersionedWrite.REFUSED;
            }
            JdbcRunner.update(connection, "INSERT INTO value_lists (app_id, id, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    list.appId(), list.id(), list.name(), list.kind().wireName(), list.createdAt().toEpochMilli(), list.updatedAt().toEpochMilli());
            insertValues(connection, list.appId(), list.id(), list.values());
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
    public List<NamedList> list(String appId) {
        return database.read(connection -> {
            List<Header> headers = JdbcRunner.queryList(connection,
                    "SELECT " + COLUMNS + " FROM value_lists WHERE app_id = ? ORDER BY created_at, id", SqlListStore::header, appId);
            Map<String, List<String>> values = new LinkedHashMap<>();
            headers.forEach(header -> values.put(header.id(), new ArrayList<>()));
            JdbcRunner.queryList(connection, "SELECT list_id, value FROM value_list_entries WHERE app_id = ? ORDER BY list_id, position, value",
                    row -> Map.entry(row.getString(1), row.getString(2)), appId)
                    .forEach(entry -> values.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
            return headers.stream().map(header -> header.with(values.get(header.id()))).toList();
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
        return database.write(connection -> {
            // First, as every policy and list write does: on PostgreSQL the counter's row lock makes a
            // concurrent add to the app wait here, and count after this one committed.
            PolicyVersions.bump(connection, appId);
            if (JdbcRunner.queryOne(connection, "SELECT id FROM value_lists WHERE app_id = ? AND id = ?", row -> row.getString(1), appId, listId)
                    .isEmpty()) {
                return new ListAddition.NoSuchList();
            }
            long size = JdbcRunner.queryOne(connection, "SELECT COUNT(*) FROM value_list_entries WHERE app_id = ? AND list_id = ?",
                    row -> row.getLong(1), appId, listId).orElse(0L);
            // Values already held add nothing; they are only looked up when the bound is close.
            if (size + distinct.size() > maxValues && size + distinct.size() - present(connection, appId, listId, distinct) > maxValues) {
                return new ListAddition.OverLimit(maxValues);
            }
            JdbcRunner.update(connection, "UPDATE value_lists SET updated_at = ? WHERE app_id = ? AND id = ?", at.toEpochMilli(), appId, listId);
            insertValues(connection, appId, listId, distinct);
            return new ListAddition.Added(load(connection, appId, "id", listId).orElseThrow());
        });
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
        return change(appId, listId, at, connection -> {
            for (String value : values) {
                JdbcRunner.update(connection, "DELETE FROM value_list_entries WHERE app_id = ? AND list_id = ? AND value = ?", appId, listId, value);
            }
        });
    }

    private interface Change {
        void apply(Connection connection) throws SQLException;
    }

    private Optional<NamedList> change(String appId, String listId, Instant at, Change change) {
        return database.write(connection -> {
            PolicyVersions.bump(connection, appId);
            if (JdbcRunner.update(connection, "UPDATE value_lists SET updated_at = ? WHERE app_id = ? AND id = ?", at.toEpochMilli(), appId, listId) != 1) {
                return Optional.<NamedList>empty();
            }
            change.apply(connection);
            return load(connection, appId, "id", listId);
        });
    }

    /** Appends values after the list's last position; a value already present keeps its place. */
    private static void insertValues(Connection connection, String appId, String listId, List<String> values) throws SQLException {
        long next = JdbcRunner.queryOne(connection, "SELECT MAX(position) FROM value_list_entries WHERE app_id = ? AND list_id = ?",
                row -> row.getObject(1) == null ? 0L : row.getLong(1) + 1, appId, listId).orElse(0L);
        for (String value : values) {
            JdbcRunner.update(connection,
                    "INSERT INTO value_list_entries (app_id, list_id, value, position) VALUES (?, ?, ?, ?) ON CONFLICT (app_id, list_id, value) DO NOTHING",
                    appId, listId, value, next++);
        }
    }

    private static Optional<NamedList> load(Connection connection, String appId, String column, String key) throws SQLException {
        Optional<Header> header = JdbcRunner.queryOne(connection,
                "SELECT " + COLUMNS + " FROM value_lists WHERE app_id = ? AND " + column + " = ?", SqlListStore::header, appId, key);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = JdbcRunner.queryList(connection,
                "SELECT value FROM value_list_entries WHERE app_id = ? AND list_id = ? ORDER BY position, value", row -> row.getString(1), appId,
                header.get().id());
        return Optional.of(header.get().with(values));
    }

    private static Header header(ResultSet row) throws SQLException {
        return new Header(row.getString("app_id"), row.getString("id"), row.getString("name"), ListKind.fromWireName(row.getString("kind")).orElseThrow(),
                Instant.ofEpochMilli(row.getLong("created_at")), Instant.ofEpochMilli(row.getLong("updated_at")));
    }
}
