package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An app's policies and lists kept in memory, so an evaluation costs no policy query. At most once per
 * {@code maxAge} the app's change counter is read (one indexed row) and the policies and lists are read
 * again only when it moved. A change made through this node is seen at once ({@link #forget}); a change
 * made through another node is seen here within {@code maxAge}.
 *
 * <p>One refresh per app at a time: the evaluations that find the entry stale while a refresh runs wait
 * for it rather than each reading and compiling every list of the app again (after a change, every
 * concurrent evaluation of a busy app would otherwise hold a copy of its lists, up to 100 of 100,000
 * values each). A refresh that started before a {@link #forget} is not waited for by evaluations that
 * come after it: they start a refresh of their own, which reads the change.
 */
public final class CachedPolicyBook implements PolicyBook {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(2);

    private record Entry(AppPolicies policies, long version, Instant checkedAt) {}

    private final PolicyStore policies;
    private final ListStore lists;
    private final InstantSource clock;
    private final Duration maxAge;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** The refresh running for each app, if one is. */
    private final ConcurrentMap<String, CompletableFuture<Entry>> refreshing = new ConcurrentHashMap<>();
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
        Entry entry = entries.get(appId);
        if (entry != null && clock.instant().isBefore(entry.checkedAt().plus(maxAge))) {
            return entry.policies();
        }
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = refreshing.putIfAbsent(appId, mine);
        if (running != null) {
            return awaited(running).policies();
        }
        try {
            Entry fresh = refresh(appId);
            mine.complete(fresh);
            return fresh.policies();
        }
        catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
        finally {
            refreshing.remove(appId, mine);
        }
    }

    private Entry refresh(String appId) {
        Instant now = clock.instant();
        Entry entry = entries.get(appId);
        long forgotten = forgets(appId).get();
        long version = policies.version(appId);
        Entry fresh = entry != null && entry.version() == version
                ? new Entry(entry.policies(), version, now)
                : new Entry(AppPolicies.of(policies.list(appId), lists.list(appId)), version, now);
        // Kept only if no change was forgotten while this read ran: a read from before a change must not
        // put the old policies back for maxAge after forget() dropped them ("applies to the next
        // evaluation"). This request still answers with what it read; it started before the change.
        entries.compute(appId, (key, current) -> forgets(appId).get() == forgotten ? fresh : current);
        return fresh;
    }

    private static Entry awaited(CompletableFuture<Entry> refresh) {
        try {
            return refresh.join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Drops what is cached for an app, after a change to its policies or lists. */
    public void forget(String appId) {
        forgets(appId).incrementAndGet();
        entries.remove(appId);
        // A refresh already running may have read before the change: later evaluations start their own.
        refreshing.remove(appId);
    }

    private AtomicLong forgets(String appId) {
        return forgetCounts.computeIfAbsent(appId, key -> new AtomicLong());
    }
}
