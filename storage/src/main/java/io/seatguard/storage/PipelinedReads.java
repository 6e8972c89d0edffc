package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Several independent reads sent together: on PostgreSQL as one multi-statement prepared statement, which
 * the driver sends in one round trip (each statement parsed, bound and run, one sync at the end); on
 * SQLite one after the other, as {@link JdbcRunner} runs them, since there is no round trip to save and
 * its driver runs only the first statement of a text.
 *
 * <p>Why: on PostgreSQL each statement is a round trip with its system calls on both sides, and most of the
 * backend's time per evaluation went to that overhead rather than to the queries (docs/benchmarks.md,
 * "Statements per evaluation on PostgreSQL"). The SQL is the same on both engines; only its transport
 * differs.
 *
 * <p>Add the reads, {@link #run} them once, then take each one's result from its handle. A batch is used
 * by one thread and run once.
 */
final class PipelinedReads {
    /** One read's result, available after {@link PipelinedReads#run}. */
    static final class Result<T> {
        private T value;
        private boolean done;

        T get() {
            if (!done) {
                throw new IllegalStateException("the reads have not run");
            }
            return value;
        }

        private void set(T value) {
            this.value = value;
            this.done = true;
        }
    }

    @FunctionalInterface
    private interface Reader {
        void read(ResultSet rows) throws SQLException;
    }

    private record Read(JdbcRunner.Piece piece, Reader reader) {}

    private final DatabaseKind kind;
    private final List<Read> reads = new ArrayList<>();
    private boolean ran;

    PipelinedReads(DatabaseKind kind) {
        this.kind = requireNonNull(kind, "kind is null");
    }

    /** A read of at most one row: its first row mapped, or empty. */
    <T> Result<Optional<T>> one(String sql, JdbcRunner.RowMapper<T> mapper, Object... parameters) {
        Result<Optional<T>> result = new Result<>();
        add(sql, parameters, rows -> result.set(rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty()));
        return result;
    }

    /** A read of every row, mapped in order. */
    <T> Result<List<T>> list(String sql, JdbcRunner.RowMapper<T> mapper, Object... parameters) {
        Result<List<T>> result = new Result<>();
        add(sql, parameters, rows -> {
            List<T> mapped = new ArrayList<>();
            while (rows.next()) {
                mapped.add(mapper.map(rows));
            }
            result.set(mapped);
        });
        return result;
    }

    private void add(String sql, Object[] parameters, Reader reader) {
        if (ran) {
            throw new IllegalStateException("the reads have run");
        }
        reads.add(new Read(new JdbcRunner.Piece(sql, parameters), reader));
    }

    /** Runs every read added, in the order added. */
    void run(Connection connection) throws SQLException {
        if (ran) {
            throw new IllegalStateException("the reads have run");
        }
        ran = true;
        if (kind == DatabaseKind.SQLITE || reads.size() == 1) {
            for (Read read : reads) {
                try (ResultSet rows = JdbcRunner.bind(connection, read.piece().sql(), read.piece().parameters()).executeQuery()) {
                    read.reader().read(rows);
                }
            }
            return;
        }
        runTogether(connection);
    }

    private void runTogether(Connection connection) throws SQLException {
        PreparedStatement statement = JdbcRunner.bindTogether(connection, reads.stream().map(Read::piece).toList());
        if (!statement.execute()) {
            throw new SQLException("the first of the pipelined reads returned no rows: " + reads.getFirst().piece().sql());
        }
        for (int i = 0; i < reads.size(); i++) {
            if (i > 0 && !statement.getMoreResults()) {
                throw new SQLException("read " + (i + 1) + " of " + reads.size() + " returned no result set: " + reads.get(i).piece().sql());
            }
            try (ResultSet rows = statement.getResultSet()) {
                reads.get(i).reader().read(rows);
            }
        }
    }
}
