package io.seatguard.server.challenge;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.seatguard.storage.CacheBuilders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits on the hosted pages, beyond the challenge's own attempt count: code checks per account
 * and per client IP, code sends per account, per recipient and per client IP (token buckets,
 * Bucket4j), so guessing cannot be spread over many challenges of one account or many accounts from
 * one address, nor codes (and SMS bills) be sent without end, to one number or at all; and owner
 * notices of unsigned calls per client IP, for the same bills.
 *
 * <p>One node keeps its buckets in memory ({@link #local()}); several share them through Redis
 * ({@link RedisAttemptBuckets}), or each node would allow its own share and a cluster of N nodes N
 * times the limit. When the shared store fails, a node falls back to its own buckets rather than
 * refusing every code or letting every attempt through.
 */
public final class AttemptLimits implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AttemptLimits.class);

    /**
     * One limit: a bucket of {@code capacity} tokens that starts full and gets one back every
     * {@code period / capacity} (Bucket4j's greedy refill). A burst can spend the whole bucket and then go on
     * at the refill rate, so the first {@code period} allows up to twice {@code capacity} (docs/challenges.md
     * says so); a limit that reset once a period would allow as much at each reset, and a sliding count per
     * key costs a stored list per account where a bucket costs two numbers.
     */
    public record Limit(String name, long capacity, Duration period) {
        /** This limit as a token bucket's bandwidth, alike on every node. */
        Bandwidth bandwidth() {
            return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
        }
    }

    /** Where the buckets live: in this process, or shared. */
    public interface Buckets extends AutoCloseable {
        Bucket bucket(Limit limit, String key);

        /** Drops {@code limit}'s bucket for {@code key}, as if it had never been used (an erased account's). */
        void forget(Limit limit, String key);

        /**
         * Runs {@code work} on these buckets. Shared ones refuse at once while their store is known to be
         * unreachable, so a silent Redis costs one command timeout, not one per check.
         */
        default <T> T call(Supplier<T> work) {
            return work.get();
        }

        @Override
        default void close() {}
    }

    public static final Limit VERIFY_PER_ACCOUNT = new Limit("verify-account", 20, Duration.ofHours(1));
    public static final Limit VERIFY_PER_IP = new Limit("verify-ip", 30, Duration.ofMinutes(10));
    public static final Limit SEND_PER_ACCOUNT = new Limit("send-account", 10, Duration.ofHours(1));
    /**
     * Code sends to one email address or phone number, over all accounts of one app: a browser-mode
     * evaluation names its own email and phone, so per account alone a script could send one number a
     * paid message for every account it made up. As many as per account, so an owner with one address
     * loses nothing. Per app (the key names it), as owner notices count theirs: one app's traffic must not
     * use up the codes another app's users need.
     */
    public static final Limit SEND_PER_RECIPIENT = new Limit("send-recipient", 10, Duration.ofHours(1));
    public static final Limit SEND_PER_IP = new Limit("send-ip", 20, Duration.ofMinutes(10));
    /**
     * Owner notices for unsigned browser calls from one client address, as many as code sends: the account,
     * email and phone of such a call are the caller's word, so the caps per account and per recipient
     * ({@link OwnerNotices}) let one address have a notice sent to a new number for every account it named
     * (found in review: 60 SMS in 8 s). The server's, shared by every app, as code sends' is. Vouched
     * notices are not counted: their volume is the app's own, and a server-mode address is what the
     * backend says (its own, when it says none), which would put all of an app's notices in one bucket.
     */
    public static final Limit NOTICE_PER_IP = new Limit("notice-ip", 20, Duration.ofMinutes(10));

    private final Buckets buckets;
    private final Buckets fallback;
    private final AtomicBoolean degraded = new AtomicBoolean();

    private AttemptLimits(Buckets buckets, Buckets fallback) {
        this.buckets = requireNonNull(buckets, "buckets is null");
        this.fallback = requireNonNull(fallback, "fallback is null");
    }

    /** Limits kept by this node alone. */
    public static AttemptLimits local() {
        LocalBuckets local = new LocalBuckets();
        return new AttemptLimits(local, local);
    }

    /** Limits shared through {@code shared}, falling back to this node's own when it fails. */
    public static AttemptLimits shared(Buckets shared) {
        return new AttemptLimits(shared, new LocalBuckets());
    }

    /** One token to take: from {@code limit}'s bucket for {@code key}. */
    public record Claim(Limit limit, String key) {
        public Claim {
            requireNonNull(limit, "limit is null");
            requireNonNull(key, "key is null");
        }
    }

    /** What {@link #tryAcquire} decided. */
    public sealed interface Decision {
        /** Every token was taken; the permit gives them back if the action did not happen after all. */
        record Allowed(Permit permit) implements Decision {}

        /** One limit is spent: nothing was taken, and {@code retryAfter} is how long until it allows one more. */
        record Refused(Duration retryAfter) implements Decision {}
    }

    /**
     * The tokens one allowed action took. A send that was never tried (another request won the race)
     * gives them back, so that a double click spends nobody's limits; one the mail server or SMS provider
     * failed gives back all but the client address's ({@link #giveBackAllBut}), so an outage does not lock
     * the owner out while one address still cannot have the provider tried without end.
     */
    public static final class Permit {
        private final Buckets from;
        private final List<Claim> claims;
        private final AtomicBoolean givenBack = new AtomicBoolean();

        private Permit(Buckets from, List<Claim> claims) {
            this.from = from;
            this.claims = List.copyOf(claims);
        }

        /** Returns every token, once however often it is called; a store that fails meanwhile keeps them (logged). */
        public void giveBack() {
            giveBack(claims);
        }

        /**
         * Returns every token but those of {@code kept}'s claims: a send the provider failed was still a
         * try of the provider, which that limit bounds. Once, as {@link #giveBack()}, whichever is called.
         */
        public void giveBackAllBut(Limit kept) {
            giveBack(claims.stream().filter(claim -> !claim.limit().equals(kept)).toList());
        }

        private void giveBack(List<Claim> returned) {
            if (!givenBack.compareAndSet(false, true)) {
                return;
            }
            try {
                from.call(() -> {
                    for (Claim claim : returned) {
                        from.bucket(claim.limit(), claim.key()).addTokens(1);
                    }
                    return null;
                });
            }
            catch (RuntimeException e) {
                log.debug("attempt-limit tokens could not be given back: {}", e.toString());
            }
        }
    }

    /**
     * Takes one token from every claim's bucket, or none: a claim refused gives back the tokens the claims
     * before it took, so a refused attempt costs no limit anything.
     */
    public Decision tryAcquire(List<Claim> claims) {
        if (buckets != fallback) {
            try {
                Decision shared = buckets.call(() -> tryAcquire(buckets, claims));
                if (degraded.compareAndSet(true, false)) {
                    log.info("shared attempt limits answer again");
                }
                return shared;
            }
            catch (RuntimeException e) {
                // Once per outage, not once per attempt: a Redis outage must not flood the log.
                if (degraded.compareAndSet(false, true)) {
                    log.warn("shared attempt limits failed; this node limits on its own until they answer again: {}", e.toString());
                }
            }
        }
        return tryAcquire(fallback, claims);
    }

    private static Decision tryAcquire(Buckets from, List<Claim> claims) {
        List<Bucket> taken = new ArrayList<>();
        for (Claim claim : claims) {
            Bucket bucket = from.bucket(claim.limit(), claim.key());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                taken.forEach(earlier -> earlier.addTokens(1));
                return new Decision.Refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
            taken.add(bucket);
        }
        return new Decision.Allowed(new Permit(from, claims));
    }

    /**
     * Drops the claims' buckets, shared and this node's own: an erased account's counts, and keys that name
     * its email or phone, must not outlive it. A shared store that fails meanwhile keeps them until they
     * expire (about an hour at most, once full again; logged).
     */
    public void forget(List<Claim> claims) {
        if (buckets != fallback) {
            try {
                buckets.call(() -> {
                    claims.forEach(claim -> buckets.forget(claim.limit(), claim.key()));
                    return null;
                });
            }
            catch (RuntimeException e) {
                log.warn("an erased account's shared attempt limits could not be dropped; they expire by themselves: {}", e.toString());
            }
        }
        claims.forEach(claim -> fallback.forget(claim.limit(), claim.key()));
    }

    @Override
    public void close() {
        buckets.close();
    }

    /** This process's buckets, forgotten two hours after their last use (every limit refills within that). */
    private static final class LocalBuckets implements Buckets {
        private final Cache<String, Bucket> byKey = CacheBuilders.bounded(200_000).expireAfterAccess(Duration.ofHours(2)).build();

        @Override
        public Bucket bucket(Limit limit, String key) {
            return byKey.get(name(limit, key), ignored -> Bucket.builder().addLimit(limit.bandwidth()).build());
        }

        @Override
        public void forget(Limit limit, String key) {
            byKey.invalidate(name(limit, key));
        }

        private static String name(Limit limit, String key) {
            return limit.name() + '|' + key;
        }
    }
}
