package io.seatguard.core.checks;

import io.seatguard.core.account.LinkStatus;

/**
 * {@code is_new_device}: the account had never used this device (one logged out before it was ever let
 * in, {@link LinkStatus#REFUSED}, included). Without an account it means the device was never let in to
 * the app: a signup abandoned at its challenge stored the device, but its retry is still a new device's
 * (seed 003). "Device unknown" (no usable signals) is never a new device (seed 002). An evaluation whose
 * account was vouched for (server mode, signed identity) also counts a device as new when only unsigned
 * browser calls let it in ({@link io.seatguard.core.account.LinkedDevice#vouched}).
 */
public final class IsNewDeviceCheck implements Check {
    @Override
    public String name() {
        return "is_new_device";
    }

    @Override
    public CheckType type() {
        return CheckType.BOOLEAN;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        if (!inputs.device().isKnownDevice()) {
            return false;
        }
        if (!inputs.hasUser()) {
            return !inputs.deviceLetInBefore();
        }
        // A device refused before it was ever let in is still new: refusing it must not vouch for it. And
        // for an account named by the backend or signed, a device only unsigned calls let in is new too:
        // anyone with the public client id can name the account in such a call.
        boolean vouched = inputs.request().identity().vouched();
        return inputs.account().device(inputs.device().deviceId())
                .filter(link -> link.status() != LinkStatus.REFUSED && (link.vouched() || !vouched))
                .isEmpty();
    }
}
