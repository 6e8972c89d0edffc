package io.seatguard.core.checks;

import io.seatguard.core.account.AccountState;
import java.util.OptionalLong;

/**
 * {@code device_count}: distinct devices the account used in the rolling window (30 days), this one
 * included, up to {@link AccountState#DEVICE_LIMIT} (the store reads no more links than that).
 */
public final class DeviceCountCheck implements Check {
    @Override
    public String name() {
        return "device_count";
    }

    @Override
    public CheckType type() {
        return CheckType.NUMBER;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        return Math.min((long) inputs.devicesInWindow().size(), AccountState.DEVICE_LIMIT);
    }

    @Override
    public OptionalLong limit() {
        return OptionalLong.of(AccountState.DEVICE_LIMIT);
    }
}
