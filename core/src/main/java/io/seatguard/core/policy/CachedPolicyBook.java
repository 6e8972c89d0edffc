package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An app's policies and lists kept in memory, so an evaluation costs no policy query. At most once per
 * {@code maxAge} the app's change counter is read (one indexed row) and the policies and lists are read
 * again only when it moved. A change made through this node is seen at once ({@link #forget}); a change
 * made through another node is seen here within {@code maxAge}.
 */
public final class CachedPolicyBook implements PolicyBook {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(2);

    private record Entry(AppPolicies policies, long version, Instant checkedAt) {}

    private final PolicyStore policies;
    private final ListStore lists;
    private final InstantSource clock;
    private final Duration maxAge;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** How many times each app's entry was forgotten: one small counter per app, kept for the process's life. */
    private final ConcurrentMap<String, AtomicLong> forgetCounts = new ConcurrentHashMap<>();

    public CachedPolicyBook(PolicyStore policies, ListStore lists, InstantSource clock, Duration maxAge) {
        this.policies = requireNonNull(policies, "policies is null");
        this.lists = requireNonNull(lists, "lists is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.maxAge = requireNonNull(maxAge, "maxAge is null");
    }

    @Override
    public AppPolicies forApp(String appId) {
        Instant now = clock.instant();
        Entry entry = entries.get(appId);
        if (entry != null && now.isBefore(entry.checkedAt().plus(maxAge))) {
            return entry.policies();
        }
        // Two threads may both look after expiry; both read the same rows, so either result is right.
        long forgotten = forgets(appId).get();
        long version = policies.version(appId);
        Entry fresh = entry != null && entry.version() == version
                ? new Entry(entry.policies(), version, now)
                : new Entry(AppPolicies.of(policies.list(appId), lists.list(appId)), version, now);
        // Kept only if no change was forgotten while this read ran: a read from before a change must not
        // put the old policies back for maxAge after forget() dropped them ("applies to the next
        // evaluation"). This request still answers with what it read; it started before the change.
        entries.compute(appId, (key, current) -> forgets(appId).get() == forgotten ? fresh : current);
        return fresh.policies();
    }

    /** Drops what is cached for an app, after a change to its policies or lists. */
    public void forget(String appId) {
        forgets(appId).incrementAndGet();
        entries.remove(appId);
    }

    private AtomicLong forgets(String appId) {
        return forgetCounts.computeIfAbsent(appId, key -> new AtomicLong());
    }
}
