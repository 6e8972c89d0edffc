package io.seatguard.core.setup;

/** Port: stores what a server's first start makes, once per store however many nodes start on it together. */
public interface FirstStartStore {
    /**
     * Stores each part of {@code plan} the store lacks, in one transaction that first takes the store's
     * first-start lock: nodes starting together on one database store their plans one after the other,
     * and each finds what the one before stored. So no part is stored twice, and a call stores all it
     * stores or nothing.
     *
     * @return the parts of {@code plan} this call stored
     */
    FirstStartPlan storeMissing(FirstStartPlan plan);
}
