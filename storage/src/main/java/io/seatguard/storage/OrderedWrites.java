package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The keyed statements of all the evaluation writes in one group-commit batch, run in one order: table by
 * table ({@link Table}'s order), and within a table by the row's key. Every node's writer takes the rows
 * it writes in that order, so two batches never each hold a row the other waits for.
 *
 * <p>Why: each write used to run its statements in turn, so a batch that wrote an account's evaluation
 * in country A and then one in country B locked (account, A) before (account, B), while another node's
 * batch with the same two in the other order locked them the other way round. PostgreSQL found the
 * deadlock after {@code deadlock_timeout} (1 s), aborted one batch, and that node's writer committed its
 * writes again one by one: every request in that batch waited the extra second (found in review, on
 * {@code user_countries}; the account's IPs, fingerprints and device links, its own row when the
 * throttle lets it move, and the devices' rows could meet the same way). Locks taken in one total order
 * cannot form a cycle. The order keeps each write's own (the account's row before anything under it,
 * {@link AccountRowLock}; a device's token before the device's row, which the token's insert reads); a
 * row's statements from several writes keep the order of those writes.
 *
 * <p>How the sorted statements go to the database: on SQLite one after the other (one writer, nothing to
 * deadlock with). On PostgreSQL the statements of a batch with a single write go in one round trip, as
 * that write sent them before ({@link PipelinedWrites}); a batch of several sends each run of one
 * statement text as one JDBC batch (one round trip per run, each text prepared once per connection; a
 * text of several joined statements would differ from batch to batch, and every one would stay in
 * {@link StatementCache}): most of a table's statements share their text, so a batch costs round trips
 * by the table rather than by the evaluation. A rough probe (4,000 evaluations of 300 accounts from 64
 * threads, one node, PostgreSQL on the same 2-core machine, three passes a run) made 670–1,480 a second
 * before and 890–1,950 after: within its noise, no loss; not a benchmark of docs/benchmarks.md.
 *
 * <p>A statement may hang on a condition read from the counts of statements sorted before it ({@link
 * #updateIf}): what is queued before it runs first. Writes that read before they write (an account's
 * patterns) come as steps ({@link #then}), run after every statement, also by table and key.
 */
final class OrderedWrites {
    /** The tables the batch's writes write keyed rows to, in the order their rows are taken. */
    enum Table {
        USERS, DEVICE_TOKENS, DEVICES, DEVICE_FINGERPRINTS, DEVICE_COMPONENTS, USER_IPS, USER_FINGERPRINTS, USER_DEVICES, DEVICE_USERS, USER_COUNTRIES, EVALUATIONS,
        /** Steps only ({@link #then}). */
        ACCOUNT_PATTERNS
    }

    /** Work of its own on the connection, writing the row it is queued with. */
    @FunctionalInterface
    interface Step {
        void run(Connection connection) throws SQLException;
    }

    /** A row a statement writes: its table, and its key there (the app's id first). */
    record Row(Table table, List<String> key) implements Comparable<Row> {
        Row {
            requireNonNull(table, "table is null");
            key = List.copyOf(key);
        }

        static Row of(Table table, String... key) {
            return new Row(table, List.of(key));
        }

        /** By table, then by key, part by part; Java's order of strings is the same on every node. */
        @Override
        public int compareTo(Row other) {
            int byTable = table.compareTo(other.table);
            if (byTable != 0) {
                return byTable;
            }
            for (int i = 0; i < Math.min(key.size(), other.key.size()); i++) {
                int byPart = key.get(i).compareTo(other.key.get(i));
                if (byPart != 0) {
                    return byPart;
                }
            }
            return Integer.compare(key.size(), other.key.size());
        }
    }

    private record Queued(Row row, int write, long sequence, JdbcRunner.Piece piece, BooleanSupplier condition, UpdateCount count) {}

    private static final Comparator<Queued> ORDER = Comparator.comparing(Queued::row).thenComparingLong(Queued::sequence);

    private record QueuedStep(Row row, long sequence, Step step) {}

    private static final Comparator<QueuedStep> STEP_ORDER = Comparator.comparing(QueuedStep::row).thenComparingLong(QueuedStep::sequence);

    private final Connection connection;
    private final boolean together;
    private final List<Queued> queued = new ArrayList<>();
    private final List<QueuedStep> steps = new ArrayList<>();
    private int write;
    private long sequence;

    OrderedWrites(Connection connection, DatabaseKind kind) {
        this.connection = requireNonNull(connection, "connection is null");
        this.together = requireNonNull(kind, "kind is null") == DatabaseKind.POSTGRESQL;
    }

    /** The statements queued from now on are the next write's. */
    void nextWrite() {
        write++;
    }

    /** Queues a statement writing {@code row}; its count is known after {@link #flush}. */
    UpdateCount update(Row row, String sql, Object... parameters) {
        return updateIf(row, null, sql, parameters);
    }

    /**
     * Queues a statement that runs only if {@code condition} holds when its turn comes (its count is then
     * 0 if it does not); the condition may read the counts of statements sorted before it.
     */
    UpdateCount updateIf(Row row, BooleanSupplier condition, String sql, Object... parameters) {
        UpdateCount count = new UpdateCount();
        queued.add(new Queued(requireNonNull(row, "row is null"), write, sequence++, new JdbcRunner.Piece(sql, parameters), condition, count));
        return count;
    }

    /** Queues a step writing {@code row}: it runs after every statement, among the steps in their order. */
    void then(Row row, Step step) {
        steps.add(new QueuedStep(requireNonNull(row, "row is null"), sequence++, requireNonNull(step, "step is null")));
    }

    /** Runs what is queued: the statements in {@link #ORDER}, then the steps in theirs. */
    void flush() throws SQLException {
        flushStatements();
        List<QueuedStep> sortedSteps = new ArrayList<>(steps);
        steps.clear();
        sortedSteps.sort(STEP_ORDER);
        for (QueuedStep step : sortedSteps) {
            step.step().run(connection);
        }
    }

    private void flushStatements() throws SQLException {
        List<Queued> sorted = new ArrayList<>(queued);
        queued.clear();
        sorted.sort(ORDER);
        boolean oneWrite = sorted.stream().mapToInt(Queued::write).distinct().count() <= 1;
        List<Queued> ready = new ArrayList<>();
        for (Queued statement : sorted) {
            if (statement.condition() != null) {
                send(ready, oneWrite);
                ready.clear();
                if (!statement.condition().getAsBoolean()) {
                    statement.count().set(0);
                    continue;
                }
            }
            ready.add(statement);
        }
        send(ready, oneWrite);
    }

    private void send(List<Queued> statements, boolean oneWrite) throws SQLException {
        if (statements.isEmpty()) {
            return;
        }
        if (!together) {
            for (Queued statement : statements) {
                statement.count().set(JdbcRunner.update(connection, statement.piece().sql(), statement.piece().parameters()));
            }
            return;
        }
        if (oneWrite) {
            PipelinedWrites writes = new PipelinedWrites(connection, DatabaseKind.POSTGRESQL);
            List<UpdateCount> counts = new ArrayList<>(statements.size());
            for (Queued statement : statements) {
                counts.add(writes.update(statement.piece().sql(), statement.piece().parameters()));
            }
            writes.flush();
            for (int i = 0; i < statements.size(); i++) {
                statements.get(i).count().set(counts.get(i).get());
            }
            return;
        }
        for (int start = 0; start < statements.size(); ) {
            int end = start + 1;
            String sql = statements.get(start).piece().sql();
            while (end < statements.size() && statements.get(end).piece().sql().equals(sql)) {
                end++;
            }
            sendRun(statements.subList(start, end));
            start = end;
        }
    }

    /** Statements of one text: one JDBC batch, one round trip. */
    private void sendRun(List<Queued> run) throws SQLException {
        if (run.size() == 1) {
            Queued only = run.getFirst();
            only.count().set(JdbcRunner.update(connection, only.piece().sql(), only.piece().parameters()));
            return;
        }
        PreparedStatement statement = null;
        try {
            for (Queued each : run) {
                statement = JdbcRunner.bind(connection, each.piece().sql(), each.piece().parameters());
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            if (counts.length != run.size()) {
                throw new SQLException(run.size() + " statements sent, " + counts.length + " counts back: " + run.getFirst().piece().sql());
            }
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] < 0) {
                    throw new SQLException("statement " + (i + 1) + " of " + run.size() + " reported no count: " + run.getFirst().piece().sql());
                }
                run.get(i).count().set(counts[i]);
            }
        }
        finally {
            if (statement != null && !statement.isClosed()) {
                // The statement is the connection's cached one: a batch left by a failure must not ride along with its next use.
                statement.clearBatch();
            }
        }
    }
}
