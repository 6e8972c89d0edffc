package io.seatguard.storage;

import java.util.List;
import java.util.Set;

/**
 * Seatguard's own threads ({@code seatguard-…}: pools, the writer, maintenance, the server's) started
 * since a snapshot and still alive once closing has had its time: what a failed start or opening left
 * running. For the storage and server tests of failed starts.
 */
public final class ThreadsLeftBehind {
    /** How long closing threads are given to end before they count as left behind. */
    private static final long SETTLE_MILLIS = 5_000;

    private ThreadsLeftBehind() {}

    /** The names, sorted, of {@code seatguard-} threads not in {@code before} that are still alive after up to 5 s. */
    public static List<String> since(Set<Thread> before) throws InterruptedException {
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        while (true) {
            List<String> left = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> !before.contains(thread) && thread.isAlive() && thread.getName().startsWith("seatguard-"))
                    .map(Thread::getName)
                    .sorted()
                    .toList();
            if (left.isEmpty() || System.currentTimeMillis() > deadline) {
                return left;
            }
            Thread.sleep(20);
        }
    }
}
