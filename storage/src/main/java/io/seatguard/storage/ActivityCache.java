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
import java.util.concurrent.atomic.AtomicLong;

/**
 * A per-process cache of each account's recent activity (the last located event, the countries it was
 * ever placed in, its events of the last day; of every evaluation and of the vouched ones), and how many accounts share a fingerprint, so the network
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
 * <p>Each account's activity is kept twice: of every evaluation, for unsigned evaluations, and of the
 * vouched ones alone (server mode, signed identity), for the evaluations vouched for, which are judged by
 * those only ({@link ActivityReader#read}). Whether the account was ever placed in a country is read from
 * every evaluation either way.
 *
 * <p>Bounds: {@link #MAX_ACCOUNTS} accounts, least recently used first out; an account with more than
 * {@link #MAX_RECENT} events in a day (vouched ones, for the vouched reads) has its velocity window
 * counted by the database (one index range over the window); everything else about it is still answered
 * from memory, because an account that busy is the one under attack, and reading its whole day or
 * history on each evaluation made every attempt slower than the last. An account flooded with unsigned
 * evaluations keeps its vouched events in memory: those are few. The latest located event is answered
 * from memory only when it is within the day kept: the database looks for it among the account's latest
 * {@link SqlActivityReader#LOCATED_EVENTS_READ} in the travel horizon, and memory can count the events
 * after it only there. A horizon longer than a day (a travel speed under ~834 km/h) may reach one older,
 * which is then read from the database.
 */
public final class ActivityCache implements ActivityReader, EvaluationStore {
    static final int MAX_ACCOUNTS = 200_000;
    static final int MAX_RECENT = 512;
    private static final Duration DAY = Duration.ofHours(24);

    /** One event of the last day: its evaluation id (to recognise it twice) and time. */
    record Recent(String id, Instant at) {}

    /**
     * What the database holds of an account's evaluations (every one, or its vouched ones) when it is
     * loaded: the latest located one, every country with the latest event there, and the events of the day
     * before the account's newest.
     */
    record History(Optional<LocatedEvent> lastLocated, Map<String, Instant> countries, List<Recent> recent) {
        static final History NONE = new History(Optional.empty(), Map.of(), List.of());

        /** An account with countries (they outlive retention) and no evaluation left. */
        static History placedOnly(Map<String, Instant> countries) {
            return new History(Optional.empty(), countries, List.of());
        }
    }

    /** What the database holds for an account when it is loaded: its newest event, and its history of every evaluation and of vouched ones. */
    record Snapshot(Optional<Instant> newest, History every, History vouched) {
        static final Snapshot EMPTY = new Snapshot(Optional.empty(), History.NONE, History.NONE);
    }

    /** One account's activity; guarded by its own monitor. */
    private static final class Entry {
        Instant newest = Instant.MIN;
        /** Of every evaluation: what unsigned evaluations are judged by, and "seen in this country before". */
        final Track every;
        /** Of the vouched evaluations: what vouched evaluations are judged by. */
        final Track vouched;

        Entry(Snapshot snapshot) {
            snapshot.newest().ifPresent(at -> newest = at);
            every = new Track(snapshot.every());
            vouched = new Track(snapshot.vouched());
        }

        void add(String id, Instant at, Optional<String> country, Optional<LocatedEvent> located, boolean isVouched) {
            if (at.isAfter(newest)) {
                newest = at;
            }
            every.add(id, at, country, located, newest);
            if (isVouched) {
                vouched.add(id, at, country, located, newest);
            }
        }
    }

    /** One account's activity of every evaluation, or of its vouched ones; guarded by its entry's monitor. */
    private static final class Track {
        Optional<LocatedEvent> lastLocated;
        /** Every country the account was placed in, and when it last was: "seen before" and "countries of the day". */
        final Map<String, Instant> countries = new HashMap<>();
        /** Events from a day before the account's newest on, oldest first: the velocity window's count. */
        final ArrayDeque<Recent> recent = new ArrayDeque<>();
        /** More events in a day than kept: the velocity window is counted by the database. */
        boolean overflow;

        Track(History history) {
            lastLocated = history.lastLocated();
            countries.putAll(history.countries());
            recent.addAll(history.recent());
            overflow = history.recent().size() > MAX_RECENT;
        }

        /** {@code newest}: the account's newest event, this one included. */
        void add(String id, Instant at, Optional<String> country, Optional<LocatedEvent> located, Instant newest) {
            country.ifPresent(c -> countries.merge(c, at, (known, added) -> added.isAfter(known) ? added : known));
            located.filter(event -> lastLocated.map(known -> event.at().isAfter(known.at())).orElse(true)).ifPresent(event -> lastLocated = located);
            if (overflow || at.isBefore(newest.minus(DAY))) {
                return;
            }
            // An event the load already saw.
            if (recent.stream().anyMatch(event -> event.id().equals(id))) {
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
     * account to the fingerprint (at most once per {@link io.seatguard.core.evaluation.WriteThrottle#RESOLUTION} for each account and fingerprint,
     * and when a vouched evaluation first shows it for the account).
     */
    private final Cache<String, Long> accountsByFingerprint = CacheBuilders.bounded(MAX_ACCOUNTS).build();
    /** The same of the accounts a vouched evaluation showed the fingerprint for, which a vouched evaluation counts; dropped with it. */
    private final Cache<String, Long> vouchedAccountsByFingerprint = CacheBuilders.bounded(MAX_ACCOUNTS).build();
    /** The most accounts of one device kept in memory ({@link #accountsOnDevice}). */
    static final int DEVICE_ACCOUNTS_KEPT = 32;
    /**
     * Each device's accounts with whether a vouched evaluation named each there, or empty for a device with
     * more than {@link #DEVICE_ACCOUNTS_KEPT}; dropped after every write of one of its rows, and with the
     * fingerprints' counts.
     */
    private final Cache<String, Optional<Map<String, Boolean>>> accountsByDevice = CacheBuilders.bounded(MAX_ACCOUNTS).build();
    /**
     * Moved before every count is dropped (an erasure, a retention pass). Caffeine's {@code invalidateAll}
     * neither waits for nor drops a count being read meanwhile, which may have read the rows just deleted
     * and would then be kept until the next write of that fingerprint; a count read while this moved is
     * not kept (found in review: an erased account went on counting on the embedded store).
     */
    private final AtomicLong countsDropped = new AtomicLong();
    /** How a count is read from the database: {@link SqlActivityReader#fingerprintUsers}, or a test's stand-in that pauses it. */
    private final FingerprintCount counter;

    /** Counts the accounts on a fingerprint in the database (of those vouched for, with {@code vouchedOnly}). */
    @FunctionalInterface
    interface FingerprintCount {
        long count(String appId, String fingerprintId, boolean vouchedOnly);
    }

    /**
     * The cache in front of this reader; {@code known} must be the one the store's writes add their keys
     * to (the {@link AccountStateCache} beneath), so an account or fingerprint never written reads nothing.
     */
    public ActivityCache(SqlActivityReader reader, EvaluationStore evaluations, KnownKeys known) {
        this(reader, evaluations, known, reader::fingerprintUsers);
    }

    /** The same, counting a fingerprint's accounts with {@code counter}: for tests of a count read across an erasure. */
    ActivityCache(SqlActivityReader reader, EvaluationStore evaluations, KnownKeys known, FingerprintCount counter) {
        this.reader = requireNonNull(reader, "reader is null");
        this.evaluations = requireNonNull(evaluations, "evaluations is null");
        this.known = requireNonNull(known, "known is null");
        this.counter = requireNonNull(counter, "counter is null");
    }

    @Override
    public AccountActivity read(String appId, String userId, Optional<String> country, Optional<String> fingerprintId, Instant at,
            Duration velocityWindow, boolean vouchedOnly) {
        if (velocityWindow.compareTo(DAY) > 0) {
            return reader.read(appId, userId, country, fingerprintId, at, velocityWindow, vouchedOnly);
        }
        Entry entry = byAccount.get(key(appId, userId),
                k -> new Entry(known.mayHaveUser(appId, userId) ? reader.snapshot(appId, userId, MAX_RECENT) : Snapshot.EMPTY));
        Optional<LocatedEvent> lastLocated;
        boolean seenBefore;
        Set<String> countries24h = new HashSet<>();
        long inWindow = 0;
        boolean countInDatabase;
        boolean locatedInDatabase;
        synchronized (entry) {
            if (!at.isAfter(entry.newest)) {
                return reader.read(appId, userId, country, fingerprintId, at, velocityWindow, vouchedOnly);
            }
            Track track = vouchedOnly ? entry.vouched : entry.every;
            // As the database reads it: within the travel horizon only.
            Instant horizon = at.minus(reader.locatedHorizon());
            lastLocated = track.lastLocated.filter(event -> !event.at().isBefore(horizon));
            // The database looks for it among the latest LOCATED_EVENTS_READ within the horizon. Every event
            // since one of the day kept here is kept too, fewer than that, so the database finds it as well;
            // before that day (a horizon longer than a day: travel speeds under ~834 km/h) more may lie after
            // it, which memory cannot count, so the database is asked.
            locatedInDatabase = lastLocated.filter(event -> event.at().isBefore(entry.newest.minus(DAY))).isPresent();
            seenBefore = country.map(entry.every.countries::containsKey).orElse(false);
            Instant dayStart = at.minus(DAY);
            track.countries.forEach((placed, latest) -> {
                if (!latest.isBefore(dayStart)) {
                    countries24h.add(placed);
                }
            });
            countInDatabase = track.overflow;
            if (!countInDatabase) {
                Instant windowStart = at.minus(velocityWindow);
                for (Recent event : track.recent) {
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
            SqlActivityReader.BusyAccount busy = reader.busyAccount(appId, userId, at, velocityWindow, vouchedOnly);
            inWindow = busy.inWindow();
            lastLocated = busy.lastLocated();
        }
        else if (locatedInDatabase) {
            lastLocated = reader.latestLocated(appId, userId, at, vouchedOnly);
        }
        OptionalLong fingerprintUsers = fingerprintId.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(accountsSharing(appId, fingerprintId.get(), vouchedOnly));
        // Never "up to date" from memory: a copy of the country's row here could drift from the table when
        // two evaluations of the account commit together and are added here in the other order, so these
        // evaluations run the upsert, whose own condition then leaves a current row alone.
        return new AccountActivity(lastLocated, country.map(c -> seenBefore), Optional.of(countries24h), OptionalLong.of(inWindow), fingerprintUsers,
                false);
    }

    @Override
    public OptionalLong accountsOnFingerprint(String appId, String fingerprintId, boolean vouchedOnly) {
        return OptionalLong.of(accountsSharing(appId, fingerprintId, vouchedOnly));
    }

    /**
     * From the device's accounts kept in memory when it has at most {@link #DEVICE_ACCOUNTS_KEPT} (most have
     * one or two: read once, then kept until a write may add one); a device with more (a bot's) is counted
     * by the database each time. The accounts themselves are kept, not a count, because the count leaves out
     * the asking account. Dropped like the fingerprints' counts, with the same guard against a read that
     * straddles an erasure ({@link #countsDropped}).
     */
    @Override
    public OptionalLong accountsOnDevice(String appId, String deviceId, Optional<String> otherThan, boolean vouchedOnly) {
        String key = key(appId, deviceId);
        long dropped = countsDropped.get();
        Optional<Map<String, Boolean>> accounts = accountsByDevice.get(key, k -> reader.deviceAccounts(appId, deviceId, DEVICE_ACCOUNTS_KEPT));
        if (countsDropped.get() != dropped) {
            accountsByDevice.invalidate(key);
            return reader.accountsOnDevice(appId, deviceId, otherThan, vouchedOnly);
        }
        if (accounts.isEmpty()) {
            return reader.accountsOnDevice(appId, deviceId, otherThan, vouchedOnly);
        }
        return OptionalLong.of(accounts.get().entrySet().stream()
                .filter(account -> !otherThan.equals(Optional.of(account.getKey())) && (account.getValue() || !vouchedOnly)).count());
    }

    /** A fingerprint never written has no account; a known one is counted once, then kept until a write may change it. */
    private long accountsSharing(String appId, String fingerprintId, boolean vouchedOnly) {
        if (!known.mayHaveFingerprint(appId, fingerprintId)) {
            return 0;
        }
        Cache<String, Long> counts = vouchedOnly ? vouchedAccountsByFingerprint : accountsByFingerprint;
        String key = key(appId, fingerprintId);
        long dropped = countsDropped.get();
        long count = counts.get(key, k -> counter.count(appId, fingerprintId, vouchedOnly));
        if (countsDropped.get() == dropped) {
            // Kept before any later drop began, so that drop's invalidateAll removes it.
            return count;
        }
        // Every count was dropped meanwhile: this one may have been read before the rows went. It goes (a
        // read still in flight for the key is waited for), and the database is asked again, after the drop.
        counts.invalidate(key);
        return counter.count(appId, fingerprintId, vouchedOnly);
    }

    /** Drops every count of a fingerprint's accounts and every device's accounts kept, and any being read now (see {@link #countsDropped}). */
    private void dropCounts() {
        countsDropped.incrementAndGet();
        accountsByFingerprint.invalidateAll();
        vouchedAccountsByFingerprint.invalidateAll();
        accountsByDevice.invalidateAll();
    }

    @Override
    public void record(EvaluationWrite write) {
        try {
            evaluations.record(write);
        }
        catch (io.seatguard.core.evaluation.DeletedSinceRead e) {
            // Erased after the evaluation read it, perhaps before the server dropped the entry: the retry must
            // not judge the account made again by the erased one's activity.
            write.userId().ifPresent(user -> forget(write.evaluation().appId(), user));
            throw e;
        }
        Evaluation evaluation = write.evaluation();
        Optional<String> user = evaluation.user().id();
        if (user.isEmpty()) {
            return;
        }
        if (write.touches().fingerprint()) {
            // After the commit: a count being loaded now waits for this removal, so nothing older survives it.
            write.device().fingerprintId().ifPresent(fp -> {
                accountsByFingerprint.invalidate(key(evaluation.appId(), fp));
                vouchedAccountsByFingerprint.invalidate(key(evaluation.appId(), fp));
            });
        }
        if (write.touches().deviceUser() && write.device().isKnownDevice()) {
            // After the commit, as for the fingerprint: a read of the device's accounts now waits for this.
            accountsByDevice.invalidate(key(evaluation.appId(), write.device().deviceId()));
        }
        Optional<LocatedEvent> located = write.place().coordinates().map(point -> new LocatedEvent(evaluation.createdAt(), point));
        byAccount.asMap().computeIfPresent(key(evaluation.appId(), user.get()), (k, entry) -> {
            synchronized (entry) {
                entry.add(evaluation.id(), evaluation.createdAt(), write.place().country(), located, write.vouched());
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
        dropCounts();
    }

    /** Drops every entry (old evaluations were pruned, so what an account was "ever" seen doing may have changed). */
    public void forgetAll() {
        byAccount.invalidateAll();
        dropCounts();
    }

    private static String key(String appId, String userId) {
        return appId + '\u0000' + userId;
    }
}
