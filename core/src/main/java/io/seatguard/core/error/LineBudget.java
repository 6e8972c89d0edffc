package io.seatguard.core.error;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * So many log lines a window, the rest counted: what keeps a log that outsiders can set off (a script's
 * refused codes, a flood of client errors) from filling the disk, while the line after a quiet spell says
 * how many were left out and over how long. The caller logs; this only keeps the count. Safe from any
 * thread; a caller that keeps more state beside it (counts by kind) calls it under its own lock as well.
 */
public final class LineBudget {
    /** Whether the line is logged and, if so, how many were left out before it and over how many seconds. */
    public record Admission(boolean logged, long leftOut, long leftOutSeconds) {
        static final Admission COUNTED = new Admission(false, 0, 0);
    }

    private final int lines;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private long windowStart;
    private int loggedInWindow;
    private long leftOut;
    private long leftOutSince;

    public LineBudget(int lines, Duration window, LongSupplier nanoTime) {
        this.lines = lines;
        this.windowNanos = window.toNanos();
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.windowStart = nanoTime.getAsLong();
    }

    /** Takes one line of this window's, or counts it when they are spent. */
    public synchronized Admission admit() {
        long now = nanoTime.getAsLong();
        if (now - windowStart >= windowNanos) {
            windowStart = now;
            loggedInWindow = 0;
        }
        if (loggedInWindow >= lines) {
            if (leftOut == 0) {
                leftOutSince = now;
            }
            leftOut++;
            return Admission.COUNTED;
        }
        loggedInWindow++;
        Admission admitted = new Admission(true, leftOut, leftOut == 0 ? 0 : Math.max(1, (now - leftOutSince + 999_999_999L) / 1_000_000_000L));
        leftOut = 0;
        return admitted;
    }
}
