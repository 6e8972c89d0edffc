package io.seatguard.core.evaluation;

/**
 * Which rows besides the evaluation itself one evaluation must write. Links that are new are always
 * written; links already known are written only when {@link WriteThrottle} says their times or status
 * moved enough to matter.
 *
 * @param deviceLetIn the evaluation's device must be marked let in to the app: an allowed signup without an
 *     account ({@link io.seatguard.core.identity.DeviceDirectory#wasLetIn}). Only read when the write
 *     attaches its device.
 * @param deviceUser the account's row among the device's accounts ({@code device_user_count}) must be
 *     written: with its link, or at each evaluation of a device the account has no link to (a challenged
 *     or denied one), whose row nothing in the account's state tells is current
 */
public record Touches(boolean device, boolean user, boolean ip, boolean fingerprint, boolean deviceLink, boolean country, boolean deviceLetIn,
        boolean deviceUser) {
    /** Write everything (imports, tests, and whenever nothing is known). */
    public static final Touches ALL = new Touches(true, true, true, true, true, true, true, true);

    /** Touches that mark no device let in, writing the device's account row with its link. */
    public Touches(boolean device, boolean user, boolean ip, boolean fingerprint, boolean deviceLink, boolean country) {
        this(device, user, ip, fingerprint, deviceLink, country, false, deviceLink);
    }

    /** These touches, also marking the evaluation's device let in to the app. */
    public Touches lettingDeviceIn() {
        return new Touches(device, user, ip, fingerprint, deviceLink, country, true, deviceUser);
    }
}
