package io.seatguard.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps each physical connection's prepared statements for reuse.
 *
 * <p>Why: sqlite-jdbc parses and plans the SQL text on every {@code prepareStatement}, and a profile of
 * the evaluate load showed that parse as a third of the server's CPU. The hot path runs a dozen
 * statements that never change, so each connection prepares each one once.
 *
 * <p>Statements are prepared on the physical connection, not on the pool's proxy: HikariCP closes every
 * statement made through a proxy when the connection goes back to the pool. A physical connection is
 * used by one thread at a time (the pool or the writer guarantees it), so its own map needs no lock;
 * the map of maps does.
 *
 * <p>A closed connection's entry is dropped when the next new connection is seen. Weak keys would not
 * do it: each cached statement holds its connection, so the key never became unreachable, and every
 * connection the pool retired (PostgreSQL's pool renews its connections every 30 minutes) stayed.
 */
final class StatementCache {
    private static final Map<Connection, Map<String, PreparedStatement>> BY_CONNECTION = new HashMap<>();

    private StatementCache() {}

    static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        Connection physical = connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class) : connection;
        Map<String, PreparedStatement> statements = statementsOf(physical);
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            statements.put(sql, statement);
        }
        else {
            statement.clearParameters();
        }
        return statement;
    }

    private static Map<String, PreparedStatement> statementsOf(Connection physical) {
        synchronized (BY_CONNECTION) {
            Map<String, PreparedStatement> statements = BY_CONNECTION.get(physical);
            if (statements == null) {
                BY_CONNECTION.keySet().removeIf(StatementCache::isClosed);
                statements = new HashMap<>();
                BY_CONNECTION.put(physical, statements);
            }
            return statements;
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        }
        catch (SQLException e) {
            return true;
        }
    }

    /** How many connections have statements kept, for tests. */
    static int connectionsHeld() {
        synchronized (BY_CONNECTION) {
            return BY_CONNECTION.size();
        }
    }
}
