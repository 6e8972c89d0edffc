package io.seatguard.core.testing;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.evaluation.EvaluationStore;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the first {@code racers} writes until all of them have arrived, then lets them through together,
 * for race tests: every racer has resolved its device before any of them writes, which a server under
 * load only sometimes gets to see. Later writes (a racer's retry) pass at once. One gate may hold the
 * writes of several stores (nodes sharing a database).
 */
public final class HeldFirstWrites {
    private static final long ARRIVAL_TIMEOUT_SECONDS = 30;

    private final int racers;
    private final CountDownLatch arrived;

    public HeldFirstWrites(int racers) {
        this.racers = racers;
        this.arrived = new CountDownLatch(racers);
    }

    /** {@code store}, its writes held by this gate. */
    public EvaluationStore over(EvaluationStore store) {
        requireNonNull(store, "store is null");
        return BeforeEachWrite.of(store, write -> awaitTheOthers());
    }

    private void awaitTheOthers() {
        arrived.countDown();
        try {
            if (!arrived.await(ARRIVAL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                // Without all of them the race was not staged, and a pass would prove nothing.
                throw new IllegalStateException("only " + (racers - arrived.getCount()) + " of " + racers + " racing writes arrived");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding a racing write", e);
        }
    }
}
