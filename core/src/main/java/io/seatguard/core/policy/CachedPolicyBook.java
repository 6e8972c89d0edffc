package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An app's policies and lists kept in memory, so an evaluation costs no policy query. At most once per
 * {@code maxAge} the app's change counter is read (one indexed row), and the app is read again only when
 * it moved. A change made through this node is read before the write that made it answers
 * ({@link #forget}), so it applies to the next evaluation; a change made through another node is seen
 * here within {@code maxAge}, once the reload it causes has finished.
 *
 * <p>A reload compiles only the lists that changed: each list is kept compiled under its
 * {@link ListStamp}, and one whose stamp still reads the same is taken as it is. Compiling every list of
 * the app again after any change (up to 100 of 100,000 values each) held every evaluation of the app for
 * seconds, on every node, after one value was removed from one list.
 *
 * <p>One reload per app at a time, and the app's other evaluations do not wait for it: they are answered
 * with the policies and lists read before (they run alongside a write that has not answered yet, or
 * alongside the reading of another node's change, which applies once read). Only with nothing read yet,
 * or after a reload of this node's change failed, do they wait. A reload that started before a
 * {@link #forget} is not waited for by evaluations that come after it. Two changes through this node at
 * once: the first one's reload is not kept (it may have read before the second), so until the second's
 * is, evaluations wait for it rather than answer without the first change, whose write has answered.
 */
public final class CachedPolicyBook implements PolicyBook {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(2);

    /** A list compiled for the stamp it had when it was read. */
    private record Compiled(ListStamp stamp, ListMatcher matcher) {}

    /**
     * @param changedHere a change was made through this node after these policies were read: they may not
     *     answer an evaluation before the counter is read again
     * @param forgetsSeen how many times the app had been forgotten when this read began: it holds every
     *     change made through this node up to that one
     * @param lists by list id
     */
    private record Entry(AppPolicies policies, long version, Instant checkedAt, boolean changedHere, long forgetsSeen, Map<String, Compiled> lists) {
        Entry markedChanged() {
            return new Entry(policies, version, checkedAt, true, forgetsSeen, lists);
        }
    }

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
        if (entry != null && !entry.changedHere() && clock.instant().isBefore(entry.checkedAt().plus(maxAge))) {
            return entry.policies();
        }
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = refreshing.putIfAbsent(appId, mine);
        if (running != null) {
            return entry != null && !entry.changedHere() ? entry.policies() : awaited(running).policies();
        }
        return refreshAs(appId, mine).policies();
    }

    /** Runs a refresh registered as {@code mine}: evaluations arriving meanwhile find it in {@link #refreshing}. */
    private Entry refreshAs(String appId, CompletableFuture<Entry> mine) {
        try {
            Entry fresh = refresh(appId);
            mine.complete(fresh);
            return fresh;
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
        // Read before the policies and lists: what they read is then at least as new as this version.
        long version = policies.version(appId);
        Entry fresh = entry != null && entry.version() == version
                ? new Entry(entry.policies(), version, now, false, forgotten, entry.lists())
                : reread(appId, version, now, forgotten, entry == null ? Map.of() : entry.lists());
        // Kept only if no change was made through this node while this read ran: a read from before a
        // change must not put the old policies back over what forget() read ("applies to the next
        // evaluation"). This request still answers with what it read; it started before the change.
        entries.compute(appId, (key, current) -> forgets(appId).get() == forgotten ? fresh : current);
        return fresh;
    }

    /** The app's policies, and its lists compiled anew only where their stamp moved since {@code before}. */
    private Entry reread(String appId, long version, Instant now, long forgotten, Map<String, Compiled> before) {
        List<Policy> read = policies.list(appId);
        Map<String, Compiled> compiled = new LinkedHashMap<>();
        for (ListStamp stamp : lists.stamps(appId)) {
            Compiled kept = before.get(stamp.id());
            if (kept != null && kept.stamp().equals(stamp)) {
                compiled.put(stamp.id(), kept);
            }
            else {
                // A list deleted since its stamp was read is left out; its delete moved the version, read next time.
                lists.matcher(appId, stamp.id()).ifPresent(matcher -> compiled.put(stamp.id(), new Compiled(stamp, matcher)));
            }
        }
        Map<ListStamp, ListMatcher> matchers = new LinkedHashMap<>();
        compiled.values().forEach(list -> matchers.put(list.stamp(), list.matcher()));
        return new Entry(AppPolicies.compiled(read, matchers), version, now, false, forgotten, Map.copyOf(compiled));
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

    /**
     * Reads an app's policies and lists again after a change made through this node, before the write
     * that made it answers: evaluations from then on see the change, and those arriving meanwhile (alongside
     * a write not yet answered) are answered with what was read before instead of waiting. Lists whose
     * stamp did not move stay compiled, and a write that changed nothing (it moved no counter) costs one
     * row. An app never read here is left to its first evaluation.
     */
    public void forget(String appId) {
        long mine = forgets(appId).incrementAndGet();
        if (!entries.containsKey(appId)) {
            // A first read already running may have read before the change: later evaluations start their own.
            refreshing.remove(appId);
            return;
        }
        CompletableFuture<Entry> running = new CompletableFuture<>();
        // Replaces a refresh that may have read before the change, so that no evaluation waits for that one.
        refreshing.put(appId, running);
        try {
            refreshAs(appId, running);
            // A change made here meanwhile kept this read out (it may have read before that change), and that
            // change's own read may not have finished: until one holding this change is kept, evaluations wait
            // for the read running, as this write is about to answer (found in review: they were answered
            // with what was read before either change).
            entries.computeIfPresent(appId, (key, entry) -> entry.forgetsSeen() < mine ? entry.markedChanged() : entry);
        }
        catch (RuntimeException e) {
            // The change is stored; only reading it back failed (storage unavailable). The write still
            // answers, and the next evaluation reads the app again, waiting for it, and meets the failure itself.
            entries.computeIfPresent(appId, (key, entry) -> entry.markedChanged());
        }
    }

    private AtomicLong forgets(String appId) {
        return forgetCounts.computeIfAbsent(appId, key -> new AtomicLong());
    }
}
