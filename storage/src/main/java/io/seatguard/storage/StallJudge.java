package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Tells a commit that is merely slow from a database that fell silent. A commit past the stall limit used
 * to close the outage gate on its own; on a loaded PostgreSQL a large legitimate batch (an erasure's
 * thousand rows under heavy load) took longer than that, and every app's requests were refused as if the
 * database were gone (seen in CI at load 15–25). So a stall is first put to the database on a connection
 * of its own ({@code databaseAnswers}, bounded by its own timeouts): if that answers, the database is
 * busy, not gone, and the commit may go on (its own socket timeout still bounds it).
 *
 * <p>One probe at a time: callers that look meanwhile are told "not stalled" and look again on their next
 * watch, as are callers within {@link #TRUSTED_FOR_NANOS} of an answer. A probe that fails counts for the
 * rest of the batch it was asked about.
 */
final class StallJudge {
    /** How long an answer to a probe vouches for the database. */
    static final long TRUSTED_FOR_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final BooleanSupplier databaseAnswers;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile long answeredAt;
    private volatile boolean answered;
    /** The start ({@link System#nanoTime}) of the batch a failed probe was about; {@link #silentBatch} true when set. */
    private volatile long silentBatchStartedAt;
    private volatile boolean silentBatch;

    /** @param databaseAnswers whether the database answers a trivial statement now, within a few seconds; never throws */
    StallJudge(BooleanSupplier databaseAnswers) {
        this.databaseAnswers = requireNonNull(databaseAnswers, "databaseAnswers is null");
    }

    /** A judge that never asks: every stall is silence (tests of the gate itself, and no probe to ask). */
    static StallJudge silenceAlways() {
        return new StallJudge(() -> false);
    }

    /** Whether the batch that started at {@code batchStartedAt}, past the stall limit now, is waiting on a silent database. */
    boolean silent(long batchStartedAt) {
        if (silentBatch && silentBatchStartedAt == batchStartedAt) {
            return true;
        }
        if (answered && System.nanoTime() - answeredAt < TRUSTED_FOR_NANOS) {
            return false;
        }
        if (!probing.compareAndSet(false, true)) {
            return false;
        }
        try {
            if (databaseAnswers.getAsBoolean()) {
                answeredAt = System.nanoTime();
                answered = true;
                return false;
            }
            silentBatchStartedAt = batchStartedAt;
            silentBatch = true;
            return true;
        }
        finally {
            probing.set(false);
        }
    }
}
