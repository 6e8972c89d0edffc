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
 * The first run is at once: it fetches the URL lists, which the server's start leaves to this thread
 * so that a slow list server cannot hold the start up.
 */
public final class IntelRefresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IntelRefresher.class);

    private final ScheduledExecutorService scheduler;

    public IntelRefresher(IpIntelService service, Duration every) {
        this(requireNonNull(service, "service is null")::refresh, every);
    }

    /** Runs {@code refresh} at once, then {@code every} after each run ends. */
    IntelRefresher(Runnable refresh, Duration every) {
        requireNonNull(refresh, "refresh is null");
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "seatguard-ip-data-refresh");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                refresh.run();
            }
            catch (Throwable e) {
                // Whatever escapes (an OutOfMemoryError from a huge list, say) is logged and the schedule
                // kept: a scheduled task that throws is never run again, which would freeze the data for
                // good without a word.
                LOG.error("IP data refresh failed; the next one runs as scheduled", e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
