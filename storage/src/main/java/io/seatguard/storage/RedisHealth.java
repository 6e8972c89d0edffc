package io.seatguard.storage;

/** How one Redis link is doing, for {@code /readyz} and {@code /metrics}. */
public interface RedisHealth {
    /**
     * Whether commands go through now, by what the link knows without asking Redis: its connection is
     * open and no command has timed out since Redis last answered (no I/O, so a metrics scrape or
     * {@code /readyz} can read it without waiting on a silent Redis). While a command has, the link asks
     * Redis itself every {@link RedisLink#PROBE_INTERVAL}, so this turns true again within about that
     * long after Redis answers, even when nothing else uses the link.
     */
    boolean isConnected();
}
