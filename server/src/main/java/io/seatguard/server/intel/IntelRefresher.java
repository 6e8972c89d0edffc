package io.seatguard.server.intel;

import static java.util.Objects.requireNonNull;

import io.seatguard.intel.ip.IpIntelService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads IP intelligence sources on a schedule, so new lists and databases take effect without a
 * restart. One daemon thread; a failing source is logged by the service and keeps its previous data.
 */
public final class IntelRefresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IntelRefresher.class);

    private final ScheduledExecutorService scheduler;

    public IntelRefresher(IpIntelService service, Duration every) {
        requireNonNull(service, "service is null");
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "seatguard-ip-data-refresh");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                service.refresh();
            }
            catch (RuntimeException e) {
                LOG.warn("IP data refresh failed", e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
