package io.seatguard.core.identity;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.identity.DeviceResolution.MatchKind;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Resolves a request's device signals to a durable device id within one app.
 *
 * <p>Order (DESIGN.md "Durable device id"): the persistent token the SDK keeps, when we have seen it;
 * then the exact fingerprint of the components; otherwise a new device. A drift-tolerant matcher that
 * compares components by weight slots in between the exact fingerprint and a new device (a later
 * step). Without any usable signal the answer is the zero id, never a fresh device: counting such
 * requests as new devices would inflate every account's device count.
 *
 * <p>A token wins over the fingerprint: components drift (a browser update changes several at once),
 * while the token is only lost when storage is cleared, and then the fingerprint takes over.
 */
public final class DeviceResolver {
    private final DeviceDirectory directory;
    private final Supplier<String> newDeviceIds;

    public DeviceResolver(DeviceDirectory directory, Supplier<String> newDeviceIds) {
        this.directory = requireNonNull(directory, "directory is null");
        this.newDeviceIds = requireNonNull(newDeviceIds, "newDeviceIds is null");
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

    /** A resolution together with the stored device it found, if any. */
    public record Resolved(DeviceResolution resolution, Optional<KnownDevice> device) {
        public Resolved {
            requireNonNull(resolution, "resolution is null");
            requireNonNull(device, "device is null");
        }
    }
}
