package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of one write, queued and sent together: on PostgreSQL each {@link #flush} runs everything
 * queued as one multi-statement prepared statement, one round trip; on SQLite each statement runs when it
 * is added, as {@link JdbcRunner} runs it, so nothing changes there.
 *
 * <p>Why: the group-commit writer is one thread, and on PostgreSQL it spent most of its time waiting for
 * one round trip per statement, five or six per evaluation, while every request waited for it
 * (docs/benchmarks.md, "Round trips to PostgreSQL"). With the database on another host each round trip
 * costs a network exchange, which made that worse.
 *
 * <p>A statement's update count is known once it has run: after {@link #flush} on PostgreSQL, at once on
 * SQLite. Code that needs a count to decide what to write next flushes first; code that runs its own
 * statements on the connection flushes before them, so that the order of the statements is kept.
 */
final class PipelinedWrites {
    private record Queued(JdbcRunner.Piece piece, UpdateCount count) {}

    private final Connection connection;
    private final boolean together;
    private final List<Queued> queued = new ArrayList<>();

    PipelinedWrites(Connection connection, DatabaseKind kind) {
        this.connection = requireNonNull(connection, "connection is null");
        this.together = requireNonNull(kind, "kind is null") == DatabaseKind.POSTGRESQL;
    }

    /** Adds a statement; its count is known after the next {@link #flush} (at once on SQLite). */
    UpdateCount update(String sql, Object... parameters) throws SQLException {
        JdbcRunner.Piece piece = new JdbcRunner.Piece(sql, parameters);
        UpdateCount count = new UpdateCount();
        if (!together) {
            count.set(JdbcRunner.update(connection, sql, piece.parameters()));
            return count;
        }
        queued.add(new Queued(piece, count));
        return count;
    }

    /** Runs what is queued, in the order queued. */
    void flush() throws SQLException {
        if (queued.isEmpty()) {
            return;
        }
        List<Queued> sending = List.copyOf(queued);
        queued.clear();
        if (sending.size() == 1) {
            Queued only = sending.getFirst();
            only.count().set(JdbcRunner.update(connection, only.piece().sql(), only.piece().parameters()));
            return;
        }
        PreparedStatement statement = JdbcRunner.bindTogether(connection, sending.stream().map(Queued::piece).toList());
        if (statement.execute()) {
            throw new SQLException("a pipelined update returned rows: " + sending.getFirst().piece().sql());
        }
        for (int i = 0; i < sending.size(); i++) {
            if (i > 0 && statement.getMoreResults()) {
                throw new SQLException("a pipelined update returned rows: " + sending.get(i).piece().sql());
            }
            int count = statement.getUpdateCount();
            if (count < 0) {
                throw new SQLException("update " + (i + 1) + " of " + sending.size() + " reported no count: " + sending.get(i).piece().sql());
            }
            sending.get(i).count().set(count);
        }
    }
}
