package io.seatguard.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

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
 * the map of maps does. Entries vanish with their connection (weak keys).
 */
final class StatementCache {
    private static final Map<Connection, Map<String, PreparedStatement>> BY_CONNECTION = Collections.synchronizedMap(new WeakHashMap<>());

    private StatementCache() {}

    static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        Connection physical = connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class) : connection;
        Map<String, PreparedStatement> statements = BY_CONNECTION.computeIfAbsent(physical, key -> new HashMap<>());
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
}
