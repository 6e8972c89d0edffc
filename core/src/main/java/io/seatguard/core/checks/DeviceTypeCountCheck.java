package io.seatguard.core.checks;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.identity.DeviceType;
import java.util.OptionalLong;

/**
 * {@code computer_device_count} and its siblings: the device window counted for one device type, up to
 * {@link AccountState#DEVICE_LIMIT}; of an account with more links than that, only those the store read.
 */
public final class DeviceTypeCountCheck implements Check {
    private final String name;
    private final DeviceType type;

    public DeviceTypeCountCheck(String name, DeviceType type) {
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckType type() {
        return CheckType.NUMBER;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        return Math.min(inputs.devicesInWindow().values().stream().filter(type::equals).count(), AccountState.DEVICE_LIMIT);
    }

    @Override
    public OptionalLong limit() {
        return OptionalLong.of(AccountState.DEVICE_LIMIT);
    }
}
