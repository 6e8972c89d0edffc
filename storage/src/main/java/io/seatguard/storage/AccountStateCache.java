package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import io.seatguard.core.account.AccountDevice;
import io.seatguard.core.account.AccountIpKey;
import io.seatguard.core.account.AccountReader;
import io.seatguard.core.account.DeviceLinks;
import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.account.LinkedDevice;
import io.seatguard.core.account.Seen;
import io.seatguard.core.evaluation.ConsumeOutcome;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.evaluation.EvaluationStore;
import io.seatguard.core.evaluation.EvaluationWrite;
import io.seatguard.core.evaluation.Touches;
import io.seatguard.core.identity.DeviceDirectory;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.identity.KnownDevice;
import io.seatguard.core.identity.StoredDevice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A per-process cache of what evaluations read: account state and device lookups (DESIGN.md "The hot
 * path": account state is read from a per-node cache keyed by (app, user) and updated by the write
 * itself).
 *
 * <p>Why it is correct: it is only used with the embedded store, where one process owns the database,
 * so every write passes through {@link #record} and lands here after its commit. Updates are merges —
 * first-seen takes the earlier time, last-seen the later, links are added — so two updates arriving in
 * either order leave the same entry, and a read racing a write sees what a database read would have
 * seen a moment earlier. Absence is cached too ("this IP was never seen for this account"), which is
 * what makes a first visit cheap to repeat.
 *
 * <p>Bounds: at most {@link #MAX_ACCOUNTS} accounts and {@link #MAX_DEVICE_LOOKUPS} device keys, least
 * recently used first out. Of an account with more than {@link #MAX_LINKS} device links (a bot logging in
 * from a new browser each time) only some are kept, at most {@link #MAX_KEPT_LINKS}, so one resold account
 * cannot take the memory; see {@link #load} for how they are answered.
 *
 * <p>One thing is kept that a write does not keep exact: networks found shared, answered for a minute
 * ({@link #devicesOnNetwork}), at most {@link #MAX_DEVICE_LOOKUPS} of them, and forgotten when an
 * erasure or a retention pass deletes evaluations ({@link #forgetSharedNetworks}).
 */
public final class AccountStateCache implements AccountReader, DeviceDirectory, EvaluationStore {
    static final int MAX_ACCOUNTS = 200_000;
    static final int MAX_DEVICE_LOOKUPS = 400_000;
    /**
     * The most IPs, and the most fingerprints, kept of one account. Each request may bring new ones (a bot
     * rotating IPv4 addresses, IPv6 /64s or components on one account), so past this the maps start over and the
     * account stops being complete: a key missing from them is then read, not taken as never seen.
     */
    static final int MAX_KEYS = 1_000;
    /** As many as the store reads: up to this many, every link of an account is kept. */
    static final int MAX_LINKS = AccountState.DEVICE_LIMIT;
    /** The most links kept of an account: past it they are cut back to {@link #LINKS_KEPT_AFTER_CUT}. */
    static final int MAX_KEPT_LINKS = AccountState.MAX_LINKS_HELD;
    /**
     * The links seen last that a cut-back keeps: as many as the store reads (the counted ones and the
     * others beside them), which is more than answering from memory needs.
     */
    private static final int LINKS_KEPT_AFTER_CUT = 2 * (MAX_LINKS + 1);
    private static final Instant FAR_FUTURE = Instant.ofEpochMilli(Long.MAX_VALUE);
    /** How long, and how much later a {@code since}, a network found shared is answered from memory. */
    static final Duration SHARED_NETWORK_REUSE = Duration.ofMinutes(1);

    private final AccountReader accounts;
    private final DeviceDirectory devices;
    private final SqlEvaluationStore evaluations;
    private final KnownKeys known;
    private final Cache<String, Account> byAccount = CacheBuilders.bounded(MAX_ACCOUNTS).build();
    private final Cache<String, Optional<KnownDevice>> byDeviceKey = CacheBuilders.bounded(MAX_DEVICE_LOOKUPS).build();
    /** Devices' latest components, parsed, for fuzzy matching; dropped whenever a write may replace them. */
    private final Cache<String, Optional<StoredDevice>> componentsByDevice = CacheBuilders.bounded(MAX_DEVICE_LOOKUPS).build();
    /**
     * Counts of components dropped, by stripe of the device's key: a read of components is kept only if
     * its stripe did not move while it ran, so a write that replaced them meanwhile is not undone by it.
     */
    private final java.util.concurrent.atomic.AtomicLongArray componentWrites = new java.util.concurrent.atomic.AtomicLongArray(256);
    /** Hardware classes ({@link io.seatguard.core.identity.BlockingKey}) by "app|key". */
    private final Cache<String, LimitedBlock> blocks = CacheBuilders.bounded(MAX_DEVICE_LOOKUPS).build();
    /**
     * Networks found shared, by "app|network|limit": the {@code since} of the count that reached its
     * limit ({@link #devicesOnNetwork}). Only positive answers, and only for {@link #SHARED_NETWORK_REUSE}.
     */
    private final Cache<String, Instant> sharedNetworks = CacheBuilders.bounded(MAX_DEVICE_LOOKUPS)
            .expireAfterWrite(SHARED_NETWORK_REUSE).build();

    /** One account's cached facts; guarded by its own monitor. */
    private static final class Account {
        /**
         * Filled when the account had never been written ({@link KnownKeys}): everything it has since
         * was recorded here, so an IP or fingerprint missing from the maps was never seen. Set when the
         * entry is filled.
         */
        boolean complete;
        /**
         * A write of the account was recorded while the entry was not yet filled: what the filler read may
         * predate it, so the entry is dropped instead of filled ({@link #loadAndRemember}).
         */
        boolean disturbed;
        Optional<Seen> user;
        final Map<String, Optional<Seen>> ips = new HashMap<>();
        final Map<String, Optional<Seen>> fingerprints = new HashMap<>();
        /** Every link of the account or, when {@link #truncated}, some of them; null until the account is filled. */
        Map<String, LinkedDevice> links;
        /** The account has more than {@link #MAX_LINKS} links, and {@link #links} holds only some. */
        boolean truncated;

        Account() {}
    }

    /** The cache in front of these readers; {@code known} answers "never written" for keys new to the database. */
    public AccountStateCache(AccountReader accounts, DeviceDirectory devices, SqlEvaluationStore evaluations, KnownKeys known) {
        this.accounts = requireNonNull(accounts, "accounts is null");
        this.devices = requireNonNull(devices, "devices is null");
        this.evaluations = requireNonNull(evaluations, "evaluations is null");
        this.known = requireNonNull(known, "known is null");
    }

    @Override
    public AccountState load(String appId, String userId, String clientIp, Optional<String> fingerprintId, Optional<String> deviceId, Instant since) {
        // The IPs are kept by their key (an IPv6 address's /64), as the store keeps them; the reader behind is handed
        // the key, which is its own key (AccountIpKey), so it reads the same row.
        String ip = AccountIpKey.of(clientIp);
        Account account = byAccount.getIfPresent(key(appId, userId));
        if (account != null) {
            boolean keysMissing;
            synchronized (account) {
                if (account.links == null) {
                    // Not filled yet (another request is loading it): read from the database, as without a cache.
                    return accounts.load(appId, userId, ip, fingerprintId, deviceId, since);
                }
                keysMissing = !account.complete
                        && (account.ips.get(ip) == null || fingerprintId.map(fp -> account.fingerprints.get(fp) == null).orElse(false));
            }
            if (keysMissing) {
                // Only this IP or fingerprint is new to the cache: ask for it alone (no links: "since" lies
                // in the far future and no device is named), outside the monitor.
                AccountState keys = accounts.load(appId, userId, ip, fingerprintId, Optional.empty(), FAR_FUTURE);
                synchronized (account) {
                    account.user = merge(account.user, keys.user());
                    account.ips.merge(ip, keys.ip(), AccountStateCache::merge);
                    fingerprintId.ifPresent(fp -> account.fingerprints.merge(fp, keys.fingerprint(), AccountStateCache::merge));
                    keepBounded(account, ip, fingerprintId);
                }
            }
            Optional<LinkedDevice> named;
            synchronized (account) {
                if (!account.truncated) {
                    List<LinkedDevice> inWindow = new ArrayList<>();
                    for (LinkedDevice link : account.links.values()) {
                        if (!link.lastSeen().isBefore(since) || deviceId.map(link.deviceId()::equals).orElse(false)) {
                            inWindow.add(link);
                        }
                    }
                    return new AccountState(account.user, inWindow, account.ips.getOrDefault(ip, Optional.empty()), fingerprintSeen(account,
                            fingerprintId));
                }
                named = deviceId.map(account.links::get).map(Optional::of).orElse(null);
            }
            if (named == null && deviceId.isPresent()) {
                // A device this account's kept links do not hold: its link alone, one lookup, outside the monitor.
                named = lookUp(account, appId, userId, deviceId.get());
            }
            synchronized (account) {
                Optional<AccountState> answered = truncatedWindow(account, ip, fingerprintId, named == null ? Optional.empty() : named, since);
                if (answered.isPresent()) {
                    return answered.get();
                }
            }
            // Too few of the kept links are in the window to tell that the account has more than the limit
            // there: the database reads the window, and what it read is kept for the next time.
            AccountState window = accounts.load(appId, userId, ip, fingerprintId, deviceId, since);
            synchronized (account) {
                window.devices().forEach(link -> keep(account, link));
            }
            return window;
        }
        return loadAndRemember(appId, userId, ip, fingerprintId, deviceId, since);
    }

    /**
     * An account over the limit, answered from the links kept: the named device's link when it is linked,
     * then others in the window up to {@link #MAX_LINKS}, and truncated. Only when that fills the answer:
     * then the account has at least the limit in the window, as the store would count, and the checks
     * that count links stop there either way; otherwise empty. Which links fill the answer is the cache's
     * choice, as it is the store's ({@link AccountState#devicesTruncated}). Called holding the account's
     * monitor.
     */
    private static Optional<AccountState> truncatedWindow(Account account, String ip, Optional<String> fingerprintId,
            Optional<LinkedDevice> named, Instant since) {
        // As the store reads it (SqlAccountReader): attached links in the window fill the counted places;
        // logged-out ones in the window come too, outside them, since a logout is told by its link.
        List<LinkedDevice> window = new ArrayList<>(MAX_LINKS);
        List<LinkedDevice> others = new ArrayList<>();
        named.ifPresent(window::add);
        int counted = named.filter(link -> link.status() == LinkStatus.ATTACHED).isPresent() ? 1 : 0;
        for (LinkedDevice link : account.links.values()) {
            boolean isNamed = named.isPresent() && link.deviceId().equals(named.get().deviceId());
            if (isNamed || link.lastSeen().isBefore(since)) {
                continue;
            }
            if (link.status() != LinkStatus.ATTACHED) {
                others.add(link);
            }
            else if (counted < MAX_LINKS) {
                window.add(link);
                counted++;
            }
        }
        if (counted < MAX_LINKS) {
            return Optional.empty();
        }
        window.addAll(others);
        return Optional.of(new AccountState(account.user, window, account.ips.getOrDefault(ip, Optional.empty()), fingerprintSeen(account, fingerprintId),
                true));
    }

    private static Optional<Seen> fingerprintSeen(Account account, Optional<String> fingerprintId) {
        return fingerprintId.isEmpty() ? Optional.empty() : account.fingerprints.getOrDefault(fingerprintId.get(), Optional.empty());
    }

    /**
     * Adds a link to an account's kept links; past {@link #MAX_LINKS} attached ones the account is
     * truncated, and past {@link #MAX_KEPT_LINKS} links the links are cut back to the
     * {@link #LINKS_KEPT_AFTER_CUT} seen last (the window is the recent past, and an answer takes
     * {@code MAX_LINKS} attached ones of it and the logged-out ones beside them), which truncates it too.
     * Called holding the account's monitor.
     */
    private static void keep(Account account, LinkedDevice link) {
        account.links.merge(link.deviceId(), link, AccountStateCache::merge);
        // Logged-out links are kept too (a logout is told by its link) but, as in the store's read, only
        // attached ones count towards the limit.
        if (account.links.size() > MAX_LINKS && account.links.values().stream().filter(kept -> kept.status() == LinkStatus.ATTACHED).count() > MAX_LINKS) {
            account.truncated = true;
        }
        if (account.links.size() > MAX_KEPT_LINKS) {
            List<LinkedDevice> latest = new ArrayList<>(account.links.values());
            latest.sort(java.util.Comparator.comparing(LinkedDevice::lastSeen).reversed());
            account.links.clear();
            latest.subList(0, LINKS_KEPT_AFTER_CUT).forEach(kept -> account.links.put(kept.deviceId(), kept));
            account.truncated = true;
        }
    }

    /**
     * From the kept links when they hold it, or when they hold every link of the account (then it is not
     * linked); otherwise one lookup, kept for an account over the limit.
     */
    @Override
    public Optional<LinkedDevice> link(String appId, String userId, String deviceId) {
        Account account = byAccount.getIfPresent(key(appId, userId));
        if (account != null) {
            synchronized (account) {
                if (account.links != null) {
                    LinkedDevice kept = account.links.get(deviceId);
                    if (kept != null || !account.truncated) {
                        return Optional.ofNullable(kept);
                    }
                }
            }
        }
        return lookUp(account, appId, userId, deviceId);
    }

    /** The store's answer, kept when {@code account} (null when not cached) keeps only some of its links. */
    private Optional<LinkedDevice> lookUp(Account account, String appId, String userId, String deviceId) {
        Optional<LinkedDevice> found = accounts.link(appId, userId, deviceId);
        if (account != null) {
            synchronized (account) {
                if (account.links != null && account.truncated) {
                    found.ifPresent(link -> keep(account, link));
                }
            }
        }
        return found;
    }

    /**
     * Loads everything the account has linked (not only the window) so later reads can filter in memory.
     *
     * <p>The empty entry goes in before the database is read. A write recorded after that finds it and
     * marks it disturbed ({@link #remember}), and a logout or erasure drops it ({@link #forgetAccount}), so a
     * read that may predate either is answered but never kept. Made after the read, the entry would keep
     * what the read saw over a change committed meanwhile: a logged-out device attached again, an erased
     * account's rows, a write's link missing.
     */
    private AccountState loadAndRemember(String appId, String userId, String ip, Optional<String> fingerprintId, Optional<String> deviceId,
            Instant since) {
        String key = key(appId, userId);
        Account filled = byAccount.get(key, k -> new Account());
        boolean neverWritten = !known.mayHaveUser(appId, userId);
        AccountState loaded;
        try {
            loaded = neverWritten ? AccountState.NO_ACCOUNT : accounts.load(appId, userId, ip, fingerprintId, deviceId, Instant.EPOCH);
        }
        catch (RuntimeException e) {
            // An entry nobody fills would send every later read of the account to the database.
            byAccount.asMap().remove(key, filled);
            throw e;
        }
        boolean disturbed;
        synchronized (filled) {
            // Checked and filled under one lock: remember() marks an entry only while it is unfilled.
            disturbed = filled.disturbed;
            if (!disturbed) {
                fill(filled, loaded, neverWritten, ip, fingerprintId);
            }
        }
        if (disturbed) {
            byAccount.asMap().remove(key, filled);
            return inWindow(loaded, deviceId, since);
        }
        if (loaded.devicesTruncated()) {
            // More links than the store reads: which it kept of them all says nothing of the window, so ask
            // for the window, and keep what it read (the links in the window are what later reads answer from).
            AccountState window = accounts.load(appId, userId, ip, fingerprintId, deviceId, since);
            synchronized (filled) {
                window.devices().forEach(link -> keep(filled, link));
            }
            return window;
        }
        return inWindow(loaded, deviceId, since);
    }

    /** Fills an entry (or adds to one another request filled) from a read of the whole account; under its lock. */
    private static void fill(Account filled, AccountState loaded, boolean neverWritten, String ip, Optional<String> fingerprintId) {
        filled.complete = filled.links == null ? neverWritten : filled.complete && neverWritten;
        filled.user = merge(filled.user, loaded.user());
        filled.ips.merge(ip, loaded.ip(), AccountStateCache::merge);
        fingerprintId.ifPresent(fp -> filled.fingerprints.merge(fp, loaded.fingerprint(), AccountStateCache::merge));
        keepBounded(filled, ip, fingerprintId);
        if (filled.links == null) {
            filled.links = new HashMap<>();
        }
        loaded.devices().forEach(link -> keep(filled, link));
        if (loaded.devicesTruncated()) {
            filled.truncated = true;
        }
    }

    /** Starts an account's IPs and fingerprints over past {@link #MAX_KEYS}, keeping the ones in hand; under its lock. */
    private static void keepBounded(Account account, String ip, Optional<String> fingerprintId) {
        if (account.ips.size() <= MAX_KEYS && account.fingerprints.size() <= MAX_KEYS) {
            return;
        }
        Optional<Seen> ipSeen = account.ips.get(ip);
        Optional<Seen> fingerprintSeen = fingerprintId.map(account.fingerprints::get).orElse(null);
        account.ips.clear();
        account.fingerprints.clear();
        account.complete = false;
        if (ipSeen != null) {
            account.ips.put(ip, ipSeen);
        }
        if (fingerprintSeen != null) {
            account.fingerprints.put(fingerprintId.get(), fingerprintSeen);
        }
    }

    /** How many IPs and fingerprints are kept of an account; -1 when it is not cached. For tests of the bound. */
    int keptKeys(String appId, String userId) {
        Account account = byAccount.getIfPresent(key(appId, userId));
        if (account == null) {
            return -1;
        }
        synchronized (account) {
            return account.ips.size() + account.fingerprints.size();
        }
    }

    /** What the caller asked for of an account read whole: the links in the window, and the named device's. */
    private static AccountState inWindow(AccountState loaded, Optional<String> deviceId, Instant since) {
        List<LinkedDevice> inWindow = loaded.devices().stream()
                .filter(link -> !link.lastSeen().isBefore(since) || deviceId.map(link.deviceId()::equals).orElse(false))
                .toList();
        return new AccountState(loaded.user(), inWindow, loaded.ip(), loaded.fingerprint());
    }

    @Override
    public Optional<KnownDevice> findByTokenHash(String appId, String tokenHash) {
        if (!known.mayHaveToken(appId, tokenHash)) {
            return Optional.empty();
        }
        return byDeviceKey.get(tokenKey(appId, tokenHash), k -> devices.findByTokenHash(appId, tokenHash));
    }

    @Override
    public Optional<KnownDevice> findByFingerprint(String appId, String fingerprintId) {
        if (!known.mayHaveFingerprint(appId, fingerprintId)) {
            return Optional.empty();
        }
        return byDeviceKey.get(fingerprintKey(appId, fingerprintId), k -> devices.findByFingerprint(appId, fingerprintId));
    }

    /**
     * Cached per hardware class, and dropped by every write that may change it: a device created or
     * given new components or a new token, with components of that class (see {@link #remember}). A
     * read racing such a write may cache the class without the newcomer until the class's next write;
     * the cost is at most one app-wide match that a fresh read would have refused.
     */
    @Override
    public Block block(String appId, String blockingKey, int limit) {
        String key = appId + '|' + blockingKey;
        LimitedBlock cached = blocks.getIfPresent(key);
        if (cached != null && cached.limit() == limit) {
            return cached.block();
        }
        Block loaded = devices.block(appId, blockingKey, limit);
        blocks.put(key, new LimitedBlock(limit, loaded));
        return loaded;
    }

    /** A block as read with one limit (the resolver always asks with the same one). */
    private record LimitedBlock(int limit, Block block) {}

    @Override
    public List<StoredDevice> latest(String appId, java.util.Collection<String> deviceIds) {
        List<StoredDevice> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : deviceIds) {
            Optional<StoredDevice> cached = componentsByDevice.getIfPresent(componentsKey(appId, id));
            if (cached == null) {
                missing.add(id);
            }
            else {
                cached.ifPresent(found::add);
            }
        }
        if (!missing.isEmpty()) {
            List<String> keys = missing.stream().map(id -> componentsKey(appId, id)).toList();
            long[] before = new long[keys.size()];
            for (int i = 0; i < before.length; i++) {
                before[i] = componentWrites.get(stripe(keys.get(i)));
            }
            Map<String, StoredDevice> loaded = new HashMap<>();
            devices.latest(appId, missing).forEach(stored -> loaded.put(stored.device().id(), stored));
            for (int i = 0; i < before.length; i++) {
                String key = keys.get(i);
                Optional<StoredDevice> stored = Optional.ofNullable(loaded.get(missing.get(i)));
                long seen = before[i];
                // Under the key's lock, which forgetComponents' removal takes after moving the stripe.
                componentsByDevice.asMap().compute(key, (k, cached) -> componentWrites.get(stripe(k)) == seen ? stored : cached);
                stored.ifPresent(found::add);
            }
        }
        return found;
    }

    /** Drops a device's parsed components after a write that may have replaced them (see {@link #componentWrites}). */
    private void forgetComponents(String appId, String deviceId) {
        String key = componentsKey(appId, deviceId);
        componentWrites.incrementAndGet(stripe(key));
        componentsByDevice.asMap().remove(key);
    }

    private int stripe(String key) {
        return (key.hashCode() & Integer.MAX_VALUE) % componentWrites.length();
    }

    /** Not cached: every evaluation may add a network, and resolution asks only when components are ambiguous. */
    @Override
    public Map<String, java.util.Set<String>> networksSince(String appId, java.util.Collection<String> deviceIds, Instant since) {
        return devices.networksSince(appId, deviceIds, since);
    }

    /** Not cached, like {@link #networksSince}: asked only for candidates of a request without a known token. */
    @Override
    public Map<String, Integer> lowestRecentBrowserMajor(String appId, java.util.Collection<String> deviceIds, Instant since) {
        return devices.lowestRecentBrowserMajor(appId, deviceIds, since);
    }

    /** Not cached: resolution asks at most once per session of a device ({@link io.seatguard.core.identity.DeviceResolver#separate}). */
    @Override
    public List<io.seatguard.core.identity.DeviceToken> tokens(String appId, String deviceId, String tokenHash) {
        return devices.tokens(appId, deviceId, tokenHash);
    }

    /**
     * Read through: only evaluations without an account ask (signups), and an answer kept here would have
     * to follow every login that attaches the device and every challenge passed on it.
     */
    @Override
    public boolean wasLetIn(String appId, String deviceId) {
        return devices.wasLetIn(appId, deviceId);
    }

    /**
     * A network that reached the limit is answered from memory for {@link #SHARED_NETWORK_REUSE}, for any
     * {@code since} up to that much later than the one it was counted from; anything else is read.
     *
     * <p>Why: the device tie-break asks this for each network its candidates were seen on, and a shared
     * network (a carrier's NAT, an office) is asked about by every visitor from it: 3 % of the server's CPU
     * in the benchmark. A count that reached its limit stays reached for every earlier {@code since} (it
     * counts devices evaluated at or after it), so the one inexactness is at the window's far edge: a
     * device last seen on the network in the minute before {@code since} may still be counted, in a window
     * of 30 days ({@link io.seatguard.core.identity.DeviceResolver#NETWORK_MEMORY}). A count below the limit
     * is never kept: the next evaluation from the network may add a device.
     */
    @Override
    public int devicesOnNetwork(String appId, String network, Instant since, int limit) {
        String key = appId + '|' + network + '|' + limit;
        Instant reachedSince = sharedNetworks.getIfPresent(key);
        if (reachedSince != null && !since.isAfter(reachedSince.plus(SHARED_NETWORK_REUSE))) {
            return limit;
        }
        int count = devices.devicesOnNetwork(appId, network, since, limit);
        if (count >= limit) {
            sharedNetworks.asMap().merge(key, since, (kept, found) -> found.isAfter(kept) ? found : kept);
        }
        return count;
    }

    @Override
    public void record(EvaluationWrite write) {
        // Before the write: once it commits, a reader must not be told its keys were never written.
        String appId = write.evaluation().appId();
        write.userId().ifPresent(user -> known.addUser(appId, user));
        write.device().tokenHash().ifPresent(hash -> known.addToken(appId, hash));
        write.device().fingerprintId().ifPresent(fp -> known.addFingerprint(appId, fp));
        SqlEvaluationStore.Written written;
        try {
            written = evaluations.write(write);
        }
        catch (RuntimeException e) {
            // A lost device race means another device now holds keys we may have cached as free.
            forgetDeviceKeys(write);
            forgetBlock(write.evaluation().appId(), write);
            forgetComponents(write.evaluation().appId(), write.device().deviceId());
            // A lost race: the winner's write has committed, but its thread may not have remembered it
            // here yet. The retry must see the account as the database has it, the winner's device
            // linked, or it would count that device as new to the account or, finding it by its
            // components, take it for another account's and split it off.
            write.userId().ifPresent(user -> forgetAccount(write.evaluation().appId(), user));
            throw e;
        }
        remember(write, written);
    }

    @Override
    public Optional<Evaluation> find(String appId, String evaluationId) {
        return evaluations.find(appId, evaluationId);
    }

    @Override
    public ConsumeOutcome consume(String appId, String evaluationId, Instant at) {
        return evaluations.consume(appId, evaluationId, at);
    }

    /** How many links are kept of an account; -1 when it is not cached. For tests of the bound. */
    int keptLinks(String appId, String userId) {
        Account account = byAccount.getIfPresent(key(appId, userId));
        if (account == null) {
            return -1;
        }
        synchronized (account) {
            return account.links == null ? -1 : account.links.size();
        }
    }

    /**
     * Forgets the networks found shared in one app, after an erasure deleted evaluations that counted
     * towards them: a network that fell below its limit must be counted again, not answered from memory
     * for up to {@link #SHARED_NETWORK_REUSE}. Erasures are rare, so a pass over the entries is cheap enough.
     * A count read while the erasure ran may still be kept afterwards, for at most that minute.
     */
    public void forgetSharedNetworks(String appId) {
        String prefix = appId + '|';
        sharedNetworks.asMap().keySet().removeIf(key -> key.startsWith(prefix));
    }

    /** Forgets every network found shared, after retention pruning deleted evaluations. */
    public void forgetSharedNetworks() {
        sharedNetworks.invalidateAll();
    }

    /**
     * Forgets every device lookup, stored component set and hardware class, after an erasure or a
     * retention pass deleted devices: both are rare, and the deleted devices' tokens and fingerprints are
     * not known here. Called once the deletions have committed: a lookup made before then is dropped, one
     * made after reads the database. Only a lookup that read before the commit and is still being filled
     * when this runs can keep a deleted device, until it is evicted or the server restarts.
     */
    public void forgetDevices() {
        for (int stripe = 0; stripe < componentWrites.length(); stripe++) {
            // A components read under way keeps nothing it read before this (see componentWrites).
            componentWrites.incrementAndGet(stripe);
        }
        componentsByDevice.invalidateAll();
        byDeviceKey.invalidateAll();
        blocks.invalidateAll();
    }

    /** Drops an account's entry, for changes made outside evaluations (a device logged out). */
    public void forgetAccount(String appId, String userId) {
        byAccount.invalidate(key(appId, userId));
    }

    /** Wraps device links so that logging a device out (or attaching one) also drops the account's cached state. */
    public DeviceLinks invalidating(DeviceLinks links) {
        return new DeviceLinks() {
            @Override
            public Optional<List<AccountDevice>> devices(String appId, String userId) {
                return links.devices(appId, userId);
            }

            @Override
            public boolean detach(String appId, String userId, String deviceId, Instant at) {
                boolean detached = links.detach(appId, userId, deviceId, at);
                forgetAccount(appId, userId);
                return detached;
            }

            @Override
            public boolean refuse(String appId, String userId, String deviceId, Instant seenAt, Instant at) {
                boolean refused = links.refuse(appId, userId, deviceId, seenAt, at);
                forgetAccount(appId, userId);
                return refused;
            }

            @Override
            public boolean detachOverLimit(String appId, String userId, String deviceId, Optional<String> arriving, Instant at, int limit,
                    Instant windowStart, boolean vouchedOnly) {
                boolean over = links.detachOverLimit(appId, userId, deviceId, arriving, at, limit, windowStart, vouchedOnly);
                forgetAccount(appId, userId);
                return over;
            }

            @Override
            public boolean attach(String appId, String userId, String deviceId, String evaluationId, Instant seenAt, Instant now, boolean vouched) {
                boolean attached = links.attach(appId, userId, deviceId, evaluationId, seenAt, now, vouched);
                forgetAccount(appId, userId);
                return attached;
            }

            @Override
            public boolean attachWithinLimit(String appId, String userId, String deviceId, String evaluationId, Instant seenAt, Instant now, int limit,
                    Instant windowStart, boolean vouched) {
                boolean within = links.attachWithinLimit(appId, userId, deviceId, evaluationId, seenAt, now, limit, windowStart, vouched);
                forgetAccount(appId, userId);
                return within;
            }

            @Override
            public void letIn(String appId, String deviceId, Instant seenAt) {
                // No account's state changes, and whether a device was let in is not cached (wasLetIn).
                links.letIn(appId, deviceId, seenAt);
            }
        };
    }

    /**
     * Mirrors what the write changed in the database, and only that: a row the write throttle skipped
     * keeps its cached times, or the cache would run ahead of the database and the throttle, reading
     * fresh times from it, would never write those rows again.
     */
    private void remember(EvaluationWrite write, SqlEvaluationStore.Written written) {
        Evaluation evaluation = write.evaluation();
        String appId = evaluation.appId();
        DeviceResolution device = write.device();
        Touches touches = write.touches();
        Instant at = evaluation.createdAt();
        Seen now = new Seen(at, at);
        if (device.isKnownDevice() && (device.isNew() || touches.device())) {
            refreshDevice(appId, device, written, evaluation.device().type(), evaluation.device().browser(), evaluation.device().os(), at);
        }
        else if (device.isKnownDevice()) {
            // The store inserts a known device's token and fingerprint whatever the throttle says, so one
            // cached as held by nobody may be this device's now: read it next time. A holder cached stays
            // right (these rows never move but by a separation, which makes a new device).
            forgetFree(appId, device);
        }
        boolean classMayChange = device.isNew() || device.replacesComponents() || (device.matchedBy() != DeviceResolution.MatchKind.TOKEN
                && (device.tokenHash().isPresent() || device.matchedBy() != DeviceResolution.MatchKind.EXACT_FINGERPRINT));
        if (device.isKnownDevice() && classMayChange) {
            // A new device, new components or a new token for a device of this class: its block changes.
            forgetBlock(appId, write);
        }
        if (device.isKnownDevice() && device.fingerprintId().isPresent() && device.matchedBy() != DeviceResolution.MatchKind.EXACT_FINGERPRINT) {
            // The store replaces a device's components when it shows a fingerprint new to it (or when the
            // resolution says so); we cannot tell from here whether it did, so the parsed copy goes.
            forgetComponents(appId, device.deviceId());
        }
        if (write.userId().isEmpty()) {
            return;
        }
        Account account = byAccount.getIfPresent(key(appId, write.userId().get()));
        if (account == null) {
            return;
        }
        synchronized (account) {
            if (account.links == null) {
                // Not filled yet: its filler's read may predate this write (loadAndRemember).
                account.disturbed |= touches.user() || touches.ip() || touches.fingerprint() || touches.deviceLink();
                return;
            }
            if (touches.user()) {
                account.user = merge(account.user, Optional.of(now));
            }
            String ipKey = AccountIpKey.of(evaluation.publicIp().address());
            if (touches.ip()) {
                account.ips.merge(ipKey, Optional.of(now), AccountStateCache::merge);
            }
            if (touches.fingerprint()) {
                // The store marks the row vouched when the evaluation is (Seen#vouched), and nothing unmarks it.
                Seen shown = new Seen(at, at, write.vouched());
                device.fingerprintId().ifPresent(fp -> account.fingerprints.merge(fp, Optional.of(shown), AccountStateCache::merge));
            }
            keepBounded(account, ipKey, device.fingerprintId());
            if (account.links != null && device.isKnownDevice() && touches.deviceLink()) {
                LinkedDevice old = account.links.get(device.deviceId());
                if (old == null && account.truncated) {
                    // A link these kept ones lack may already be in the store, seen earlier or attached: not
                    // known here, so not kept; naming the device reads it.
                    return;
                }
                if (write.attachDevice() && old != null && old.status().loggedOut()) {
                    // Whether the store attached it again depends on when it was logged out, which the
                    // cache does not keep: the account is read afresh (a login after a logout is rare).
                    byAccount.invalidate(key(appId, write.userId().get()));
                    return;
                }
                LinkStatus status = write.attachDevice() ? LinkStatus.ATTACHED : old == null ? LinkStatus.REFUSED : old.status();
                DeviceType type = old != null ? DeviceType.kept(old.type(), evaluation.device().type()) : evaluation.device().type();
                // Vouched once a vouched attach landed; nothing unmarks it (SqlEvaluationStore's upsert).
                boolean vouched = write.attachesVouched() || old != null && old.vouched();
                keep(account, new LinkedDevice(device.deviceId(), type, status, at, at, vouched));
            }
        }
    }

    private void refreshDevice(String appId, DeviceResolution device, SqlEvaluationStore.Written written, DeviceType type, String browser, String os,
            Instant at) {
        for (String key : deviceKeys(appId, device)) {
            byDeviceKey.asMap().compute(key, (k, cached) -> {
                // The new device's own now, as a database read would say, so its second visit reads nothing:
                // its token (the write claimed it, or failed with DeviceClaimConflict), and its fingerprint
                // when the write took it (a twin may have been first; a taken fingerprint never moves).
                boolean claimed = key.startsWith("t|") ? device.isNew() : written.fingerprintClaimed();
                if (claimed) {
                    return Optional.of(new KnownDevice(device.deviceId(), type, browser, os, at, at));
                }
                if (cached == null || cached.isEmpty()) {
                    // Not cached, or cached as free: the store decides who holds it now; read it next time.
                    return null;
                }
                KnownDevice known = cached.get();
                if (!known.id().equals(device.deviceId())) {
                    return cached;
                }
                DeviceType newType = DeviceType.kept(known.type(), type);
                return Optional.of(new KnownDevice(known.id(), newType, known.browser(), known.os(),
                        at.isBefore(known.firstSeen()) ? at : known.firstSeen(), at.isAfter(known.lastSeen()) ? at : known.lastSeen()));
            });
        }
    }

    private void forgetBlock(String appId, EvaluationWrite write) {
        // A class whose devices hold as many tokens as the resolver asks about stays so (tokens are
        // never taken back), and the resolver reads nothing else from a full block: keep it.
        io.seatguard.core.identity.BlockingKey.of(write.components()).ifPresent(key -> blocks.asMap()
                .computeIfPresent(appId + '|' + key, (k, cached) -> cached.block().tokens() >= cached.limit() ? cached : null));
    }

    /** Drops the device's token and fingerprint where they are cached as held by nobody. */
    private void forgetFree(String appId, DeviceResolution device) {
        deviceKeys(appId, device).forEach(key -> byDeviceKey.asMap().remove(key, Optional.empty()));
    }

    private void forgetDeviceKeys(EvaluationWrite write) {
        deviceKeys(write.evaluation().appId(), write.device()).forEach(byDeviceKey::invalidate);
    }

    /** The {@link #byDeviceKey} keys of a resolution's token and fingerprint, those it has. */
    private static List<String> deviceKeys(String appId, DeviceResolution device) {
        List<String> keys = new ArrayList<>(2);
        device.tokenHash().ifPresent(hash -> keys.add(tokenKey(appId, hash)));
        device.fingerprintId().ifPresent(fp -> keys.add(fingerprintKey(appId, fp)));
        return keys;
    }

    private static String tokenKey(String appId, String tokenHash) {
        return "t|" + appId + '|' + tokenHash;
    }

    private static String fingerprintKey(String appId, String fingerprintId) {
        return "f|" + appId + '|' + fingerprintId;
    }

    private static String componentsKey(String appId, String deviceId) {
        return appId + '|' + deviceId;
    }

    private static Optional<Seen> merge(Optional<Seen> a, Optional<Seen> b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        if (b == null || b.isEmpty()) {
            return a;
        }
        Seen x = a.get();
        Seen y = b.get();
        return Optional.of(new Seen(x.first().isBefore(y.first()) ? x.first() : y.first(), x.last().isAfter(y.last()) ? x.last() : y.last(),
                x.vouched() || y.vouched()));
    }

    /**
     * Attached wins, as in the store: a write never turns an attached link back (SqlEvaluationStore's
     * upsert), and logging a device out drops the account's entry ({@link #forgetAccount}); so does
     * vouched. So merges give the same link in either order, a read racing a write included.
     */
    private static LinkedDevice merge(LinkedDevice old, LinkedDevice now) {
        Instant first = old.firstSeen().isBefore(now.firstSeen()) ? old.firstSeen() : now.firstSeen();
        Instant last = old.lastSeen().isAfter(now.lastSeen()) ? old.lastSeen() : now.lastSeen();
        LinkStatus status = old.status() == LinkStatus.ATTACHED ? LinkStatus.ATTACHED : now.status();
        return new LinkedDevice(old.deviceId(), DeviceType.kept(old.type(), now.type()), status, first, last,
                old.vouched() || now.vouched());
    }

    private static String key(String appId, String userId) {
        return appId + '|' + userId;
    }
}
