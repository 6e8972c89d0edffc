package io.seatguard.server;

/**
 * Told how each message Seatguard sent out went (a verification code, an owner notice, a webhook try),
 * so that metrics can count failures an operator must hear about: codes that never leave mean people
 * who cannot log in, and they fail on the request's path where only the log saw them before.
 */
@FunctionalInterface
public interface SendOutcomes {
    /** Counts nothing (tests and tools that send without a server around them). */
    SendOutcomes NONE = (kind, channel, delivered) -> {};

    /**
     * @param kind {@code code}, {@code notice} or {@code webhook}
     * @param channel {@code email}, {@code sms} or {@code http}
     * @param delivered whether the provider or receiver took it
     */
    void sent(String kind, String channel, boolean delivered);

    /**
     * A message handed over in full whose answer never came (a timeout after the whole request or mail was
     * sent): it may have been delivered or not. Counted apart, as neither: a failure's code is undone, such
     * a code is kept, and an alert on failures must not hide that codes may be arriving late.
     */
    default void uncertain(String kind, String channel) {}

    /**
     * A message given up before it was tried: an owner notice that its full queue had no room for. Counted
     * apart from failures, which are the provider's: a drop is this node's, under a flood of notices.
     */
    default void dropped(String kind, String channel) {}
}
