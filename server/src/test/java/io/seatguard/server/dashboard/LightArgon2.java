package io.seatguard.server.dashboard;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import io.seatguard.core.operator.PasswordHasher;

/**
 * Argon2id at a test's cost (256 KiB, one pass) for the tests' servers (TestServer): Django's advice for
 * test settings, a faster hasher. At the full cost (19 MiB, two passes) every start's first operator and
 * every sign-in took a quarter of the server tests' CPU, measured with JFR. The hashing, the gate and the
 * checks are the server's own; only the cost differs, and a check reads it from the stored hash.
 */
public final class LightArgon2 {
    private static final Argon2Function LIGHT = Argon2Function.getInstance(256, 1, 1, 32, Argon2.ID, 19);

    private LightArgon2() {}

    /** A hasher as the server's, at the light cost. */
    public static PasswordHasher hasher() {
        return new Argon2Hasher(HashGate.forThisMachine(), LIGHT);
    }
}
