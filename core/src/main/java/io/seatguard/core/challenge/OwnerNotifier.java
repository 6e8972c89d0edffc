package io.seatguard.core.challenge;

/**
 * Port: tells an account's owner about a device. The adapter sends at most one notice per account and
 * device, rate limits them per account, and never slows or fails the evaluation that asked.
 */
public interface OwnerNotifier {
    OwnerNotifier NONE = notice -> {};

    void notify(OwnerNotice notice);
}
