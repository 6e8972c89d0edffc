package io.seatguard.server.stun;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.seatguard.storage.CacheBuilders;
import java.net.InetAddress;
import java.time.Duration;

/**
 * How many STUN answers one source address gets: a token bucket per address (Bucket4j) of
 * {@link #BURST} answers, refilled at {@link #PER_SECOND} a second. UDP's source address can be forged,
 * so without a limit a flood of requests "from" a victim would have us send the victim our answers;
 * with it, one address receives at most ~{@link #PER_SECOND} small answers a second. Excess requests are
 * dropped in silence, as anything else we do not answer is.
 *
 * <p>A browser asks once or twice per page (one request per network interface, plus retransmissions),
 * so the limit leaves room for many tabs, or several people, behind one NAT address. Buckets are kept for
 * at most {@link #MAX_SOURCES} addresses (Caffeine, bounded): a flood from forged addresses cannot grow
 * the heap, and an address that is hammered is the one the cache keeps.
 */
final class StunRateLimit {
    static final long BURST = 20;
    static final long PER_SECOND = 10;
    static final long MAX_SOURCES = 50_000;

    private final Bandwidth bandwidth;
    private final TimeMeter time;
    private final Cache<InetAddress, Bucket> bySource;

    StunRateLimit(long burst, long perSecond, long maxSources, TimeMeter time) {
        this.bandwidth = Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build();
        this.time = time;
        this.bySource = CacheBuilders.bounded(maxSources).build();
    }

    /** The server's limit, on the system's monotonic clock. */
    static StunRateLimit standard() {
        return new StunRateLimit(BURST, PER_SECOND, MAX_SOURCES, TimeMeter.SYSTEM_NANOTIME);
    }

    /** Whether {@code source} may have an answer now; takes a token when it may. */
    boolean allow(InetAddress source) {
        return bySource.get(source, ignored -> Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build()).tryConsume(1);
    }
}
