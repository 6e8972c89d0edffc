package io.seatguard.core.identity;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.identity.DeviceResolution.MatchKind;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Resolves a request's device signals to a durable device id within one app.
 *
 * <p>Order (DESIGN.md "Durable device id"): the persistent token the SDK keeps, when we have seen it;
 * then the exact fingerprint of the components; then, once the account is known, the account's devices
 * whose latest components are close enough ({@link #matchWithin}); otherwise a new device. Matching
 * across the whole app by a blocking key is a later step. Without any usable signal the answer is the zero id, never a fresh device: counting such
 * requests as new devices would inflate every account's device count.
 *
 * <p>A token wins over the fingerprint: components drift (a browser update changes several at once),
 * while the token is only lost when storage is cleared, and then the fingerprint takes over.
 */
public final class DeviceResolver {
    private final DeviceDirectory directory;
    private final Supplier<String> newDeviceIds;
    private final DeviceMatcher matcher;

    public DeviceResolver(DeviceDirectory directory, Supplier<String> newDeviceIds) {
        this(directory, newDeviceIds, new DeviceMatcher(DeviceMatcher.DEFAULT_THRESHOLD));
    }

    public DeviceResolver(DeviceDirectory directory, Supplier<String> newDeviceIds, DeviceMatcher matcher) {
        this.directory = requireNonNull(directory, "directory is null");
        this.newDeviceIds = requireNonNull(newDeviceIds, "newDeviceIds is null");
        this.matcher = requireNonNull(matcher, "matcher is null");
    }

    public Resolved resolve(String appId, DeviceSignals signals) {
        Optional<String> fingerprintId = Fingerprint.of(signals.components());
        Optional<String> tokenHash = signals.token().map(Fingerprint::sha256Hex);
        if (!signals.isUsable()) {
            return new Resolved(new DeviceResolution(DeviceResolution.UNKNOWN_DEVICE_ID, false, MatchKind.NO_SIGNALS, 0, fingerprintId, tokenHash), Optional.empty());
        }
        if (tokenHash.isPresent()) {
            Optional<KnownDevice> byToken = directory.findByTokenHash(appId, tokenHash.get());
            if (byToken.isPresent()) {
                return new Resolved(new DeviceResolution(byToken.get().id(), false, MatchKind.TOKEN, 1.0, fingerprintId, tokenHash), byToken);
            }
        }
        if (fingerprintId.isPresent()) {
            Optional<KnownDevice> byFingerprint = directory.findByFingerprint(appId, fingerprintId.get());
            if (byFingerprint.isPresent()) {
                return new Resolved(new DeviceResolution(byFingerprint.get().id(), false, MatchKind.EXACT_FINGERPRINT, 1.0, fingerprintId, tokenHash), byFingerprint);
            }
        }
        return new Resolved(new DeviceResolution(newDeviceIds.get(), true, MatchKind.NEW_DEVICE, 1.0, fingerprintId, tokenHash), Optional.empty());
    }

    /**
     * Looks for the device among the account's devices when token and exact fingerprint found nothing:
     * storage was cleared and the components drifted since (a browser update, a new font, a monitor).
     * Returns the first resolution unchanged when it was not a new device or nothing is close enough.
     */
    public Resolved matchWithin(String appId, DeviceSignals signals, Resolved first, Collection<String> accountDeviceIds) {
        DeviceResolution resolution = first.resolution();
        if (resolution.matchedBy() != MatchKind.NEW_DEVICE || signals.components().isEmpty() || accountDeviceIds.isEmpty()) {
            return first;
        }
        List<StoredDevice> stored = directory.latest(appId, accountDeviceIds);
        List<DeviceMatcher.Candidate> candidates = stored.stream()
                .map(device -> new DeviceMatcher.Candidate(device.device().id(), device.components()))
                .toList();
        Optional<DeviceMatcher.Match> match = matcher.bestMatch(signals.components(), candidates);
        if (match.isEmpty()) {
            return first;
        }
        KnownDevice device = stored.stream().map(StoredDevice::device).filter(known -> known.id().equals(match.get().deviceId())).findFirst().orElseThrow();
        return new Resolved(new DeviceResolution(device.id(), false, MatchKind.FUZZY, match.get().confidence(), resolution.fingerprintId(),
                resolution.tokenHash()), Optional.of(device));
    }

    /** A resolution together with the stored device it found, if any. */
    public record Resolved(DeviceResolution resolution, Optional<KnownDevice> device) {
        public Resolved {
            requireNonNull(resolution, "resolution is null");
            requireNonNull(device, "device is null");
        }
    }
}
