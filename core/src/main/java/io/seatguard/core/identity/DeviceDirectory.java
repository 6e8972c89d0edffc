package io.seatguard.core.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Port: finds an app's devices by the keys device resolution tries, in order. */
public interface DeviceDirectory {
    Optional<KnownDevice> findByTokenHash(String appId, String tokenHash);

    Optional<KnownDevice> findByFingerprint(String appId, String fingerprintId);

    /**
     * Both lookups resolution makes for a request that shows a token: the token's device and, when there
     * is a fingerprint, the fingerprint's (which tells a copied token, or the device when the token is
     * unknown). A store that can answer both in one exchange overrides this; by default it asks each.
     */
    default TokenAndFingerprint findByTokenAndFingerprint(String appId, String tokenHash, Optional<String> fingerprintId) {
        return new TokenAndFingerprint(findByTokenHash(appId, tokenHash), fingerprintId.flatMap(id -> findByFingerprint(appId, id)));
    }

    /** The token's device and the fingerprint's, each empty when nobody holds it (or there was no fingerprint). */
    record TokenAndFingerprint(Optional<KnownDevice> byToken, Optional<KnownDevice> byFingerprint) {
        public TokenAndFingerprint {
            java.util.Objects.requireNonNull(byToken, "byToken is null");
            java.util.Objects.requireNonNull(byFingerprint, "byFingerprint is null");
        }
    }

    /**
     * Whether the device was ever let in to the app: an allowed signup without an account, an owner
     * verification passed on it without an account, or a link of an account that is not
     * {@link io.seatguard.core.account.LinkStatus#REFUSED} (attached, or logged out after it was). A device
     * that was only ever challenged or denied was not, nor one only ever evaluated without an account for
     * another action. An evaluation without an account asks this for {@code is_new_device} ("new to the
     * app").
     */
    boolean wasLetIn(String appId, String deviceId);

    /** The given devices with their latest components; devices without stored components are left out. */
    List<StoredDevice> latest(String appId, Collection<String> deviceIds);

    /**
     * What the app knows of one hardware class ({@link BlockingKey}): up to {@code limit} of its devices
     * with their latest components, most recently changed first, and how many distinct persistent tokens
     * those devices have shown, counted up to {@code limit}.
     */
    Block block(String appId, String blockingKey, int limit);

    /**
     * The networks ({@link io.seatguard.core.net.IpAddresses#network}: each client address's /24 or /64)
     * each of the given devices was evaluated from at or after {@code since}, by device id; a device not
     * evaluated since is left out. Resolution asks this only when components alone cannot tell a known
     * device from a look-alike.
     */
    Map<String, Set<String>> networksSince(String appId, Collection<String> deviceIds, Instant since);

    /**
     * How many distinct devices were evaluated from one network ({@link io.seatguard.core.net.IpAddresses#network})
     * at or after {@code since}, counted up to {@code limit}. A store may count among the network's latest
     * evaluations only (the SQL store reads its last thousand), so that a network a bot sends every
     * request from costs a bounded read.
     */
    int devicesOnNetwork(String appId, String network, Instant since, int limit);

    /**
     * For each of the given devices, the lowest of its tokens' latest browser major versions, over the
     * tokens shown at or after {@code since} with a known version; a device without such a token is left
     * out. Resolution asks this only for candidates of a request without a known token.
     */
    Map<String, Integer> lowestRecentBrowserMajor(String appId, Collection<String> deviceIds, Instant since);

    /**
     * One of a device's persistent tokens and the ones it holds from before it: {@code tokenHash} first
     * (if the device holds it), then its older tokens, most recently shown first (never shown last), up
     * to {@link #MAX_TOKENS_READ} in all. Resolution asks this at most once per session of a token's
     * browser, to tell a second install from cleared storage; the order makes the bounded read exact for
     * that question however many tokens the device has collected.
     */
    List<DeviceToken> tokens(String appId, String deviceId, String tokenHash);

    /** How many tokens {@link #tokens} reads at most. */
    int MAX_TOKENS_READ = 64;

    /** The devices of one hardware class, and how many browsers' tokens they hold between them. */
    record Block(List<StoredDevice> devices, int tokens) {
        public static final Block EMPTY = new Block(List.of(), 0);

        public Block {
            devices = List.copyOf(devices);
        }
    }
}
