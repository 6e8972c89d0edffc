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
 *
 * <p>One client trying many emails meets a ceiling of its own: {@link #CLIENT_CEILING} failures within the
 * hour, of any emails, and that client waits until the oldest of them leaves the hour, whatever email it
 * tries next. Each try costs a memory-hard hash (an unknown email too, so that its answer takes as long),
 * and only a few run at once: without it one client trying a new email each time made every hash wait
 * and kept every operator out. It holds only that client; others sign in as before.
 */
public final class SignInLockout {
    public static final int FREE_TRIES = 5;
    /** Failed sign-ins of one email within {@link #WINDOW} from all clients together, after which it waits. */
    public static final int EMAIL_CEILING = 20;
    /**
     * Failed sign-ins of any emails within {@link #WINDOW} from one client, after which it waits: ten
     * times the free tries, room for a few people behind one address who mistype, and a few seconds of one
     * core's hashing an hour.
     */
    public static final int CLIENT_CEILING = 50;
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
     * failure, or, past the email's ceiling (or the client's), until the email's (or the client's) oldest
     * counted failure leaves the window; zero when a try may be made now. Counting the back-off from the latest failure is what lets it
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

    /** Whether the email's ceiling, rather than this client's back-off or ceiling, is what keeps it waiting. */
    public static boolean waitsForEmail(OperatorStore.Failures failures, Instant now) {
        return clientWait(failures, now).isZero() && !waitAfter(failures, now).isZero();
    }

    /**
     * This client's own wait left at {@code now}: its back-off for this email, counted from its latest
     * failure, or past its ceiling of all emails, until the oldest of those leaves the window.
     */
    private static Duration clientWait(OperatorStore.Failures failures, Instant now) {
        Duration wait = failures.latestFromClient().map(latest -> remaining(latest.plus(backOff(failures.fromClient())), now)).orElse(Duration.ZERO);
        if (failures.fromClientOfAnyEmail() >= CLIENT_CEILING) {
            Duration ceiling = failures.oldestFromClientOfAnyEmail().map(oldest -> remaining(oldest.plus(WINDOW), now)).orElse(WINDOW);
            wait = ceiling.compareTo(wait) > 0 ? ceiling : wait;
        }
        return wait;
    }

    private static Duration remaining(Instant until, Instant now) {
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }
}
