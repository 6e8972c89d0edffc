package io.seatguard.core.evaluation;

/**
 * Raised by a store when a new device's token or fingerprint was claimed by another device between the
 * pipeline's read and its write (two first requests of one browser racing). The pipeline runs again and
 * then finds the device the winner created, so the race never splits one browser into two devices.
 */
public final class DeviceClaimConflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeviceClaimConflict(String message) {
        super(message);
    }
}
