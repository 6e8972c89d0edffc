package io.seatguard.server.http;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.SynchronizationStrategy;
import io.javalin.http.Context;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.storage.CacheBuilders;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many browser calls (a public client id, no secret key: browser-mode evaluate, heartbeats, session
 * ends) one client may make to one app a minute, so that whoever reads an app's client id off its pages
 * cannot write evaluations without end from one address. A client is an IPv4 address or an IPv6 /64
 * ({@link IpAddresses#clientKey}), after the trusted proxies; calls with the secret key are never counted,
 * as a backend sends everyone's calls from one address.
 *
 * <p>A token bucket per app and client (Bucket4j): {@code perMinute} calls at once, then one more every
 * {@code 60 s / perMinute}. The buckets live in this process: a shared store would cost a Redis round trip
 * on every browser call, which is more than the limit is for, so behind a load balancer a client may get
 * up to the limit on each node (docs/configuration.md says so). A bucket idle for a minute is full again
 * and is forgotten, so memory follows the clients of the last minute, up to {@link #MAX_CLIENTS}.
 *
 * <p>Calls naming a client id that is no app's are counted too, all in one bucket per client whatever ids
 * they name ({@link #countUnknownClientId}): each new id costs a read of the store, and a client whose
 * bucket is empty is refused before the next read ({@link #refuseIfUnknownClientIdsOverLimit}). One bucket
 * per client, not per id, so that walking through ids neither escapes the limit nor grows memory.
 */
final class BrowserCallLimit {
    private static final Logger log = LoggerFactory.getLogger(BrowserCallLimit.class);
    private static final Duration PERIOD = Duration.ofMinutes(1);
    /** Buckets kept at most; past it the least recently used go (a client forgotten starts full). */
    static final int MAX_CLIENTS = 200_000;
    /** The bucket key's app part for calls naming no app's client id (app ids start with {@code app_}). */
    private static final String UNKNOWN_CLIENT_ID = "(unknown client id)";
    /** A refused client is named in a warning at most this often. */
    private static final Duration WARN_EVERY = Duration.ofMinutes(10);

    private final int perMinute;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;
    private final Cache<String, Boolean> warned;

    /** @param perMinute calls a client may make to an app a minute; 0 counts nothing */
    BrowserCallLimit(int perMinute, InstantSource clock) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("perMinute must not be negative: " + perMinute);
        }
        this.perMinute = perMinute;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.buckets = CacheBuilders.bounded(MAX_CLIENTS).expireAfterAccess(PERIOD).build();
        this.warned = CacheBuilders.bounded(10_000).expireAfterWrite(WARN_EVERY).build();
    }

    /**
     * Counts one call of {@code client} to {@code appId}, or refuses it: {@code 429} with {@code Retry-After}
     * (whole seconds until the bucket holds a call again) set on {@code ctx}.
     */
    void count(Context ctx, String appId, InetAddress client) {
        Optional<Duration> wait = take(appId, client);
        if (wait.isPresent()) {
            long seconds = RetryAfter.set(ctx, wait.get());
            throw new SeatguardException(ErrorCode.RATE_LIMITED, "More than " + perMinute
                    + " browser calls a minute from this address to this app; try again in " + seconds + " s");
        }
    }

    /**
     * Counts one call of {@code client} naming a client id that is no app's, or refuses it as {@link #count}
     * does: such calls share one bucket per client, of the same size as an app's.
     */
    void countUnknownClientId(Context ctx, InetAddress client) {
        Optional<Duration> wait = take(UNKNOWN_CLIENT_ID, client);
        if (wait.isPresent()) {
            throw tooManyUnknown(ctx, wait.get());
        }
    }

    /**
     * Refuses, without taking a call, a client whose calls naming unknown client ids have emptied its
     * bucket: asked before a client id that this node does not hold is looked up in the store.
     */
    void refuseIfUnknownClientIdsOverLimit(Context ctx, InetAddress client) {
        if (perMinute == 0) {
            return;
        }
        Bucket bucket = buckets.getIfPresent(key(UNKNOWN_CLIENT_ID, client));
        if (bucket == null) {
            return;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            throw tooManyUnknown(ctx, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private SeatguardException tooManyUnknown(Context ctx, Duration wait) {
        long seconds = RetryAfter.set(ctx, wait);
        return new SeatguardException(ErrorCode.RATE_LIMITED, "More than " + perMinute
                + " browser calls a minute from this address named a client_id that is no app's; try again in " + seconds + " s");
    }

    private static String key(String appId, InetAddress client) {
        return appId + '|' + IpAddresses.clientKey(client);
    }

    /** Takes one call from the client's bucket: empty when taken, else how long until one is there. */
    Optional<Duration> take(String appId, InetAddress client) {
        if (perMinute == 0) {
            return Optional.empty();
        }
        String key = key(appId, client);
        Bucket bucket = buckets.get(key, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, PERIOD).build())
                .withCustomTimePrecision(time)
                // Updated in place under the bucket's lock, where the lock-free default copies its state on
                // every call: one client's calls rarely meet, and on the busiest route the copies add up.
                .withSynchronizationStrategy(SynchronizationStrategy.SYNCHRONIZED)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        if (warned.asMap().putIfAbsent(key, Boolean.TRUE) == null) {
            // The likely cause when it is not an attack: a proxy in front of Seatguard that is not trusted,
            // so that every browser seems to call from the proxy's address.
            log.warn("Browser calls from {} to app {} are over the limit of {} a minute and answered 429; if {} is a proxy of yours, list it in"
                    + " --trusted-proxies, or raise --browser-rate-limit", IpAddresses.clientKey(client), appId, perMinute, IpAddresses.format(client));
        }
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
