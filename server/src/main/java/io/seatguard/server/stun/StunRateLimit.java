package io.seatguard.server.stun;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.storage.CacheBuilders;
import java.net.InetAddress;
import java.time.Duration;

/**
 * How many STUN answers one source gets: a token bucket per source (Bucket4j) of
 * {@link #BURST} answers, refilled at {@link #PER_SECOND} a second. UDP's source address can be forged,
 * so without a limit a flood of requests "from" a victim would have us send the victim our answers;
 * with it, one address receives at most ~{@link #PER_SECOND} small answers a second. Excess requests are
 * dropped in silence, as anything else we do not answer is.
 *
 * <p>A source is an IPv4 address, or an IPv6 address's /64 ({@link IpAddresses#clientKey}, as the browser
 * call limit counts clients): a subscriber is handed a whole /64 and can send from any of its 2^64 addresses,
 * so a bucket per IPv6 address let one machine rotate through fresh buckets and have every request answered
 * (review finding). A victim's /64 is likewise sent at most ~{@link #PER_SECOND} answers a second in all.
 *
 * <p>A browser asks once or twice per page (one request per network interface, plus retransmissions),
 * so the limit leaves room for many tabs, or several people, behind one NAT address or in one /64. Buckets are
 * kept for at most {@link #MAX_SOURCES} sources (Caffeine, bounded): a flood from forged addresses cannot grow
 * the heap, and an address that is hammered is the one the cache keeps.
 */
final class StunRateLimit {
    static final long BURST = 20;
    static final long PER_SECOND = 10;
    static final long MAX_SOURCES = 50_000;

    private final Bandwidth bandwidth;
    private final TimeMeter time;
    private final Cache<String, Bucket> bySource;

    StunRateLimit(long burst, long perSecond, long maxSources, TimeMeter time) {
        this.bandwidth = Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build();
        this.time = time;
        this.bySource = CacheBuilders.bounded(maxSources).build();
    }

    /** The server's limit, on the system's monotonic clock. */
    static StunRateLimit standard() {
        return new StunRateLimit(BURST, PER_SECOND, MAX_SOURCES, TimeMeter.SYSTEM_NANOTIME);
    }

    /** Whether {@code source} may have an answer now; takes a token of its address's (IPv4) or /64's (IPv6) when it may. */
    boolean allow(InetAddress source) {
        return bySource.get(IpAddresses.clientKey(source), ignored -> Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build()).tryConsume(1);
    }
}
