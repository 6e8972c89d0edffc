package io.seatguard.server;

import io.seatguard.core.history.AccountRecords;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes evaluations older than the retention (default 90 days), and devices no account links and no
 * kept evaluation names that were last seen before it, a minute after start and then every
 * six hours. Every node may run it: deleting what another node already deleted deletes nothing.
 */
final class RetentionPruner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RetentionPruner.class);
    static final Duration FIRST_RUN = Duration.ofMinutes(1);
    static final Duration PERIOD = Duration.ofHours(6);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "seatguard-retention");
        thread.setDaemon(true);
        return thread;
    });

    private final Runnable pass;

    /** @param afterPrune runs after a pass that deleted something (caches of "ever seen" facts drop what they knew) */
    RetentionPruner(AccountRecords records, int retentionDays, InstantSource clock, Runnable afterPrune) {
        if (retentionDays == 0) {
            this.pass = () -> {};
            return;
        }
        this.pass = () -> prune(records, clock.instant().minus(Duration.ofDays(retentionDays)), afterPrune);
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                pass.run();
            }
            catch (RuntimeException e) {
                log.warn("Retention pruning failed; it runs again in {} hours: {}", PERIOD.toHours(), e.getMessage());
            }
        }, FIRST_RUN.toSeconds(), PERIOD.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * One pass now, on the caller's thread, as the schedule runs it (nothing when the retention is 0):
     * for a test that moves the server's clock and cannot wait for the schedule's first minute.
     */
    void passNow() {
        pass.run();
    }

    /**
     * One pass: evaluations, then the devices no account links and no evaluation left names; {@code afterPrune} runs if either deleted
     * anything (a pass may find only devices, once their evaluations went in an earlier one).
     */
    static void prune(AccountRecords records, Instant cutoff, Runnable afterPrune) {
        int pruned = records.pruneBefore(cutoff);
        int devices = records.pruneDevicesBefore(cutoff);
        if (pruned > 0 || devices > 0) {
            afterPrune.run();
            log.info("Retention: deleted {} evaluations recorded, and {} devices no account links or kept evaluation names last seen, before {}", pruned, devices, cutoff);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
