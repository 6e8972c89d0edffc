package io.seatguard.core.evaluation;

/**
 * Raised by a store when a new device lost the claim of its token or fingerprint to another device
 * between the pipeline's read and its write: first requests of one browser racing (tabs opening at once,
 * with no token or each with one it just made), on one node or on several sharing a database. Nothing
 * of the losing write is kept. The pipeline runs again and resolves as it would have one request later,
 * which usually finds the device the winner created: a race whose requests show the same token or the
 * same components (one exact fingerprint) does not split one browser into several devices.
 *
 * <p>Its token is lost if anybody holds it. Its fingerprint only if resolution found it free
 * ({@link io.seatguard.core.identity.DeviceResolution#fingerprintHeld} false): a new device made though
 * another held the fingerprint is an identical machine kept apart on purpose, and claims nothing.
 * Racers whose components differ share no fingerprint, and are not told apart from different browsers
 * (docs/architecture.md, "Races for a new device").
 */
public final class DeviceClaimConflict extends StaleReadConflict {
    private static final long serialVersionUID = 1L;

    public DeviceClaimConflict(String message) {
        super(message);
    }
}
