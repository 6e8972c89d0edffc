package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.Uninterruptibles;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.evaluation.StaleReadConflict;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Every write goes through one thread that commits whatever has queued up as one transaction (group
 * commit, DESIGN.md "The hot path").
 *
 * <p>Why: a durable commit costs an fsync (SQLite WAL with {@code synchronous=FULL}) or a WAL flush
 * (PostgreSQL), and that cost is per commit, not per row. Under load, requests arrive while a commit is
 * in flight; the next commit carries all of them, so throughput grows with load while each caller still
 * waits for its own write to be durable before it is answered — nothing is acknowledged early. With one
 * writer, SQLite never sees two writers fight over its lock, and conditional updates (consume) are
 * serialized on this node; across nodes PostgreSQL's row locks do the same.
 *
 * <p>A task that fails (a constraint, a lost device race) must not sink its batch-mates: the batch is
 * rolled back and each task re-run in a transaction of its own, so only the faulty one fails. That slow
 * path costs nothing while nothing fails, unlike a savepoint per task.
 *
 * <p>An ordered task ({@link #executeOrdered}: an evaluation's write) queues its keyed statements with its
 * batch-mates' instead of running them, and they run together in one order ({@link OrderedWrites}), before
 * the batch's other tasks: two nodes' batches then never take the same rows in opposite orders, which
 * PostgreSQL resolves only after {@code deadlock_timeout} by aborting one of them. What each ordered task
 * does after its statements ran (checking their counts, its rarer writes) runs in the order of the
 * accounts (and devices) they are under.
 *
 * <p>A caller that waited {@value #SUBMIT_TIMEOUT_SECONDS} s withdraws its task, and is told so, only if
 * the writer has not started it; once started, the caller waits for the real outcome. Otherwise a write
 * answered "did not commit in time" could commit afterwards: a consume that no caller won, an evaluation
 * stored twice by the client's retry, caches missing a committed row.
 *
 * <p>On PostgreSQL a commit that goes unanswered for {@link #POSTGRES_STALL_LIMIT}, while the database does
 * not answer a probe on a connection of its own either ({@link StallJudge}), counts as the database being
 * unreachable ({@link OutageGate}): a database that falls silent during a commit sends no error, so before
 * this nothing found it out until the commit's socket timeout (15 s), while every new request queued
 * behind it. Callers waiting on the stuck batch still wait for its real outcome (above); those queued
 * behind it withdraw and are refused, and new ones are refused at once. A commit that is only slow (the
 * probe answers) is waited for, as any commit is.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_BATCH = 256;
    private static final long SUBMIT_TIMEOUT_SECONDS = 30;
    /** As long as a read waits for a pooled connection before the database counts as unreachable. */
    static final Duration POSTGRES_STALL_LIMIT = Duration.ofSeconds(5);
    /** How often a waiting caller looks whether the writer has stalled or the gate has closed. */
    private static final long WATCH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long MAX_PAUSE_MILLIS = 1_000;

    @FunctionalInterface
    interface Task<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A write whose keyed statements run with its batch-mates', in one order ({@link OrderedWrites}). */
    @FunctionalInterface
    interface OrderedTask<T> {
        /**
         * Queues the write's keyed statements; answers what runs once every ordered statement of the batch
         * has run: the checks of their counts, and the write's other statements.
         */
        Task<T> stage(OrderedWrites writes) throws SQLException;
    }

    /** Opens the writer's connection, and again after the database dropped it. */
    @FunctionalInterface
    interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    /**
     * A task to commit, or (with a pause) the writer's cue to hold between two batches. Its state moves
     * once, from waiting to started (by the writer) or to withdrawn (by a caller who stopped waiting).
     */
    private record Pending<T>(Task<T> task, OrderedTask<T> ordered, String order, CompletableFuture<T> result, Pause pause, AtomicInteger state) {
        static final int WAITING = 0;
        static final int STARTED = 1;
        static final int WITHDRAWN = 2;

        Pending(Task<T> task, CompletableFuture<T> result, Pause pause) {
            this(task, null, "", result, pause, new AtomicInteger(WAITING));
        }

        Pending(OrderedTask<T> ordered, String order, CompletableFuture<T> result) {
            this(null, ordered, order, result, null, new AtomicInteger(WAITING));
        }

        boolean start() {
            return state.compareAndSet(WAITING, STARTED);
        }

        boolean withdraw() {
            return state.compareAndSet(WAITING, WITHDRAWN);
        }
    }

    private static final Pending<Void> STOP = new Pending<>(connection -> null, new CompletableFuture<>(), null);

    private final ConnectionFactory connections;
    private final DatabaseKind kind;
    private static final int QUEUE_CAPACITY = 100_000;
    private final BlockingQueue<Pending<?>> queue;
    private final Thread thread;
    private volatile boolean closed;
    private Connection connection;
    /** The outage count when {@link #connection} was opened: one opened before the last outage is dropped unused. */
    private long connectionOutages;
    private final LongAdder batches = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder busyNanos = new LongAdder();
    private final LongAdder splitBatches = new LongAdder();
    /**
     * Writes whose commit failed: on a full disk every write fails this way while the database still
     * answers, so the outage gate never closes and refuses nothing; without this count /metrics had no
     * sign of it and the alert on refused calls stayed silent.
     */
    private final LongAdder failedWrites = new LongAdder();
    private final long submitTimeoutNanos;
    private final RepeatedFailures failures;
    private final OutageGate outage;
    /** 0: a commit may take as long as it takes (SQLite, whose commits wait for no network). */
    private final long stallLimitNanos;
    private final StallJudge stallJudge;
    /** When the batch in progress started ({@link System#nanoTime}); meaningful while {@link #committing}. */
    private volatile long batchStartedAt;
    private volatile boolean committing;
    /** Apart from the writes' own, so that "commit again, after N failures" counts writes, not rollbacks too. */
    private final RepeatedFailures rollbackFailures = new RepeatedFailures(log);
    /** Batches that failed for one of their writes (the writes then go one by one): what failed, logged without a flood. */
    private final RepeatedFailures batchFailures = new RepeatedFailures(log);

    /**
     * @param outage     shared with the store's reads: a write's connection failure refuses reads at once too, and the other way round
     * @param stallLimit how long a commit may go unanswered before the database is asked whether it still answers; zero for never
     * @param stallJudge asks it
     */
    GroupCommitWriter(String name, DatabaseKind kind, ConnectionFactory connections, OutageGate outage, Duration stallLimit, StallJudge stallJudge) {
        this(name, kind, connections, Duration.ofSeconds(SUBMIT_TIMEOUT_SECONDS), new RepeatedFailures(log), outage, stallLimit, stallJudge);
    }

    /** @param submitTimeout how long a caller waits for its task to start before withdrawing it */
    GroupCommitWriter(String name, ConnectionFactory connections, Duration submitTimeout) {
        this(name, DatabaseKind.SQLITE, connections, submitTimeout, new RepeatedFailures(log), OutageGate.forDatabase(), Duration.ZERO,
                StallJudge.silenceAlways());
    }

    /** The same on SQLite ({@link OrderedWrites} runs its statements one by one). */
    GroupCommitWriter(String name, ConnectionFactory connections, Duration submitTimeout, RepeatedFailures failures, OutageGate outage,
            Duration stallLimit, StallJudge stallJudge) {
        this(name, DatabaseKind.SQLITE, connections, submitTimeout, failures, outage, stallLimit, stallJudge);
    }

    /**
     * @param failures how failed writes are logged (tests watch it with a clock of their own)
     * @param outage   when to refuse writes at once because the database is not answering
     */
    GroupCommitWriter(String name, DatabaseKind kind, ConnectionFactory connections, Duration submitTimeout, RepeatedFailures failures,
            OutageGate outage, Duration stallLimit, StallJudge stallJudge) {
        this(name, kind, connections, submitTimeout, failures, outage, stallLimit, stallJudge, QUEUE_CAPACITY);
    }

    /** @param queueCapacity how many tasks may wait for the writer (tests fill a small queue) */
    GroupCommitWriter(String name, DatabaseKind kind, ConnectionFactory connections, Duration submitTimeout, RepeatedFailures failures,
            OutageGate outage, Duration stallLimit, StallJudge stallJudge, int queueCapacity) {
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
        this.kind = requireNonNull(kind, "kind is null");
        this.connections = requireNonNull(connections, "connections is null");
        this.submitTimeoutNanos = submitTimeout.toNanos();
        this.failures = requireNonNull(failures, "failures is null");
        this.outage = requireNonNull(outage, "outage is null");
        this.stallLimitNanos = stallLimit.toNanos();
        this.stallJudge = requireNonNull(stallJudge, "stallJudge is null");
        this.thread = Thread.ofPlatform().name(name).daemon(false).unstarted(this::loop);
        thread.start();
    }

    /** Runs the task in the next batch and waits until that batch is committed. */
    <T> T execute(Task<T> task) {
        return submit(new Pending<>(task, new CompletableFuture<>(), null));
    }

    /**
     * Runs the ordered task in the next batch, its keyed statements with its batch-mates' in one order
     * ({@link OrderedWrites}), and waits until that batch is committed.
     *
     * @param order where what the task does after its statements runs among its batch-mates' (by
     *     {@link String#compareTo}): the account it writes under (an evaluation's: and its device), so that
     *     their other rows are taken in one order too
     */
    <T> T executeOrdered(String order, OrderedTask<T> task) {
        return submit(new Pending<>(task, requireNonNull(order, "order is null"), new CompletableFuture<>()));
    }

    private <T> T submit(Pending<T> pending) {
        if (closed) {
            throw new SeatguardException(ErrorCode.STORAGE_UNAVAILABLE, "Storage is shutting down");
        }
        try (OutageGate.Permit permit = outage.enter()) {
            if (!permit.isProbe() && stalled()) {
                throw outage.refusal();
            }
            return await(pending, permit.isProbe());
        }
    }

    private <T> T await(Pending<T> pending, boolean probe) {
        CompletableFuture<T> result = pending.result();
        if (!queue.offer(pending)) {
            throw new SeatguardException(ErrorCode.STORAGE_UNAVAILABLE, "Storage write queue is full");
        }
        try {
            long deadline = System.nanoTime() + submitTimeoutNanos;
            while (true) {
                try {
                    return result.get(Math.max(0, Math.min(WATCH_INTERVAL_NANOS, deadline - System.nanoTime())), TimeUnit.NANOSECONDS);
                }
                catch (TimeoutException e) {
                    boolean stalled = stalled();
                    // The probe is let through a closed gate on purpose; it leaves only if the writer is stuck.
                    if ((stalled || (!probe && outage.isClosed())) && pending.withdraw()) {
                        throw outage.refusal();
                    }
                    // Queued after the writer stopped (it passed the closed check just before a close): nothing
                    // will take it, and its caller waited out the whole submit timeout to be told so.
                    if (!thread.isAlive() && pending.withdraw()) {
                        throw new SeatguardException(ErrorCode.STORAGE_UNAVAILABLE, "Storage is shutting down");
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        if (pending.withdraw()) {
                            throw new SeatguardException(ErrorCode.STORAGE_UNAVAILABLE, "Storage did not commit in time");
                        }
                        // Started: its outcome is on the way (a blocked database connection fails by its own timeout).
                        return result.get();
                    }
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (pending.withdraw()) {
                throw new SeatguardException(ErrorCode.STORAGE_UNAVAILABLE, "Interrupted while waiting for storage");
            }
            throw new SeatguardException(ErrorCode.STORAGE_UNAVAILABLE, "Interrupted while waiting for storage; the write may still commit");
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SeatguardException(ErrorCode.STORAGE_UNAVAILABLE, "Storage write failed", List.of(), e.getCause());
        }
    }

    /**
     * Holds the writer after the batch in progress until the returned pause is closed: no transaction of
     * the writer is open meanwhile, and writes that arrive wait for the next batch. For maintenance that
     * needs the log to stand still (SQLite's log restart). Empty when the writer did not reach a pause
     * within the wait; a pause not closed ends by itself after {@link #MAX_PAUSE_MILLIS}.
     */
    Optional<Pause> pause(long waitMillis) throws InterruptedException {
        if (closed) {
            return Optional.empty();
        }
        Pause pause = new Pause();
        if (!queue.offer(new Pending<>(connection -> null, new CompletableFuture<>(), pause))) {
            return Optional.empty();
        }
        if (!pause.reached.await(waitMillis, TimeUnit.MILLISECONDS)) {
            pause.close();
            return Optional.empty();
        }
        return Optional.of(pause);
    }

    /** The writer held between two batches; closing it lets the writer go on. */
    static final class Pause implements AutoCloseable {
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Runs on the writer's thread. */
        private void hold() {
            reached.countDown();
            try {
                released.await(MAX_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            released.countDown();
        }
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
        List<Pause> pauses = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            }
            catch (InterruptedException e) {
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stop = batch.remove(STOP);
            batch.removeIf(pending -> pending.pause() != null && pauses.add(pending.pause()));
            batch.removeIf(pending -> !pending.start());
            if (!batch.isEmpty()) {
                long started = System.nanoTime();
                try {
                    commitBatch(batch);
                }
                finally {
                    commitEnds();
                }
                busyNanos.add(System.nanoTime() - started);
                batches.increment();
                writes.add(batch.size());
            }
            batch.clear();
            pauses.forEach(Pause::hold);
            pauses.clear();
            // Closed with the queue empty: the same as the stop, which a close that found the queue full
            // for all its wait could not queue (close); nothing queued before the close is left behind.
            if (stop || (closed && queue.isEmpty())) {
                closeConnection();
                return;
            }
        }
    }

    private void commitBatch(List<Pending<?>> batch) {
        List<Object> results = new ArrayList<>(batch.size());
        commitStarts();
        try {
            Connection open = connection();
            if (outage.isClosed()) {
                // Known unreachable: these writes were queued before it was known (or one is the probe).
                // One empty query tells, within seconds, whether to try them or fail them all now.
                outage.confirm(open);
            }
            results.addAll(run(open, batch));
            open.commit();
            failures.succeeded("Storage writes commit");
        }
        catch (Exception | Error e) {
            // An Error too (a task's stack overflow, an allocation that failed): the writer must live on,
            // or every later write would wait for a thread that is gone.
            rollbackQuietly();
            commitEnds();
            if (batch.size() == 1 || isConnectionFailure(e)) {
                failAll(batch, e);
                return;
            }
            if (!(e instanceof StaleReadConflict)) {
                // A lost race for a new device's token or fingerprint is expected (one browser's tabs opening
                // at once), and so is an account or device erased since its evaluation read it: its write is
                // judged again, and the batch's others commit alone; nothing to warn of.
                batchFailures.failed(Level.WARN, "A storage batch failed; committing its writes one by one", e);
            }
            splitBatches.increment();
            commitEachAlone(batch);
            return;
        }
        commitEnds();
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results.get(i));
        }
    }

    /**
     * The slow path after a batch failed: each write in a transaction of its own, so one bad write fails
     * alone. Once the database is known to be unreachable (one of them lost the connection, or anything
     * else found it so), the rest fail at once: each would otherwise wait out a timeout of its own, a
     * batch of 256 for an hour on a silent database, every request behind it waiting too.
     */
    private void commitEachAlone(List<Pending<?>> batch) {
        for (Pending<?> pending : batch) {
            if (outage.isClosed()) {
                pending.result().completeExceptionally(outage.refusal());
                continue;
            }
            commitAlone(pending);
        }
    }

    private void commitAlone(Pending<?> pending) {
        commitStarts();
        try {
            Connection open = connection();
            Object result = run(open, List.of(pending)).getFirst();
            open.commit();
            failures.succeeded("Storage writes commit");
            commitEnds();
            complete(pending, result);
        }
        catch (Exception | Error e) {
            rollbackQuietly();
            commitEnds();
            pending.result().completeExceptionally(translate(e, 1));
        }
    }

    /**
     * Runs the tasks' writes and answers their results, in the tasks' order: the ordered tasks' statements
     * first, all together ({@link OrderedWrites}), then what each of them does after (by their order), then
     * the other tasks. The batch's tasks were all submitted before any was answered, so none depends on
     * another's having run first; the order among them is the writer's to choose.
     */
    private List<Object> run(Connection open, List<Pending<?>> batch) throws SQLException {
        Object[] results = new Object[batch.size()];
        List<Integer> ordered = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).ordered() != null) {
                ordered.add(i);
            }
        }
        if (!ordered.isEmpty()) {
            // Stable: tasks under one account keep their queue order.
            ordered.sort(java.util.Comparator.comparing(i -> batch.get(i).order()));
            OrderedWrites writes = new OrderedWrites(open, kind);
            List<Task<?>> finishes = new ArrayList<>(ordered.size());
            for (int i : ordered) {
                writes.nextWrite();
                finishes.add(batch.get(i).ordered().stage(writes));
            }
            writes.flush();
            for (int k = 0; k < ordered.size(); k++) {
                results[ordered.get(k)] = finishes.get(k).run(open);
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).ordered() == null) {
                results[i] = batch.get(i).task().run(open);
            }
        }
        return java.util.Arrays.asList(results);
    }

    /** A commit is under way from now: the stall limit times it ({@link #stalled}). */
    private void commitStarts() {
        batchStartedAt = System.nanoTime();
        committing = true;
    }

    /**
     * The commit is over. Called before any of its writes learns its outcome: a caller told of it may write
     * again at once, and must not find the finished commit still timed as in progress (past the stall
     * limit it would close the gate and be refused, though the database had just answered).
     */
    private void commitEnds() {
        committing = false;
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> pending, Object result) {
        pending.result().complete((T) result);
    }

    private void failAll(List<Pending<?>> batch, Throwable e) {
        RuntimeException failure = translate(e, batch.size());
        batch.forEach(pending -> pending.result().completeExceptionally(failure));
    }

    /** @param writes how many writes this failure fails, for {@link #failedWrites} */
    private RuntimeException translate(Throwable e, int writes) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        failedWrites.add(writes);
        failures.failed(Level.ERROR, "Storage write failed", e);
        if (isConnectionFailure(e)) {
            closeConnection();
            outage.failed(e);
        }
        return new SeatguardException(ErrorCode.STORAGE_UNAVAILABLE, "Storage write failed", List.of(), e);
    }

    /**
     * Whether the batch in progress has gone unanswered past the stall limit while the database does not
     * answer a probe either; if so, the database counts as unreachable from now on (the gate closes, once),
     * and the batch fails by its own socket timeout.
     */
    private boolean stalled() {
        if (stallLimitNanos == 0 || !committing) {
            return false;
        }
        long started = batchStartedAt;
        long running = System.nanoTime() - started;
        if (running < stallLimitNanos || !stallJudge.silent(started)) {
            return false;
        }
        outage.failed(new SQLTransientConnectionException(
                "the database has not answered a commit for " + TimeUnit.NANOSECONDS.toMillis(running) + " ms", "08006"));
        return true;
    }

    private Connection connection() throws SQLException {
        if (connection != null && connectionOutages != outage.outages()) {
            closeConnection();
        }
        if (connection == null || connection.isClosed()) {
            connectionOutages = outage.outages();
            connection = connections.open();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private static boolean isConnectionFailure(Throwable e) {
        return OutageGate.isConnectionFailure(e);
    }

    private void rollbackQuietly() {
        try {
            if (connection != null && !connection.isClosed()) {
                connection.rollback();
            }
        }
        catch (SQLException e) {
            // Also after SQLite rolled back by itself (a full disk: "no transaction is active"); reopening is harmless.
            rollbackFailures.failed(Level.WARN, "Rollback failed; reopening the writer connection", e);
            closeConnection();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException e) {
                log.warn("Closing the writer connection failed", e);
            }
            connection = null;
        }
    }

    /** How many tasks wait for the writer, for tests that line up a batch. */
    int queued() {
        return queue.size();
    }

    WriterStats stats() {
        return new WriterStats(batches.sum(), writes.sum(), busyNanos.sum(), splitBatches.sum(), failedWrites.sum());
    }

    /**
     * Commits everything already queued, then stops. Writes submitted after this are refused.
     *
     * <p>Whatever the caller's interrupt: closing ran on interrupted threads too (a shutdown path that was
     * interrupted, an executor shut down with {@code shutdownNow}), where the stop's {@code put} was
     * refused at once and the writer's non-daemon thread, with its connection, ran on for the life of the
     * process. An interrupt now neither cuts the waits short nor is lost: it is set again on return.
     * The whole close waits at most {@value #SUBMIT_TIMEOUT_SECONDS} s, as a write does.
     */
    @Override
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SUBMIT_TIMEOUT_SECONDS);
        queueStop(deadline);
        Uninterruptibles.joinUninterruptibly(thread, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        if (thread.isAlive()) {
            log.warn("The storage writer did not stop within {} s; it stops once it has worked through its queue", SUBMIT_TIMEOUT_SECONDS);
        }
    }

    /**
     * Queues {@link #STOP} behind the writes already queued, waiting past interrupts for room until the
     * deadline. Not an uninterruptible {@code put}: on a full queue behind a commit that hangs, that would
     * wait as long as the commit, and the close is bounded. Should no room come in time, the writer stops
     * on its own once it finds the queue empty after {@link #closed} ({@link #loop}).
     */
    private void queueStop(long deadline) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    queue.offer(STOP, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return;
                }
                catch (InterruptedException e) {
                    // The flag is clear now: the next offer waits as it should. Set again below.
                    interrupted = true;
                }
            }
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
