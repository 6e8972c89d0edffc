package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Two nodes on one PostgreSQL schema, one erasing an account while the other writes under it, and what
 * the race left: the rows that name the account while it has no row of its own, which no call can see
 * or erase. Either node is stopped part way by a third connection holding a row it needs; every
 * connection is named after the race, so that its lock waits are told from other tests'.
 */
final class ErasureRace implements AutoCloseable {
    /** The tables whose rows name an account, each with the column that does. */
    private static final Map<String, String> ACCOUNT_TABLES = accountTables();

    private final String name = "erasure-race-" + UUID.randomUUID().toString().substring(0, 8);
    private final PostgresTestDatabase postgres;
    /** The node erasing the account. */
    final SqlDatabase erasing;
    /** The node writing under it. */
    final SqlDatabase writing;

    private ErasureRace(PostgresTestDatabase postgres, Path dataDir) {
        this.postgres = postgres;
        SqlDatabase opened = SqlDatabase.open(PostgresTestDatabase.settings(url("erasing"), dataDir));
        try {
            this.writing = SqlDatabase.open(PostgresTestDatabase.settings(url("writing"), dataDir));
        }
        catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        this.erasing = opened;
    }

    /** On a schema of its own; skipped, or failed under {@code CI=true}, without PostgreSQL ({@link PostgresTestDatabase}). */
    static ErasureRace open(Path dataDir) {
        PostgresTestDatabase postgres = PostgresTestDatabase.create();
        try {
            return new ErasureRace(postgres, dataDir);
        }
        catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** A connection of the race's own, to hold a row one of the nodes needs. */
    Connection connection(String role) throws SQLException {
        return DriverManager.getConnection(url(role));
    }

    /**
     * Waits until {@code count} of the race's connections wait for a lock, or until {@code write} ended:
     * the write that should wait may have gone straight through, and the assertions then tell.
     */
    void awaitWaitingOrDone(int count, Future<?> write) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection watcher = connection("watcher")) {
            while (System.nanoTime() < deadline) {
                if (write.isDone() || count(watcher, "SELECT COUNT(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE NOT l.granted AND a.application_name LIKE ?", name + "-%") >= count) {
                    return;
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("neither " + count + " of the nodes waited for a lock nor did the write end");
    }

    /** Rows naming the account while it has no account row, by table. */
    Map<String, Integer> rowsWithoutTheirAccount(String appId, String userId) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : ACCOUNT_TABLES.entrySet()) {
            counts.put(table.getKey(), count("SELECT COUNT(*) FROM " + table.getKey() + " r WHERE r.app_id = ? AND r." + table.getValue() + " = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM users u WHERE u.app_id = r.app_id AND u.id = ?)", appId, userId, userId));
        }
        return counts;
    }

    /** Rows naming the account, by table, its own row among them. */
    Map<String, Integer> rowsOfTheAccount(String appId, String userId) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("users", count("SELECT COUNT(*) FROM users WHERE app_id = ? AND id = ?", appId, userId));
        for (Map.Entry<String, String> table : ACCOUNT_TABLES.entrySet()) {
            counts.put(table.getKey(), count("SELECT COUNT(*) FROM " + table.getKey() + " WHERE app_id = ? AND " + table.getValue() + " = ?", appId, userId));
        }
        return counts;
    }

    static void assertNone(Map<String, Integer> counts, String what) {
        assertThat(counts).as(what).isEqualTo(noneIn(counts));
    }

    /** The same tables, each with no row: a failure then names the tables that kept some. */
    private static Map<String, Integer> noneIn(Map<String, Integer> counts) {
        Map<String, Integer> zero = new LinkedHashMap<>();
        counts.keySet().forEach(table -> zero.put(table, 0));
        return zero;
    }

    private static Map<String, String> accountTables() {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : List.of("evaluations", "user_ips", "user_fingerprints", "user_devices", "device_users", "user_countries", "account_patterns",
                "webhook_messages", "owner_notices", "owner_notice_recipients")) {
            tables.put(table, "user_id");
        }
        return java.util.Collections.unmodifiableMap(tables);
    }

    /** Runs one statement that must change one row: the connection's hold on it, or a row the race starts from. */
    static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    /** One count, read on a connection of the race's own. */
    int count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connection("reader")) {
            return count(connection, sql, parameters);
        }
    }

    private static int count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** The race's schema, its connections named after the race and {@code role}. */
    private String url(String role) {
        return postgres.url() + "&ApplicationName=" + name + "-" + role;
    }

    @Override
    public void close() {
        try {
            writing.close();
            erasing.close();
        }
        finally {
            postgres.close();
        }
    }
}
