package io.seatguard.core.checks;

/** {@code is_new_user}: the account had never been evaluated before. False when the request names no account. */
public final class IsNewUserCheck implements Check {
    @Override
    public String name() {
        return "is_new_user";
    }

    @Override
    public CheckType type() {
        return CheckType.BOOLEAN;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        return inputs.hasUser() && !inputs.account().userKnown();
    }
}
