package io.seatguard.core.operator;

import java.time.Duration;
import java.time.Instant;

/**
 * Back-off after failed sign-ins, counted per email <em>and</em> client: five free tries, then a wait
 * that doubles from one minute up to an hour. Keyed by both, so someone guessing from one place can
 * never lock an operator (let alone all of them) out from everywhere else.
 *
 * <p>A client is one IPv4 address, or one IPv6 /64: a single subscriber's line gets a whole /64 and can
 * take a new address in it for every try, so counting addresses would give it 2^64 × five tries.
 *
 * <p>Guessing from many clients at once meets a ceiling per email: {@link #EMAIL_CEILING} failures within
 * the hour, from wherever, and the email waits out the rest of the hour everywhere. That is the one way
 * others can keep an operator out (for an hour at most, the price of bounding a distributed guesser);
 * {@code ./seatguard operators create} on the store is always a way in.
 */
public final class SignInLockout {
    public static final int FREE_TRIES = 5;
    /** Failed sign-ins of one email within {@link #WINDOW} from all clients together, after which it waits. */
    public static final int EMAIL_CEILING = 20;
    public static final Duration WINDOW = Duration.ofHours(1);
    static final Duration MAX_WAIT = Duration.ofHours(1);

    private SignInLockout() {}

    /** The back-off after {@code failures} recent failures from one client, counted from the latest; zero when none is due. */
    public static Duration backOff(int failures) {
        if (failures < FREE_TRIES) {
            return Duration.ZERO;
        }
        long minutes = 1L << Math.min(10, failures - FREE_TRIES);
        Duration wait = Duration.ofMinutes(minutes);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /**
     * How long from {@code now} until the next try: the client's back-off counted from its latest
     * failure, or, past the email's ceiling, until the email's oldest counted failure leaves the window;
     * zero when a try may be made now. Counting the back-off from the latest failure is what lets it
     * end: judged by the count alone, a client told "one minute" stayed locked until the hour had passed.
     */
    public static Duration waitAfter(OperatorStore.Failures failures, Instant now) {
        Duration wait = clientWait(failures, now);
        if (failures.forEmail() >= EMAIL_CEILING) {
            Duration ceiling = failures.oldestForEmail().map(oldest -> remaining(oldest.plus(WINDOW), now)).orElse(WINDOW);
            wait = ceiling.compareTo(wait) > 0 ? ceiling : wait;
        }
        return wait;
    }

    /** Whether the email's ceiling, rather than this client's back-off, is what keeps it waiting. */
    public static boolean waitsForEmail(OperatorStore.Failures failures, Instant now) {
        return clientWait(failures, now).isZero() && !waitAfter(failures, now).isZero();
    }

    /** This client's own back-off left at {@code now}, counted from its latest failure. */
    private static Duration clientWait(OperatorStore.Failures failures, Instant now) {
        return failures.latestFromClient().map(latest -> remaining(latest.plus(backOff(failures.fromClient())), now)).orElse(Duration.ZERO);
    }

    private static Duration remaining(Instant until, Instant now) {
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }
}
