package io.seatguard.core.checks;

import java.util.OptionalLong;

/**
 * {@code device_user_count}: how many accounts of the app this device was used on, this one included:
 * the accounts evaluations named on its id (allowed, challenged or denied alike), and this evaluation's.
 * Many accounts on one device is one browser or app install signing into many accounts (a shared
 * computer, or an account farm trying account after account, refused or not).
 *
 * <p>Why not {@code fingerprint_user_count}: an exact fingerprint is shared by every unit of a common model
 * with the same settings (iPhones of one model and version, a company's laptops from one disk image), so
 * it counts look-alike people as one machine. On the generated population of 10,000 devices, where no
 * device ever signs into a second account, {@code fingerprint_user_count} was 3 or more on 39 % of
 * evaluations (71 % of iPhones', 97 % of fleet laptops'); this count never was (docs/benchmarks.md). The
 * device id keeps look-alikes apart by their tokens, and joins a browser whose storage was cleared to its
 * device on uncommon hardware ({@link io.seatguard.core.identity.DeviceResolver}).
 *
 * <p>Zero for the zero device id (no usable signals). Without an account (a signup naming no user), the
 * accounts named on the device. An evaluation vouched for (server mode, signed identity) counts only
 * accounts a vouched evaluation named on it, and this one: anyone holding the public client id can send
 * unsigned evaluations naming made-up accounts, and whoever copies the owner's components on uncommon
 * hardware lands on the owner's device. Counted up to {@link #LIMIT}; null when it cannot be read.
 */
public final class DeviceUserCountCheck implements Check {
    /** The highest count reported, and the most accounts a reader counts. */
    public static final long LIMIT = 1_000;

    @Override
    public String name() {
        return "device_user_count";
    }

    @Override
    public CheckType type() {
        return CheckType.NUMBER;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        if (!inputs.device().isKnownDevice()) {
            return 0L;
        }
        OptionalLong others = inputs.otherAccountsOnDevice();
        if (others.isEmpty()) {
            return null;
        }
        return Math.min(others.getAsLong() + (inputs.hasUser() ? 1 : 0), LIMIT);
    }

    @Override
    public OptionalLong limit() {
        return OptionalLong.of(LIMIT);
    }
}
