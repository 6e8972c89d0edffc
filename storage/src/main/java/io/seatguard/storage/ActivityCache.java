package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import io.seatguard.core.account.AccountActivity;
import io.seatguard.core.account.ActivityReader;
import io.seatguard.core.account.LocatedEvent;
import io.seatguard.core.evaluation.ConsumeOutcome;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.evaluation.EvaluationStore;
import io.seatguard.core.evaluation.EvaluationWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A per-process cache of each account's recent activity (the last located event, the countries it was
 * ever placed in, its events of the last day), and how many accounts share a fingerprint, so the network
 * and history checks of a returning account's evaluation read nothing (issue 4's "next step" in docs/benchmarks.md: those reads
 * were a sixth of the server's CPU).
 *
 * <p>Why it is exact: like {@link AccountStateCache}, it is used only with the embedded store, where
 * every write passes through {@link #record} after its commit. An entry is loaded inside the cache's
 * atomic compute and a write updates it with {@code computeIfPresent} on the same key, so a write that
 * commits while its account is being loaded waits for the load and is then added; an event the load
 * already saw is recognised by its evaluation id and not counted twice. A read is answered from memory
 * only when it asks about a moment after the newest event the entry knows (an evaluation backdated with
 * {@code timestamp} reads the database), and only for windows of at most a day. Countries are kept with
 * the latest event in each, so "seen before" and "countries of the day" need no list of events. Pruning by retention
 * clears the cache ({@link #forgetAll}); erasing an account drops its entry ({@link #forget}).
 *
 * <p>Bounds: {@link #MAX_ACCOUNTS} accounts, least recently used first out; an account with more than
 * {@link #MAX_RECENT} events in a day has its velocity window counted by the database (one index range
 * over the window); everything else about it is still answered from memory, because an account that
 * busy is the one under attack, and reading its whole day or history on each evaluation made every
 * attempt slower than the last.
 */
public final class ActivityCache implements ActivityReader, EvaluationStore {
    static final int MAX_ACCOUNTS = 200_000;
    static final int MAX_RECENT = 512;
    private static final Duration DAY = Duration.ofHours(24);

    /** One event of the last day: its evaluation id (to recognise it twice) and time. */
    record Recent(String id, Instant at) {}

    /** What the database holds for an account when it is loaded; {@code countries} with the latest event in each. */
    record Snapshot(Optional<Instant> newest, Optional<LocatedEvent> lastLocated, Map<String, Instant> countries, List<Recent> recent) {
        static final Snapshot EMPTY = new Snapshot(Optional.empty(), Optional.empty(), Map.of(), List.of());
    }

    /** One account's activity; guarded by its own monitor. */
    private static final class Entry {
        Instant newest = Instant.MIN;
        Optional<LocatedEvent> lastLocated = Optional.empty();
        /** Every country the account was placed in, and when it last was: "seen before" and "countries of the day". */
        final Map<String, Instant> countries = new HashMap<>();
        /** Events from a day before the newest on, oldest first: the velocity window's count. */
        final ArrayDeque<Recent> recent = new ArrayDeque<>();
        /** More events in a day than kept: the velocity window is counted by the database. */
        boolean overflow;

        Entry(Snapshot snapshot) {
            snapshot.newest().ifPresent(at -> newest = at);
            lastLocated = snapshot.lastLocated();
            countries.putAll(snapshot.countries());
            recent.addAll(snapshot.recent());
            overflow = snapshot.recent().size() > MAX_RECENT;
        }

        void add(String id, Instant at, Optional<String> country, Optional<LocatedEvent> located) {
            country.ifPresent(c -> countries.merge(c, at, (known, added) -> added.isAfter(known) ? added : known));
            located.filter(event -> lastLocated.map(known -> event.at().isAfter(known.at())).orElse(true)).ifPresent(event -> lastLocated = located);
            if (overflow) {
                newest = at.isAfter(newest) ? at : newest;
                return;
            }
            if (recent.stream().anyMatch(event -> event.id().equals(id))) {
                return;
            }
            if (at.isAfter(newest)) {
                newest = at;
            }
            if (at.isBefore(newest.minus(DAY))) {
                return;
            }
            // Kept in time order: a write is almost always the newest, so this walks at most a step or two.
            ArrayDeque<Recent> later = new ArrayDeque<>();
            while (!recent.isEmpty() && recent.peekLast().at().isAfter(at)) {
                later.addFirst(recent.pollLast());
            }
            recent.addLast(new Recent(id, at));
            recent.addAll(later);
            while (!recent.isEmpty() && recent.peekFirst().at().isBefore(newest.minus(DAY))) {
                recent.pollFirst();
            }
            overflow = recent.size() > MAX_RECENT;
        }
    }

    private final SqlActivityReader reader;
    private final EvaluationStore evaluations;
    private final KnownKeys known;
    private final Cache<String, Entry> byAccount = CacheBuilders.bounded(MAX_ACCOUNTS).build();
    /**
     * Accounts per fingerprint, as the database counts them; dropped after every write that may link an
     * account to the fingerprint (at most once per {@link io.seatguard.core.evaluation.WriteThrottle#RESOLUTION} for each account and fingerprint).
     */
    private final Cache<String, Long> accountsByFingerprint = CacheBuilders.bounded(MAX_ACCOUNTS).build();

    /**
     * The cache in front of this reader; {@code known} must be the one the store's writes add their keys
     * to (the {@link AccountStateCache} beneath), so an account or fingerprint never written reads nothing.
     */
    public ActivityCache(SqlActivityReader reader, EvaluationStore evaluations, KnownKeys known) {
        this.reader = requireNonNull(reader, "reader is null");
        this.evaluations = requireNonNull(evaluations, "evaluations is null");
        this.known = requireNonNull(known, "known is null");
    }

    @Override
    public AccountActivity read(String appId, String userId, Optional<String> country, Optional<String> fingerprintId, Instant at,
            Duration velocityWindow) {
        if (velocityWindow.compareTo(DAY) > 0) {
            return reader.read(appId, userId, country, fingerprintId, at, velocityWindow);
        }
        Entry entry = byAccount.get(key(appId, userId),
                k -> new Entry(known.mayHaveUser(appId, userId) ? reader.snapshot(appId, userId, MAX_RECENT) : Snapshot.EMPTY));
        Optional<LocatedEvent> lastLocated;
        boolean seenBefore;
        Set<String> countries24h = new HashSet<>();
        long inWindow = 0;
        boolean countInDatabase;
        synchronized (entry) {
            if (!at.isAfter(entry.newest)) {
                return reader.read(appId, userId, country, fingerprintId, at, velocityWindow);
            }
            // As the database reads it: within the travel horizon only.
            Instant horizon = at.minus(reader.locatedHorizon());
            lastLocated = entry.lastLocated.filter(event -> !event.at().isBefore(horizon));
            seenBefore = country.map(entry.countries::containsKey).orElse(false);
            Instant dayStart = at.minus(DAY);
            entry.countries.forEach((placed, latest) -> {
                if (!latest.isBefore(dayStart)) {
                    countries24h.add(placed);
                }
            });
            countInDatabase = entry.overflow;
            if (!countInDatabase) {
                Instant windowStart = at.minus(velocityWindow);
                for (Recent event : entry.recent) {
                    if (!event.at().isBefore(windowStart)) {
                        inWindow++;
                    }
                }
                // As the database counts: up to its limit.
                inWindow = Math.min(inWindow, reader.eventCountLimit());
            }
        }
        if (countInDatabase) {
            // A busy account (an attack on it, say): one index range over the window, not its whole day or
            // history; and its located event among its latest, as the database looks for it (SqlActivityReader).
            SqlActivityReader.BusyAccount busy = reader.busyAccount(appId, userId, at, velocityWindow);
            inWindow = busy.inWindow();
            lastLocated = busy.lastLocated();
        }
        OptionalLong fingerprintUsers = fingerprintId.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(accountsSharing(appId, fingerprintId.get()));
        // Never "up to date" from memory: a copy of the country's row here could drift from the table when
        // two evaluations of the account commit together and are added here in the other order, so these
        // evaluations run the upsert, whose own condition then leaves a current row alone.
        return new AccountActivity(lastLocated, country.map(c -> seenBefore), Optional.of(countries24h), OptionalLong.of(inWindow), fingerprintUsers,
                false);
    }

    @Override
    public OptionalLong accountsOnFingerprint(String appId, String fingerprintId) {
        return OptionalLong.of(accountsSharing(appId, fingerprintId));
    }

    /** A fingerprint never written has no account; a known one is counted once, then kept until a write may change it. */
    private long accountsSharing(String appId, String fingerprintId) {
        if (!known.mayHaveFingerprint(appId, fingerprintId)) {
            return 0;
        }
        return accountsByFingerprint.get(key(appId, fingerprintId), k -> reader.fingerprintUsers(appId, fingerprintId));
    }

    @Override
    public void record(EvaluationWrite write) {
        evaluations.record(write);
        Evaluation evaluation = write.evaluation();
        Optional<String> user = evaluation.user().id();
        if (user.isEmpty()) {
            return;
        }
        if (write.touches().fingerprint()) {
            // After the commit: a count being loaded now waits for this removal, so nothing older survives it.
            write.device().fingerprintId().ifPresent(fp -> accountsByFingerprint.invalidate(key(evaluation.appId(), fp)));
        }
        Optional<LocatedEvent> located = write.place().coordinates().map(point -> new LocatedEvent(evaluation.createdAt(), point));
        byAccount.asMap().computeIfPresent(key(evaluation.appId(), user.get()), (k, entry) -> {
            synchronized (entry) {
                entry.add(evaluation.id(), evaluation.createdAt(), write.place().country(), located);
            }
            return entry;
        });
    }

    @Override
    public Optional<Evaluation> find(String appId, String evaluationId) {
        return evaluations.find(appId, evaluationId);
    }

    @Override
    public ConsumeOutcome consume(String appId, String evaluationId, Instant at) {
        return evaluations.consume(appId, evaluationId, at);
    }

    /** Drops an account's entry (the account was erased). */
    public void forget(String appId, String userId) {
        byAccount.invalidate(key(appId, userId));
        // Its fingerprints no longer count it; erasure is rare, so every count goes rather than each of its.
        accountsByFingerprint.invalidateAll();
    }

    /** Drops every entry (old evaluations were pruned, so what an account was "ever" seen doing may have changed). */
    public void forgetAll() {
        byAccount.invalidateAll();
        accountsByFingerprint.invalidateAll();
    }

    private static String key(String appId, String userId) {
        return appId + '\u0000' + userId;
    }
}
