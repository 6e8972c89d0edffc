package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A data source whose next request for a connection, once armed, is held until released: a maintenance
 * pass (the checkpointer's, the statistics keeper's) caught in progress, for tests of closing it on an
 * interrupted thread. The held request waits past interrupts, noting whether one came.
 */
final class HeldConnectionRequest {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicBoolean returned = new AtomicBoolean();
    private final AtomicBoolean interrupted = new AtomicBoolean();

    /** What a close on an interrupted thread did to the pass it met. */
    record Outcome(boolean closeWaitedForThePass, boolean passInterrupted, boolean interruptKept) {}

    /** Requests go to {@code real} (null: fail) except the one held once {@link #arm()}ed. */
    DataSource around(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
            if (method.getName().equals("getConnection") && armed.compareAndSet(true, false)) {
                hold();
                if (real == null) {
                    throw new java.sql.SQLException("the held request ends without a connection");
                }
            }
            try {
                return method.invoke(real, args);
            }
            catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    void arm() {
        armed.set(true);
    }

    /**
     * Waits for the held request, closes {@code maintenance} on a thread whose interrupt is set, and
     * releases the request once the close waits (or has returned without waiting).
     */
    Outcome closeOnAnInterruptedThread(AutoCloseable maintenance) throws Exception {
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("a pass under way").isTrue();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Thread closer = Thread.ofPlatform().name("interrupted-closer").start(() -> {
            Thread.currentThread().interrupt();
            try {
                maintenance.close();
                outcome.complete(new Outcome(returned.get(), interrupted.get(), Thread.currentThread().isInterrupted()));
            }
            catch (Throwable e) {
                outcome.completeExceptionally(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (closer.isAlive() && closer.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime() - deadline).as("the close waiting").isNegative();
            Thread.onSpinWait();
        }
        release.countDown();
        return outcome.get(30, TimeUnit.SECONDS);
    }

    private void hold() {
        entered.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                release.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                break;
            }
            catch (InterruptedException e) {
                interrupted.set(true);
            }
        }
        returned.set(true);
    }
}
