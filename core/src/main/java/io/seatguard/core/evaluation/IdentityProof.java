package io.seatguard.core.evaluation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the account, email and phone an evaluation names came to be believed. A browser call carries the
 * public client id only, so without a signature what it names is its own word.
 */
public enum IdentityProof {
    /** Named by the app's backend, which proved itself with the secret key. */
    SERVER,
    /** Named by a browser, vouched for by the backend's signature ({@link io.seatguard.core.app.IdentitySignature}). */
    SIGNED,
    /** Named by a browser without a signature, or naming nobody: anyone knowing the client id could have sent it. */
    UNSIGNED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IdentityProof> fromWireName(String name) {
        return Arrays.stream(values()).filter(proof -> proof.wireName().equals(name)).findFirst();
    }

    /** Whether what the evaluation names may be trusted with the account's devices (the device-limit page). */
    public boolean vouched() {
        return this != UNSIGNED;
    }
}
