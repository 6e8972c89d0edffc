package io.seatguard.core.checks;

/**
 * {@code token_mismatch}: the request carried a known device token together with components that
 * clearly belong to another device, as when a token is copied from the owner's browser to pass a
 * second machine off as the first (issue 3). The device was resolved by its components instead.
 */
public final class TokenMismatchCheck implements Check {
    @Override
    public String name() {
        return "token_mismatch";
    }

    @Override
    public CheckType type() {
        return CheckType.BOOLEAN;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        return inputs.device().tokenMismatch();
    }
}
