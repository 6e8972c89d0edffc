package io.seatguard.core.identity;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.identity.DeviceResolution.MatchKind;
import io.seatguard.core.net.IpAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Resolves a request's device signals to a durable device id within one app.
 *
 * <p>Order (DESIGN.md "Durable device id"): the persistent token the SDK keeps, when we have seen it;
 * then the exact fingerprint of the components; then, once the account is known, the account's devices
 * whose latest components are close enough; then devices of the same uncommon hardware across the app
 * ({@link BlockingKey}); otherwise a new device. Without any usable signal the answer is the zero id,
 * never a fresh device: counting such requests as new devices would inflate every account's device count.
 *
 * <p>A token wins over the fingerprint: components drift (a browser update changes several at once),
 * while the token is only lost when storage is cleared, and then the fingerprint takes over. A token
 * shown with components that clearly belong to another device is not believed, though: somebody copied
 * it, perhaps to pass a second machine off as the owner's. The device is then resolved by its
 * components and the resolution says {@code tokenMismatch}.
 *
 * <p>A request without a known token is either a known browser whose storage was cleared (or an
 * incognito window) or a different browser that looks the same. Within the account the first is far
 * likelier, so the account's devices are always compared. Across the app it depends on how common the
 * hardware is: when the devices of its hardware class already hold {@link #DEFAULT_CROWDED_AT} or more
 * tokens (two browsers, or one whose storage was cleared), identical machines (one phone model, a fleet of office laptops) are known to be about, and
 * neither the exact fingerprint nor a fuzzy match may attach the request to a device of another account.
 * That costs a split now and then (a cleared browser signing up again), which is the cheaper error: a
 * merge would hide one person's device behind another's.
 *
 * <p>Where components may still attach the request to a device (the account's devices on common hardware,
 * and any other account's device on rare hardware), the network breaks the tie: a device whose home
 * network is known and is not the request's is left out (see {@link #settle}). A shared network (a
 * carrier's NAT) testifies to nothing.
 *
 * <p>What no single request tells apart (two identical phones of one person, one version, one home) is
 * undone afterwards: a known token that keeps being shown beside an older token of its device is another
 * install's, and gets a device of its own ({@link #separate}).
 */
public final class DeviceResolver {
    /** Stands for a class we cannot name (no GPU renderer): as full as can be, so it counts as common. */
    private static final DeviceDirectory.Block UNKNOWN_CLASS = new DeviceDirectory.Block(List.of(), Integer.MAX_VALUE);

    /** Below this similarity to its device's latest components, a known token is somebody else's. */
    public static final double TOKEN_MISMATCH_BELOW = 0.5;
    /**
     * A hardware class whose devices hold this many tokens is common: see the class comment. Two means
     * "another browser of this hardware has been seen". On the generated population (docs/benchmarks.md)
     * 1, 2, 3 and 5 gave the same split rate (2.8 %) and merge rates of 1.6, 2.0, 2.5 and 3.1 %; 1 would
     * switch app-wide matching off for every device that ever held a token, so 2 keeps it for rare hardware.
     */
    public static final int DEFAULT_CROWDED_AT = 2;
    /** How far back a device's networks count for {@link #settle}'s tie-break: the device window's 30 days. */
    public static final Duration NETWORK_MEMORY = Duration.ofDays(30);
    /**
     * A network that this many devices were evaluated from within {@link #NETWORK_MEMORY} is shared (more
     * than a household's devices), and testifies to nothing. On the generated population 4, 6, 8 and 10
     * gave merge rates of 1.39, 1.31, 1.29 and 1.29 % and split rates of 2.16, 2.16, 2.18 and 2.20 %.
     */
    public static final int SHARED_NETWORK_AT = 8;
    /**
     * How long a token's browser version counts for {@link Versions}: a token lost to cleared storage
     * stops counting after this. On the generated population 7, 14, 30 and 60 days gave the same rates.
     */
    public static final Duration TOKEN_VERSION_MEMORY = Duration.ofDays(30);
    /**
     * How old a token must be before {@link #separate} may take it to a device of its own: a private
     * window's token, shown beside its browser's own for an evening, dies with the window long before.
     */
    public static final Duration SEPARATE_AFTER = Duration.ofDays(1);
    /**
     * {@link #separate} reads a device's tokens only when the device was not seen for this long: once per
     * session of use, not on every page, so a token request costs no read while its device is in use.
     */
    public static final Duration SESSION_GAP = Duration.ofHours(1);
    /**
     * A token that joined its device within this long of the device's previous sighting is never
     * separated: it is the same browser on another origin of the app (a sign-in page on one subdomain
     * redirecting to the app on another, each with its own storage), or a private window opened beside
     * it, not a second install set up days later.
     */
    public static final Duration COMPANION_WINDOW = Duration.ofMinutes(10);

    private final DeviceDirectory directory;
    private final Supplier<String> newDeviceIds;
    private final DeviceMatcher matcher;
    private final int crowdedAt;

    public DeviceResolver(DeviceDirectory directory, Supplier<String> newDeviceIds) {
        this(directory, newDeviceIds, new DeviceMatcher(DeviceMatcher.DEFAULT_THRESHOLD));
    }

    public DeviceResolver(DeviceDirectory directory, Supplier<String> newDeviceIds, DeviceMatcher matcher) {
        this(directory, newDeviceIds, matcher, DEFAULT_CROWDED_AT);
    }

    public DeviceResolver(DeviceDirectory directory, Supplier<String> newDeviceIds, DeviceMatcher matcher, int crowdedAt) {
        this.directory = requireNonNull(directory, "directory is null");
        this.newDeviceIds = requireNonNull(newDeviceIds, "newDeviceIds is null");
        this.matcher = requireNonNull(matcher, "matcher is null");
        if (crowdedAt < 1) {
            throw new IllegalArgumentException("crowdedAt must be at least 1: " + crowdedAt);
        }
        this.crowdedAt = crowdedAt;
    }

    /**
     * The first look, before the account is loaded: token, then exact fingerprint. An exact match is
     * provisional; {@link #settle} decides whether it stands.
     */
    public Resolved resolve(String appId, DeviceSignals signals) {
        Optional<String> fingerprintId = Fingerprint.of(signals.components());
        Optional<String> tokenHash = signals.token().map(Fingerprint::sha256Hex);
        if (!signals.isUsable()) {
            return new Resolved(new DeviceResolution(DeviceResolution.UNKNOWN_DEVICE_ID, false, MatchKind.NO_SIGNALS, 0, fingerprintId, tokenHash), Optional.empty());
        }
        if (tokenHash.isPresent()) {
            // Both lookups at once (one exchange with a database server): a known token's check needs the
            // fingerprint's device too, and an unknown token's resolution falls back to it.
            DeviceDirectory.TokenAndFingerprint found = directory.findByTokenAndFingerprint(appId, tokenHash.get(), fingerprintId);
            if (found.byToken().isPresent()) {
                // Provisional like an exact match: verifyToken may find the components belong elsewhere.
                DeviceResolution byToken = new DeviceResolution(found.byToken().get().id(), false, MatchKind.TOKEN, 1.0, fingerprintId, tokenHash)
                        .withFingerprintHeld(found.byFingerprint().isPresent());
                return new Resolved(byToken, found.byToken(), fingerprintId.map(id -> found.byFingerprint()));
            }
            return byComponents(found.byFingerprint(), fingerprintId, tokenHash, false);
        }
        return byComponents(fingerprintId.flatMap(id -> directory.findByFingerprint(appId, id)), fingerprintId, tokenHash, false);
    }

    /**
     * Checks a token match against the components shown with it: a known token with components that
     * clearly belong to another device is a copied token. The device is then resolved by its components
     * ({@code tokenMismatch}), and the token stays with its device.
     *
     * <p>Cost: one lookup of the exact fingerprint per token request, made with the token's in {@link
     * #resolve} (cached by the embedded store; one exchange with PostgreSQL); the components are
     * compared only when that fingerprint is not the token device's own. Then the device's stored
     * components are replaced when they differ from the ones shown
     * ({@link DeviceResolution#replacesComponents}).
     */
    public Resolved verifyToken(String appId, DeviceSignals signals, Resolved first) {
        DeviceResolution resolution = first.resolution();
        if (resolution.matchedBy() != MatchKind.TOKEN || first.device().isEmpty() || resolution.fingerprintId().isEmpty()) {
            return first;
        }
        String tokenDevice = first.device().get().id();
        Optional<KnownDevice> byFingerprint = first.fingerprintDevice()
                .orElseGet(() -> directory.findByFingerprint(appId, resolution.fingerprintId().get()));
        boolean own = byFingerprint.map(known -> known.id().equals(tokenDevice)).orElse(false);
        if (own || signals.components().isEmpty()) {
            return first;
        }
        Optional<Map<String, Object>> known = directory.latest(appId, List.of(tokenDevice)).stream().findFirst().map(StoredDevice::components);
        if (known.isPresent() && contradicts(signals.components(), known.get())) {
            return byComponents(byFingerprint, resolution.fingerprintId(), Optional.empty(), true);
        }
        if (known.isPresent() && matchable(known.get()) && !matchable(signals.components())) {
            // Too few components to be compared with anything (a page view whose probes mostly failed, a
            // hand-made call with the token): kept as the device's latest, or claimed as its fingerprint
            // (which makes them its latest too), they would leave the device unfindable by its next cleared
            // storage. It keeps the ones it showed in full, and the fingerprint stays free.
            return new Resolved(resolution.withFingerprintHeld(true), first.device());
        }
        // The fingerprint is not the device's own: an identical unit of its model showed it first (after
        // the same browser update), or nobody did. Keep the device's latest components what it shows, or
        // its next cleared storage is compared with components it no longer has.
        boolean stale = known.map(components -> !components.equals(signals.components())).orElse(true);
        return stale ? new Resolved(resolution.replacingComponents(), first.device()) : first;
    }

    /**
     * Whether a set of components weighs enough to be compared at all ({@link DeviceMatcher#MIN_EVIDENCE}):
     * the evidence two sets share is at most either one's weight, so a lighter set never matches anything.
     */
    private static boolean matchable(Map<String, Object> components) {
        return ComponentSimilarity.evidence(components, components) >= DeviceMatcher.MIN_EVIDENCE;
    }

    /**
     * Takes a known token to a device of its own when it proves to be another install's (a person's
     * second phone of the same model, which looked exactly like the first when it first came, so it
     * was given the first one's id). Cleared storage leaves the old token behind for good; a second
     * install does not: both tokens live on. So a token is another install's when an older token of its
     * device was shown after this one first was, and this one is shown again {@link #SEPARATE_AFTER}
     * later, unless it joined the device while the device was in use ({@link #COMPANION_WINDOW}). The
     * device keeps its older tokens and its history; the new device starts with this token, the
     * components shown and the account's link.
     *
     * <p>Why after the fact: on its first visit nothing in the request tells such a twin from its
     * sibling's cleared storage (docs/benchmarks.md, "Identical twins"), and a merge that stays hides a
     * device from the account's count for good. Looked at once per {@link #SESSION_GAP}.
     */
    public Resolved separate(String appId, Resolved checked, Instant at) {
        DeviceResolution resolution = checked.resolution();
        if (resolution.matchedBy() != MatchKind.TOKEN || resolution.tokenHash().isEmpty() || checked.device().isEmpty()
                || checked.device().get().lastSeen().isAfter(at.minus(SESSION_GAP))) {
            return checked;
        }
        String deviceId = checked.device().get().id();
        List<DeviceToken> tokens = directory.tokens(appId, deviceId, resolution.tokenHash().get());
        Optional<DeviceToken> own = tokens.stream().filter(token -> token.tokenHash().equals(resolution.tokenHash().get())).findFirst();
        if (own.isEmpty() || own.get().createdAt().isAfter(at.minus(SEPARATE_AFTER)) || own.get().joinedWithin(COMPANION_WINDOW)) {
            return checked;
        }
        Instant since = own.get().createdAt();
        boolean olderLivesOn = tokens.stream().anyMatch(token -> token.createdAt().isBefore(since)
                && token.lastSeen().map(seen -> seen.isAfter(since)).orElse(false));
        if (!olderLivesOn) {
            return checked;
        }
        return new Resolved(new DeviceResolution(newDeviceIds.get(), true, MatchKind.NEW_DEVICE, 1.0, resolution.fingerprintId(), resolution.tokenHash(),
                false, false, Optional.of(deviceId), resolution.fingerprintHeld()), Optional.empty());
    }

    /** The exact fingerprint's device, {@code byFingerprint} (looked up by the caller), or a new device. */
    private Resolved byComponents(Optional<KnownDevice> byFingerprint, Optional<String> fingerprintId, Optional<String> tokenHash,
            boolean tokenMismatch) {
        if (byFingerprint.isPresent()) {
            return new Resolved(new DeviceResolution(byFingerprint.get().id(), false, MatchKind.EXACT_FINGERPRINT, 1.0, fingerprintId, tokenHash,
                    tokenMismatch).withFingerprintHeld(true), byFingerprint);
        }
        return newDevice(fingerprintId, tokenHash, tokenMismatch);
    }

    /**
     * The second look, once the account's devices are known: keeps an exact match only where it is
     * trustworthy, then compares a still-new device with the account's devices and with look-alikes of
     * uncommon hardware across the app.
     *
     * <p>Components cannot tell a device from another unit of its model (a sharer's phone like the
     * owner's, a stranger's laptop of the same uncommon model), so the network breaks the tie
     * ({@link Network}): a device whose home network is known, and is not the request's, is not found by
     * components. That applies to the account's devices on common hardware, and to every match across
     * accounts (on rare hardware, where such matches are allowed at all). The account's own device on
     * rare hardware is found from anywhere: no look-alike is known to be about.
     */
    public Resolved settle(String appId, DeviceSignals signals, Resolved first, Collection<String> accountDeviceIds, InetAddress clientIp, Instant at) {
        return settle(appId, signals, first, accountDeviceIds, clientIp, at, UserAgentInfo.UNKNOWN_VERSION);
    }

    /**
     * As above, with the request's browser major version ({@link UserAgentInfo#UNKNOWN_VERSION} if not
     * known): a candidate every recent install of which already runs a newer version is left out of
     * every match, exact ones included ({@link Versions}).
     */
    public Resolved settle(String appId, DeviceSignals signals, Resolved first, Collection<String> accountDeviceIds, InetAddress clientIp, Instant at,
            int browserMajor) {
        DeviceResolution resolution = first.resolution();
        Block block = new Block(appId, signals.components());
        Network network = new Network(appId, clientIp, at);
        Versions versions = new Versions(appId, at, browserMajor);
        if (resolution.matchedBy() == MatchKind.EXACT_FINGERPRINT) {
            boolean inAccount = accountDeviceIds.contains(resolution.deviceId());
            // The account's own device always: the same browser, cleared and on another network, is
            // still itself (issue 3's browser evidence). Another account's only on rare hardware, and
            // only if the network allows it.
            // And in either case, only if a version does not rule it out (read last: it is rarely needed).
            boolean stands = (inAccount || !block.crowded() && !network.rulesOut(resolution.deviceId())) && !versions.rulesOut(resolution.deviceId());
            if (!stands) {
                // The device that did not stand still holds the fingerprint.
                resolution = newDevice(resolution.fingerprintId(), resolution.tokenHash(), resolution.tokenMismatch()).resolution().withFingerprintHeld(true);
                first = new Resolved(resolution, Optional.empty());
            }
        }
        if (resolution.matchedBy() != MatchKind.NEW_DEVICE || signals.components().isEmpty()) {
            return first;
        }
        if (!accountDeviceIds.isEmpty()) {
            List<StoredDevice> own = versions.without(directory.latest(appId, accountDeviceIds), signals.components());
            Optional<Resolved> inAccount = bestOf(own.isEmpty() || !block.crowded() ? own : network.without(own), signals, resolution, MatchKind.FUZZY);
            if (inAccount.isPresent()) {
                return inAccount.get();
            }
        }
        if (!block.crowded()) {
            return bestOf(versions.without(network.without(block.devices()), signals.components()), signals, resolution, MatchKind.FUZZY_APP)
                    .orElse(first);
        }
        return first;
    }

    /**
     * Whether a device resolution found was ever let in to the app ({@link DeviceDirectory#wasLetIn}); a
     * device this evaluation creates, or "device unknown", never was.
     */
    public boolean wasLetIn(String appId, DeviceResolution device) {
        return device.isKnownDevice() && !device.isNew() && directory.wasLetIn(appId, device.deviceId());
    }

    private Optional<Resolved> bestOf(List<StoredDevice> stored, DeviceSignals signals, DeviceResolution resolution, MatchKind kind) {
        List<DeviceMatcher.Candidate> candidates = stored.stream()
                .map(device -> new DeviceMatcher.Candidate(device.device().id(), device.components()))
                .toList();
        return matcher.bestMatch(signals.components(), candidates).map(match -> {
            StoredDevice device = stored.stream().filter(known -> known.device().id().equals(match.deviceId())).findFirst().orElseThrow();
            // The fingerprint is not the device's (else it would have matched exactly): the device's
            // latest components become the ones shown, whoever showed that fingerprint first.
            return new Resolved(new DeviceResolution(device.device().id(), false, kind, match.confidence(), resolution.fingerprintId(),
                    resolution.tokenHash(), resolution.tokenMismatch(), !device.components().equals(signals.components()), Optional.empty(),
                    resolution.fingerprintHeld()), Optional.of(device.device()));
        });
    }

    private Resolved newDevice(Optional<String> fingerprintId, Optional<String> tokenHash, boolean tokenMismatch) {
        return new Resolved(new DeviceResolution(newDeviceIds.get(), true, MatchKind.NEW_DEVICE, 1.0, fingerprintId, tokenHash, tokenMismatch),
                Optional.empty());
    }

    /** Whether the components clearly belong to another device than the token's; drift alone never does. */
    private static boolean contradicts(Map<String, Object> components, Map<String, Object> known) {
        if (known.equals(components)) {
            return false;
        }
        return ComponentSimilarity.evidence(components, known) >= DeviceMatcher.MIN_EVIDENCE
                && ComponentSimilarity.of(components, known) < TOKEN_MISMATCH_BELOW;
    }

    /**
     * The request's network ({@link IpAddresses#network}: its /24 or /64), and which candidate devices it
     * rules out. Read from the directory only when a candidate is to be judged, and each network's size
     * once per request.
     *
     * <p>A network that {@link #SHARED_NETWORK_AT} or more devices were evaluated from within
     * {@link #NETWORK_MEMORY} (a carrier's NAT, a campus, an office, a café) says nothing of which device
     * this is; a private one (a home line) does. A candidate is ruled out when the request comes from a
     * private network the candidate was not seen on within {@link #NETWORK_MEMORY}, while it was seen on
     * a private network of its own: its home is known, and this is not it. A candidate seen on this
     * network, or only on shared ones (a phone seen only on its carrier), stays in.
     */
    private final class Network {
        private final String appId;
        private final String network;
        private final Instant since;
        private final Map<String, Boolean> ruledOut = new HashMap<>();
        private final Map<String, Boolean> shared = new HashMap<>();

        Network(String appId, InetAddress clientIp, Instant at) {
            this.appId = appId;
            this.network = IpAddresses.network(clientIp);
            this.since = at.minus(NETWORK_MEMORY);
        }

        boolean rulesOut(String deviceId) {
            load(List.of(deviceId));
            return ruledOut.get(deviceId);
        }

        List<StoredDevice> without(List<StoredDevice> devices) {
            load(devices.stream().map(device -> device.device().id()).toList());
            return devices.stream().filter(device -> !ruledOut.get(device.device().id())).toList();
        }

        private void load(List<String> deviceIds) {
            List<String> missing = deviceIds.stream().filter(id -> !ruledOut.containsKey(id)).distinct().toList();
            if (missing.isEmpty()) {
                return;
            }
            if (shared(network)) {
                missing.forEach(id -> ruledOut.put(id, false));
                return;
            }
            Map<String, Set<String>> seen = directory.networksSince(appId, missing, since);
            for (String id : missing) {
                Set<String> networks = seen.getOrDefault(id, Set.of());
                ruledOut.put(id, !networks.contains(network) && networks.stream().anyMatch(other -> !shared(other)));
            }
        }

        private boolean shared(String candidate) {
            return shared.computeIfAbsent(candidate, key -> directory.devicesOnNetwork(appId, key, since, SHARED_NETWORK_AT) >= SHARED_NETWORK_AT);
        }
    }

    /**
     * A browser never goes back a major version. A request without a known token is either a known
     * install whose storage was cleared (or a private window of it), which runs the version that install
     * last ran or a newer one, or another install. So a candidate device all of whose tokens shown within
     * {@link #TOKEN_VERSION_MEMORY} last ran a newer major version than the request's is another install:
     * typically one person's second phone of the same model, identical to the first in every component.
     *
     * <p>Per token, not per device: once two installs share a device id (a merge nothing could prevent),
     * the older install's own cleared storage must still find it, and it does, because the older
     * install's token keeps the minimum down. A token lost to cleared storage stops counting after
     * {@link #TOKEN_VERSION_MEMORY}. The rule only ever removes candidates, so an unknown version (a
     * backend call without a user agent) changes nothing.
     */
    private final class Versions {
        private final String appId;
        private final Instant since;
        private final int browserMajor;

        Versions(String appId, Instant at, int browserMajor) {
            this.appId = appId;
            this.since = at.minus(TOKEN_VERSION_MEMORY);
            this.browserMajor = browserMajor;
        }

        boolean rulesOut(String deviceId) {
            if (browserMajor <= 0) {
                return false;
            }
            Integer lowest = directory.lowestRecentBrowserMajor(appId, List.of(deviceId), since).get(deviceId);
            return lowest != null && lowest > browserMajor;
        }

        /**
         * The candidates less those ruled out. Versions are read only for the candidates that could decide
         * the match ({@link DeviceMatcher#contenders}): most requests that get here match nobody, and
         * then nothing is read.
         */
        List<StoredDevice> without(List<StoredDevice> devices, Map<String, Object> components) {
            if (browserMajor <= 0 || devices.isEmpty()) {
                return devices;
            }
            Set<String> contenders = matcher.contenders(components, devices.stream()
                    .map(device -> new DeviceMatcher.Candidate(device.device().id(), device.components())).toList());
            if (contenders.isEmpty()) {
                return devices;
            }
            Map<String, Integer> lowest = directory.lowestRecentBrowserMajor(appId, contenders, since);
            return devices.stream().filter(device -> lowest.getOrDefault(device.device().id(), 0) <= browserMajor).toList();
        }
    }

    /**
     * The request's hardware class: its key hashed, and the class read from the directory, once each and
     * only if asked (a match within the account needs neither).
     */
    private final class Block {
        private final String appId;
        private final Map<String, Object> components;
        private DeviceDirectory.Block loaded;

        Block(String appId, Map<String, Object> components) {
            this.appId = appId;
            this.components = components;
        }

        /** Without a key we cannot tell how common the hardware is, so it counts as common. */
        boolean crowded() {
            return load().tokens() >= crowdedAt;
        }

        List<StoredDevice> devices() {
            return load().devices();
        }

        private DeviceDirectory.Block load() {
            if (loaded == null) {
                loaded = BlockingKey.of(components).map(key -> directory.block(appId, key, crowdedAt)).orElse(UNKNOWN_CLASS);
            }
            return loaded;
        }
    }

    /**
     * A resolution together with the stored device it found, if any.
     *
     * @param fingerprintDevice for a token match, the device that holds the request's fingerprint (empty
     *     inside when nobody does), when it was looked up with the token; empty when it was not looked up
     */
    public record Resolved(DeviceResolution resolution, Optional<KnownDevice> device, Optional<Optional<KnownDevice>> fingerprintDevice) {
        public Resolved {
            requireNonNull(resolution, "resolution is null");
            requireNonNull(device, "device is null");
            requireNonNull(fingerprintDevice, "fingerprintDevice is null");
        }

        public Resolved(DeviceResolution resolution, Optional<KnownDevice> device) {
            this(resolution, device, Optional.empty());
        }
    }
}
