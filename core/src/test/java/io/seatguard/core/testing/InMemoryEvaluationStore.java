package io.seatguard.core.testing;

import io.seatguard.core.account.AccountActivity;
import io.seatguard.core.account.AccountReader;
import io.seatguard.core.account.ActivityReader;
import io.seatguard.core.account.LocatedEvent;
import io.seatguard.core.intel.Place;
import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.account.LinkedDevice;
import io.seatguard.core.account.Seen;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.evaluation.ConsumeOutcome;
import io.seatguard.core.evaluation.DeviceClaimConflict;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.evaluation.EvaluationStore;
import io.seatguard.core.evaluation.EvaluationWrite;
import io.seatguard.core.identity.DeviceDirectory;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.BlockingKey;
import io.seatguard.core.identity.KnownDevice;
import io.seatguard.core.identity.StoredDevice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-written fake of the storage ports for core tests: the same rules as the SQL store (tokens and
 * fingerprints are claimed once, last-seen only moves forward), kept in maps.
 */
public final class InMemoryEvaluationStore implements EvaluationStore, DeviceDirectory, AccountReader, ActivityReader {
    private final Map<String, Evaluation> evaluations = new LinkedHashMap<>();
    /** Whether recorded evaluations are kept for {@link #find}, {@link #consume} and {@link #evaluationCount}. */
    private final boolean keepsEvaluations;

    public InMemoryEvaluationStore() {
        this(true);
    }

    private InMemoryEvaluationStore(boolean keepsEvaluations) {
        this.keepsEvaluations = keepsEvaluations;
    }

    /**
     * A store that records everything but the evaluations themselves: devices, tokens, links and the rest
     * are kept as usual, and {@link #find}, {@link #consume} and {@link #evaluationCount} refuse. For the
     * population simulation, which records 3 x 10^5 evaluations a run and never reads one back: kept, they
     * were most of its live heap (about 1 GB a run, each with its checks map), which the collector copied
     * and scanned through the whole run, a quarter of its CPU. What the pipeline decides never depends on
     * them, so a run's results are the same either way.
     */
    public static InMemoryEvaluationStore forgettingEvaluations() {
        return new InMemoryEvaluationStore(false);
    }
    private final Map<String, KnownDevice> devices = new HashMap<>();
    /** Devices let in to the app by an evaluation or a challenge, by "app|device" ({@link #wasLetIn}). */
    private final java.util.Set<String> letIn = new java.util.HashSet<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> fingerprints = new HashMap<>();
    private final Map<String, Seen> users = new HashMap<>();
    private final Map<String, LinkedDevice> links = new HashMap<>();
    /** The same links by "app|user", so loading an account does not scan every link (the population simulation loads 10^5 times). */
    private final Map<String, Map<String, LinkedDevice>> linksByAccount = new HashMap<>();
    /** The accounts evaluations named on each device, by "app|device", each with whether a vouched one did (device_users). */
    private final Map<String, Map<String, Boolean>> accountsByDevice = new HashMap<>();
    /** Devices by "app|blocking key", and how many tokens each device holds, for {@link #block}. */
    private final Map<String, java.util.LinkedHashSet<String>> blockMembers = new HashMap<>();
    private final Map<String, Integer> tokensPerDevice = new HashMap<>();
    private final Map<String, Seen> userIps = new HashMap<>();
    private final Map<String, Seen> userFingerprints = new HashMap<>();
    /**
     * The same rows by "app|fingerprint", each account's with whether a vouched evaluation showed it, so
     * counting a fingerprint's accounts does not scan every row (the population simulation counts 10^5 times).
     */
    private final Map<String, Map<String, Boolean>> accountsByFingerprint = new HashMap<>();
    /** How many account and device rows were written, to check what the write throttle skipped. */
    private int rowWrites;
    private int componentWrites;
    private final Map<String, Map<String, Object>> components = new HashMap<>();
    /** Each device's hardware class ({@link BlockingKey}), by "app|device". */
    private final Map<String, String> blocks = new LinkedHashMap<>();
    /** When each device was last evaluated from each network, by "app|device", for {@link #networksSince}. */
    private final Map<String, Map<String, Instant>> deviceNetworks = new HashMap<>();
    /** When each device was last evaluated from each network, by "app|network", for {@link #devicesOnNetwork}. */
    private final Map<String, Map<String, Instant>> networks = new HashMap<>();
    /** Every write's account, time and place, in write order, for {@link #read}. */
    private final List<PlacedEvent> placed = new ArrayList<>();

    private record PlacedEvent(String app, String user, Instant at, Place place, boolean vouched) {}

    /**
     * When a token was first and last shown, the browser major version it last ran (0: unknown), and when
     * its device had last been seen before it joined (null if it created the device).
     */
    private record TokenVersion(Instant createdAt, Instant lastSeen, int major, Instant deviceSeenAtJoin) {}

    /** Each device's tokens' versions, by "app|device id", then token key. */
    private final Map<String, Map<String, TokenVersion>> tokenVersions = new HashMap<>();

    @Override
    public synchronized Map<String, Integer> lowestRecentBrowserMajor(String appId, java.util.Collection<String> deviceIds, Instant since) {
        Map<String, Integer> lowest = new HashMap<>();
        for (String deviceId : deviceIds) {
            tokenVersions.getOrDefault(appId + '|' + deviceId, Map.of()).values().stream()
                    .filter(version -> version.major() > 0 && !version.lastSeen().isBefore(since))
                    .forEach(version -> lowest.merge(deviceId, version.major(), Math::min));
        }
        return lowest;
    }

    /** Tokens to claim for another device right before the next write, to stage a race. */
    private final Map<String, String> raceTokens = new HashMap<>();

    public synchronized void stageRaceForToken(String appId, String tokenHash, KnownDevice winner) {
        raceTokens.put(appId + '|' + tokenHash, winner.id());
        devices.put(appId + '|' + winner.id(), winner);
    }

    /** Fingerprints to claim for another device right before the next write, to stage a race. */
    private final Map<String, String> raceFingerprints = new HashMap<>();

    public synchronized void stageRaceForFingerprint(String appId, String fingerprintId, KnownDevice winner) {
        raceFingerprints.put(appId + '|' + fingerprintId, winner.id());
        devices.put(appId + '|' + winner.id(), winner);
    }

    @Override
    public synchronized void record(EvaluationWrite write) {
        Evaluation evaluation = write.evaluation();
        String app = evaluation.appId();
        DeviceResolution device = write.device();
        Instant at = evaluation.createdAt();
        if (device.isKnownDevice() && device.fingerprintId().isPresent()) {
            String key = app + '|' + device.fingerprintId().get();
            String racer = raceFingerprints.remove(key);
            if (racer != null) {
                fingerprints.putIfAbsent(key, racer);
            }
            // As the SQL store: a new device made because resolution saw the fingerprint free lost a race
            // if another device holds it now. Checked before anything is written, as a rollback would.
            if (device.isNew() && !device.fingerprintHeld() && fingerprints.containsKey(key) && !fingerprints.get(key).equals(device.deviceId())) {
                throw new DeviceClaimConflict("fingerprint taken");
            }
        }
        if (device.isKnownDevice()) {
            if (device.tokenHash().isPresent()) {
                String key = app + '|' + device.tokenHash().get();
                String racer = raceTokens.remove(key);
                if (racer != null) {
                    tokens.put(key, racer);
                    tokensPerDevice.merge(app + '|' + racer, 1, Integer::sum);
                }
                if (device.separatedFrom().isPresent()) {
                    moveToken(app, key, device.separatedFrom().get(), device.deviceId());
                }
                if (tokens.containsKey(key) && !tokens.get(key).equals(device.deviceId()) && device.isNew()) {
                    throw new DeviceClaimConflict("token taken");
                }
                Instant deviceSeenAtJoin = null;
                if (tokens.putIfAbsent(key, device.deviceId()) == null) {
                    tokensPerDevice.merge(app + '|' + device.deviceId(), 1, Integer::sum);
                    KnownDevice joined = devices.get(app + '|' + device.deviceId());
                    // As the SQL store: unknown (null) when the device was last seen after this token's first sighting (an import).
                    deviceSeenAtJoin = joined == null || joined.lastSeen().isAfter(at) ? null : joined.lastSeen();
                }
                // The token's latest sighting and version (as the SQL store keeps them, without its 60 s throttle).
                Map<String, TokenVersion> ofDevice = tokenVersions.computeIfAbsent(app + '|' + tokens.get(key), k -> new HashMap<>());
                TokenVersion before = ofDevice.get(key);
                if (before == null || !at.isBefore(before.lastSeen())) {
                    int major = write.browserMajor() == 0 && before != null ? before.major() : write.browserMajor();
                    ofDevice.put(key, before == null ? new TokenVersion(at, at, major, deviceSeenAtJoin)
                            : new TokenVersion(before.createdAt(), at, major, before.deviceSeenAtJoin()));
                }
            }
            if (device.fingerprintId().isPresent()) {
                // A fingerprint stays with the device that showed it first (as in the SQL store), which does
                // not try to claim one resolution saw held (or left free on purpose: DeviceResolution#fingerprintHeld).
                String key = app + '|' + device.fingerprintId().get();
                boolean claimed = !device.fingerprintHeld() && fingerprints.putIfAbsent(key, device.deviceId()) == null;
                if ((claimed || device.isNew() || device.replacesComponents()) && !write.components().isEmpty()) {
                    components.put(app + '|' + device.deviceId(), write.components());
                    componentWrites++;
                    String deviceKey = app + '|' + device.deviceId();
                    String oldBlock = blocks.remove(deviceKey);
                    if (oldBlock != null) {
                        blockMembers.get(app + '|' + oldBlock).remove(device.deviceId());
                    }
                    BlockingKey.of(write.components()).ifPresent(block -> {
                        blocks.put(deviceKey, block);
                        // Most recently changed first, as the SQL store orders them.
                        java.util.LinkedHashSet<String> members = blockMembers.computeIfAbsent(app + '|' + block, k -> new java.util.LinkedHashSet<>());
                        members.remove(device.deviceId());
                        members.addFirst(device.deviceId());
                    });
                }
            }
            String deviceKey = app + '|' + device.deviceId();
            io.seatguard.core.net.IpAddresses.parse(evaluation.publicIp().address()).map(io.seatguard.core.net.IpAddresses::network).ifPresent(network -> {
                deviceNetworks.computeIfAbsent(deviceKey, k -> new HashMap<>()).merge(network, at, InMemoryEvaluationStore::later);
                networks.computeIfAbsent(app + '|' + network, k -> new HashMap<>()).merge(device.deviceId(), at, InMemoryEvaluationStore::later);
            });
            if (write.attachDevice() && write.touches().deviceLetIn()) {
                letIn.add(deviceKey);
            }
            KnownDevice old = devices.get(deviceKey);
            if (old == null) {
                devices.put(deviceKey, new KnownDevice(device.deviceId(), evaluation.device().type(), evaluation.device().browser(),
                        evaluation.device().os(), at, at));
                rowWrites++;
            }
            else if (write.touches().device()) {
                // As the SQL store: a classified agent renames the device only with its own token, else fills in "unknown".
                boolean classified = evaluation.device().type() != DeviceType.UNKNOWN;
                boolean renames = classified && device.renamesDevice();
                String browser = renames || classified && "unknown".equals(old.browser()) ? evaluation.device().browser() : old.browser();
                String os = renames || classified && "unknown".equals(old.os()) ? evaluation.device().os() : old.os();
                devices.put(deviceKey, new KnownDevice(old.id(), DeviceType.kept(old.type(), evaluation.device().type()),
                        browser, os, earlier(old.firstSeen(), at), later(old.lastSeen(), at)));
                rowWrites++;
            }
        }
        write.userId().ifPresent(user -> {
            String prefix = app + '|' + user + '|';
            if (write.touches().user()) {
                users.merge(app + '|' + user, new Seen(at, at), InMemoryEvaluationStore::widen);
                rowWrites++;
            }
            if (write.touches().ip()) {
                userIps.merge(prefix + io.seatguard.core.account.AccountIpKey.of(evaluation.publicIp().address()), new Seen(at, at), InMemoryEvaluationStore::widen);
                rowWrites++;
            }
            if (write.touches().fingerprint() && device.fingerprintId().isPresent()) {
                userFingerprints.merge(prefix + device.fingerprintId().get(), new Seen(at, at, write.vouched()), InMemoryEvaluationStore::widen);
                accountsByFingerprint.computeIfAbsent(app + '|' + device.fingerprintId().get(), k -> new HashMap<>())
                        .merge(user, write.vouched(), Boolean::logicalOr);
                rowWrites++;
            }
            if (device.isKnownDevice() && write.touches().deviceUser()) {
                accountsByDevice.computeIfAbsent(app + '|' + device.deviceId(), k -> new HashMap<>()).merge(user, write.vouched(), Boolean::logicalOr);
                rowWrites++;
            }
            if (device.isKnownDevice() && write.touches().deviceLink()) {
                String key = prefix + device.deviceId();
                LinkedDevice old = links.get(key);
                LinkStatus status = write.attachDevice() ? LinkStatus.ATTACHED : old == null ? LinkStatus.REFUSED : old.status();
                Instant first = old == null ? at : earlier(old.firstSeen(), at);
                Instant last = old == null ? at : later(old.lastSeen(), at);
                boolean vouched = write.attachesVouched() || old != null && old.vouched();
                LinkedDevice link = new LinkedDevice(device.deviceId(), devices.get(app + '|' + device.deviceId()).type(), status, first, last, vouched);
                links.put(key, link);
                linksByAccount.computeIfAbsent(app + '|' + user, k -> new HashMap<>()).put(device.deviceId(), link);
                rowWrites++;
            }
        });
        if (keepsEvaluations) {
            evaluations.put(app + '|' + evaluation.id(), evaluation);
        }
        write.userId().ifPresent(user -> placed.add(new PlacedEvent(app, user, at, write.place(), write.vouched())));
    }

    /**
     * The same reading as the SQL store's: strictly earlier events of the account, windows ending now; for a
     * vouched evaluation, travel, countries of the day and velocity from vouched events alone.
     */
    @Override
    public synchronized AccountActivity read(String appId, String userId, Optional<String> country, Optional<String> fingerprintId, Instant at,
            java.time.Duration velocityWindow, boolean vouchedOnly) {
        List<PlacedEvent> every = placed.stream().filter(e -> e.app().equals(appId) && e.user().equals(userId) && e.at().isBefore(at)).toList();
        List<PlacedEvent> earlier = every.stream().filter(e -> e.vouched() || !vouchedOnly).toList();
        Optional<LocatedEvent> last = earlier.stream()
                .filter(e -> e.place().coordinates().isPresent())
                .max(java.util.Comparator.comparing(PlacedEvent::at))
                .map(e -> new LocatedEvent(e.at(), e.place().coordinates().get()));
        Optional<Boolean> seen = country.map(c -> every.stream().anyMatch(e -> e.place().country().equals(Optional.of(c))));
        java.util.Set<String> countries = new java.util.HashSet<>();
        earlier.stream().filter(e -> !e.at().isBefore(at.minus(java.time.Duration.ofHours(24)))).forEach(e -> e.place().country().ifPresent(countries::add));
        long inWindow = earlier.stream().filter(e -> !e.at().isBefore(at.minus(velocityWindow))).count();
        java.util.OptionalLong fingerprintUsers = fingerprintId.isEmpty() ? java.util.OptionalLong.empty()
                : accountsOnFingerprint(appId, fingerprintId.get(), vouchedOnly);
        return new AccountActivity(last, seen, Optional.of(countries), java.util.OptionalLong.of(inWindow), fingerprintUsers);
    }

    @Override
    public synchronized java.util.OptionalLong accountsOnFingerprint(String appId, String fingerprintId, boolean vouchedOnly) {
        return java.util.OptionalLong.of(accountsByFingerprint.getOrDefault(appId + '|' + fingerprintId, Map.of()).values().stream()
                .filter(vouched -> vouched || !vouchedOnly).count());
    }

    @Override
    public synchronized java.util.OptionalLong accountsOnDevice(String appId, String deviceId, Optional<String> otherThan, boolean vouchedOnly) {
        return java.util.OptionalLong.of(Math.min(accountsByDevice.getOrDefault(appId + '|' + deviceId, Map.of()).entrySet().stream()
                .filter(row -> !otherThan.equals(Optional.of(row.getKey())) && (row.getValue() || !vouchedOnly)).count(),
                io.seatguard.core.checks.DeviceUserCountCheck.LIMIT));
    }

    /** As the SQL store answers it: let in by an evaluation or a challenge, or by a link that is not refused. */
    @Override
    public synchronized boolean wasLetIn(String appId, String deviceId) {
        return letIn.contains(appId + '|' + deviceId) || links.entrySet().stream()
                .anyMatch(link -> link.getKey().startsWith(appId + '|') && link.getValue().deviceId().equals(deviceId)
                        && link.getValue().status() != LinkStatus.REFUSED);
    }

    /** Lets a device in to the app, as passing a signup's challenge on it does. */
    public synchronized void letIn(String appId, String deviceId) {
        letIn.add(appId + '|' + deviceId);
    }

    /** Logs a device out of an account, as DELETE /v3/users/{user}/devices/{id} will. */
    public synchronized void detach(String appId, String userId, String deviceId) {
        logOut(appId, userId, deviceId, LinkStatus.DETACHED);
    }

    /** Gives a device's link a logged-out status: {@link LinkStatus#REFUSED} as if it had never been let in. */
    public synchronized void logOut(String appId, String userId, String deviceId, LinkStatus status) {
        String key = appId + '|' + userId + '|' + deviceId;
        LinkedDevice old = links.get(key);
        LinkedDevice detached = new LinkedDevice(deviceId, old.type(), status, old.firstSeen(), old.lastSeen(), old.vouched());
        links.put(key, detached);
        linksByAccount.get(appId + '|' + userId).put(deviceId, detached);
    }

    @Override
    public synchronized Optional<Evaluation> find(String appId, String evaluationId) {
        requireKeptEvaluations();
        return Optional.ofNullable(evaluations.get(appId + '|' + evaluationId));
    }

    @Override
    public synchronized ConsumeOutcome consume(String appId, String evaluationId, Instant at) {
        requireKeptEvaluations();
        Evaluation evaluation = evaluations.get(appId + '|' + evaluationId);
        if (evaluation == null) {
            return new ConsumeOutcome.NotFound();
        }
        if (evaluation.consumed()) {
            return new ConsumeOutcome.AlreadyConsumed();
        }
        Evaluation consumed = evaluation.withConsumedAt(at);
        evaluations.put(appId + '|' + evaluationId, consumed);
        return new ConsumeOutcome.Consumed(consumed);
    }

    /** Moves a token to a device separated from its old one, if it still belongs there (as the SQL store). */
    private void moveToken(String app, String key, String from, String to) {
        if (!from.equals(tokens.get(key))) {
            throw new DeviceClaimConflict("token no longer belongs to " + from);
        }
        tokens.put(key, to);
        tokensPerDevice.merge(app + '|' + from, -1, Integer::sum);
        tokensPerDevice.merge(app + '|' + to, 1, Integer::sum);
        TokenVersion version = tokenVersions.getOrDefault(app + '|' + from, new HashMap<>()).remove(key);
        if (version != null) {
            tokenVersions.computeIfAbsent(app + '|' + to, k -> new HashMap<>()).put(key, version);
        }
    }

    @Override
    public synchronized List<io.seatguard.core.identity.DeviceToken> tokens(String appId, String deviceId, String tokenHash) {
        String prefix = appId + '|';
        List<io.seatguard.core.identity.DeviceToken> held = tokenVersions.getOrDefault(prefix + deviceId, Map.of()).entrySet().stream()
                .map(entry -> new io.seatguard.core.identity.DeviceToken(entry.getKey().substring(prefix.length()), entry.getValue().createdAt(),
                        Optional.of(entry.getValue().lastSeen()), Optional.ofNullable(entry.getValue().deviceSeenAtJoin())))
                .toList();
        Optional<io.seatguard.core.identity.DeviceToken> own = held.stream().filter(token -> token.tokenHash().equals(tokenHash)).findFirst();
        java.util.stream.Stream<io.seatguard.core.identity.DeviceToken> older = held.stream()
                .filter(token -> own.isPresent() && token.createdAt().isBefore(own.get().createdAt()))
                .sorted(java.util.Comparator.comparing((io.seatguard.core.identity.DeviceToken token) -> token.lastSeen().orElse(Instant.MIN)).reversed());
        return java.util.stream.Stream.concat(own.stream(), older).limit(MAX_TOKENS_READ).toList();
    }

    @Override
    public synchronized Optional<KnownDevice> findByTokenHash(String appId, String tokenHash) {
        return Optional.ofNullable(tokens.get(appId + '|' + tokenHash)).map(id -> devices.get(appId + '|' + id));
    }

    @Override
    public synchronized List<io.seatguard.core.identity.StoredDevice> latest(String appId, java.util.Collection<String> deviceIds) {
        List<io.seatguard.core.identity.StoredDevice> stored = new ArrayList<>();
        for (String id : deviceIds) {
            Map<String, Object> latest = components.get(appId + '|' + id);
            if (latest != null) {
                stored.add(new io.seatguard.core.identity.StoredDevice(devices.get(appId + '|' + id), latest));
            }
        }
        return stored;
    }

    @Override
    public synchronized Block block(String appId, String blockingKey, int limit) {
        List<StoredDevice> inBlock = new ArrayList<>();
        int tokenCount = 0;
        for (String id : blockMembers.getOrDefault(appId + '|' + blockingKey, new java.util.LinkedHashSet<>())) {
            if (inBlock.size() >= limit) {
                break;
            }
            String deviceKey = appId + '|' + id;
            inBlock.add(new StoredDevice(devices.get(deviceKey), components.get(deviceKey)));
            tokenCount += tokensPerDevice.getOrDefault(deviceKey, 0);
        }
        return new Block(inBlock, Math.min(tokenCount, limit));
    }

    @Override
    public synchronized Map<String, java.util.Set<String>> networksSince(String appId, java.util.Collection<String> deviceIds, Instant since) {
        Map<String, java.util.Set<String>> seen = new HashMap<>();
        for (String id : deviceIds) {
            deviceNetworks.getOrDefault(appId + '|' + id, Map.of()).forEach((network, last) -> {
                if (!last.isBefore(since)) {
                    seen.computeIfAbsent(id, k -> new java.util.HashSet<>()).add(network);
                }
            });
        }
        return seen;
    }

    @Override
    public synchronized int devicesOnNetwork(String appId, String network, Instant since, int limit) {
        long count = networks.getOrDefault(appId + '|' + network, Map.of()).values().stream().filter(last -> !last.isBefore(since)).count();
        return (int) Math.min(count, limit);
    }

    @Override
    public synchronized Optional<KnownDevice> findByFingerprint(String appId, String fingerprintId) {
        return Optional.ofNullable(fingerprints.get(appId + '|' + fingerprintId)).map(id -> devices.get(appId + '|' + id));
    }

    @Override
    public synchronized AccountState load(String appId, String userId, String ip, Optional<String> fingerprintId, Optional<String> deviceId,
            Instant since) {
        List<LinkedDevice> linked = new ArrayList<>();
        String prefix = appId + '|' + userId + '|';
        linksByAccount.getOrDefault(appId + '|' + userId, Map.of()).values().forEach(link -> {
            if (!link.lastSeen().isBefore(since) || deviceId.map(link.deviceId()::equals).orElse(false)) {
                linked.add(link);
            }
        });
        // As the SQL stores read them: up to the limit, the named device kept.
        boolean truncated = linked.size() > AccountState.DEVICE_LIMIT;
        if (truncated) {
            linked.sort(java.util.Comparator.comparing((LinkedDevice link) -> !deviceId.map(link.deviceId()::equals).orElse(false)));
            linked.subList(AccountState.DEVICE_LIMIT, linked.size()).clear();
        }
        return new AccountState(Optional.ofNullable(users.get(appId + '|' + userId)), linked, Optional.ofNullable(userIps.get(prefix + io.seatguard.core.account.AccountIpKey.of(ip))),
                fingerprintId.map(fp -> userFingerprints.get(prefix + fp)), truncated);
    }

    @Override
    public synchronized Optional<LinkedDevice> link(String appId, String userId, String deviceId) {
        return Optional.ofNullable(linksByAccount.getOrDefault(appId + '|' + userId, Map.of()).get(deviceId));
    }

    public synchronized int evaluationCount() {
        requireKeptEvaluations();
        return evaluations.size();
    }

    /** A store made {@link #forgettingEvaluations} says so, rather than answer as if no evaluation had been recorded. */
    private void requireKeptEvaluations() {
        if (!keepsEvaluations) {
            throw new IllegalStateException("this store keeps no evaluations (InMemoryEvaluationStore.forgettingEvaluations)");
        }
    }

    /** How many times a device's latest components were stored. */
    public synchronized int componentWrites() {
        return componentWrites;
    }

    public synchronized int rowWrites() {
        return rowWrites;
    }

    private static Seen widen(Seen old, Seen now) {
        return new Seen(earlier(old.first(), now.first()), later(old.last(), now.last()), old.vouched() || now.vouched());
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
