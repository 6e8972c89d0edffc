package io.seatguard.storage;

/** How one Redis link is doing, for {@code /readyz} and {@code /metrics}. */
public interface RedisHealth {
    /**
     * Whether commands go through now, by what the link knows without asking Redis: its connection is
     * open and no command has just timed out (no I/O, so a metrics scrape can read it).
     */
    boolean isConnected();
}
