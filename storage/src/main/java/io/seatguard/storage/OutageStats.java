package io.seatguard.storage;

/**
 * Times the database was found unreachable since start, and the calls refused at once meanwhile
 * ({@link OutageGate}): an alert on the first says the database went away, the second how many calls it cost.
 */
public record OutageStats(long outages, long refused) {}
