package io.seatguard.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The little JDBC the adapters need: bind positional parameters, run, map rows. Statements come from
 * {@link StatementCache} and stay open for reuse; only result sets are closed (which also resets the
 * SQLite statement, so no read snapshot is held).
 */
final class JdbcRunner {
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    private JdbcRunner() {}

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        return bind(connection, sql, parameters).executeUpdate();
    }

    static <T> Optional<T> queryOne(Connection connection, String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        try (ResultSet rows = bind(connection, sql, parameters).executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        }
    }

    static <T> List<T> queryList(Connection connection, String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        try (ResultSet rows = bind(connection, sql, parameters).executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    /** Hands each row to {@code each} as it is read and keeps none: for reads too large to hold as a list first. */
    static void forEach(Connection connection, String sql, RowConsumer each, Object... parameters) throws SQLException {
        try (ResultSet rows = bind(connection, sql, parameters).executeQuery()) {
            while (rows.next()) {
                each.accept(rows);
            }
        }
    }

    /**
     * One statement and its parameters, to be sent with others ({@link #bindTogether}). A statement with a
     * ';' of its own is refused when the piece is made, on either engine: joined with others on PostgreSQL
     * it would shift the results, and SQLite's driver would silently run only its first part. The
     * parameters are kept as given: callers pass them as varargs, a new array at each call.
     */
    record Piece(String sql, Object[] parameters) {
        Piece {
            if (sql.indexOf(';') >= 0) {
                throw new IllegalArgumentException("one statement per piece: " + sql);
            }
        }
    }

    /**
     * The connection's cached statement for these statements joined into one text (PostgreSQL's driver
     * sends such a text with one sync: one round trip), with each one's parameters bound in order.
     */
    static PreparedStatement bindTogether(Connection connection, List<Piece> pieces) throws SQLException {
        StringBuilder sql = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (Piece piece : pieces) {
            if (!sql.isEmpty()) {
                sql.append(";\n");
            }
            sql.append(piece.sql());
            // Arrays.asList, not List.of: a parameter may be null (bound as SQL NULL).
            parameters.addAll(Arrays.asList(piece.parameters()));
        }
        return bind(connection, sql.toString(), parameters.toArray());
    }

    /** The connection's cached statement for this SQL, with these parameters bound in order. */
    static PreparedStatement bind(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = StatementCache.prepare(connection, sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            switch (value) {
                // Types.NULL lets PostgreSQL infer the column's type; VARCHAR would not fit a BIGINT column.
                case null -> statement.setNull(i + 1, Types.NULL);
                case String text -> statement.setString(i + 1, text);
                case Long number -> statement.setLong(i + 1, number);
                case Integer number -> statement.setInt(i + 1, number);
                case Double number -> statement.setDouble(i + 1, number);
                default -> throw new IllegalArgumentException("unsupported parameter type " + value.getClass());
            }
        }
        return statement;
    }
}
