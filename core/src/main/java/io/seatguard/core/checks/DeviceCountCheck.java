package io.seatguard.core.checks;

/** {@code device_count}: distinct devices the account used in the rolling window (30 days), this one included. */
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
        return (long) inputs.devicesInWindow().size();
    }
}
