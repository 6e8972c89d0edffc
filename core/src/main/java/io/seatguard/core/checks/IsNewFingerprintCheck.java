package io.seatguard.core.checks;

/**
 * {@code is_new_fingerprint}: the account had never shown these exact components. Without an account it
 * means no device in the app had them. False when the request carried no components.
 */
public final class IsNewFingerprintCheck implements Check {
    @Override
    public String name() {
        return "is_new_fingerprint";
    }

    @Override
    public CheckType type() {
        return CheckType.BOOLEAN;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        if (inputs.device().fingerprintId().isEmpty()) {
            return false;
        }
        if (!inputs.hasUser()) {
            return inputs.device().isNew();
        }
        return !inputs.account().fingerprintKnown();
    }
}
