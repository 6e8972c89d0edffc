package io.seatguard.core.checks;

/**
 * {@code is_new_ip}: the account had never been seen from this address, or for IPv6 from any address of its
 * /64 ({@link io.seatguard.core.account.AccountIpKey}). IPs are tracked per account, so false without one.
 */
public final class IsNewIpCheck implements Check {
    @Override
    public String name() {
        return "is_new_ip";
    }

    @Override
    public CheckType type() {
        return CheckType.BOOLEAN;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        return inputs.hasUser() && !inputs.account().ipKnown();
    }
}
