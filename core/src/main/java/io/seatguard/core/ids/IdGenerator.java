package io.seatguard.core.ids;

import static java.util.Objects.requireNonNull;

import java.time.InstantSource;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Makes the ids Seatguard hands out. Evaluation ids are UUIDv7 (RFC 9562 §5.7): time-ordered, so new rows
 * land at the end of the primary-key index and history pages by id stay in time order, with 74 random
 * bits so an id cannot be guessed (seed 003 warns about guessed evaluation ids).
 */
public final class IdGenerator {
    /** The last millisecond a time-ordered id's 48-bit time can hold. */
    private static final long MAX_MILLIS = (1L << 48) - 1;
    private final InstantSource clock;
    private final RandomGenerator random;

    public IdGenerator(InstantSource clock, RandomGenerator random) {
        this.clock = requireNonNull(clock, "clock is null");
        this.random = requireNonNull(random, "random is null");
    }

    public String newTimeOrderedId() {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0fffL);
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /**
     * The smallest time-ordered id of that millisecond: ids compare as strings in time order, so
     * {@code id >= lowerBound(from) AND id < lowerBound(to)} selects what was created in {@code [from, to)}.
     * An id's time is 48 bits of milliseconds from 1970: a time before 1970 is below every id (shifted, it
     * wrapped to above them all, and "since 1960" found nothing), and one past the last millisecond (year
     * 10889) above every id (it wrapped, or overflowed toEpochMilli).
     */
    public static String lowerBound(java.time.Instant at) {
        if (at.isBefore(java.time.Instant.EPOCH)) {
            return new UUID(0L, 0L).toString();
        }
        if (at.isAfter(java.time.Instant.ofEpochMilli(MAX_MILLIS))) {
            return new UUID(-1L, -1L).toString();
        }
        return new UUID(at.toEpochMilli() << 16, 0L).toString();
    }

    /** A random (v4) UUID, for ids whose order means nothing (the device ids of simulations; the server's are time-ordered). */
    public String newRandomId() {
        long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** {@code length} characters of URL-safe base62, for keys and tokens. */
    public String newSecret(int length) {
        return newText(length, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    }

    /** {@code length} characters drawn at random from {@code alphabet}, for codes a person reads and types. */
    public String newText(int length, String alphabet) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
