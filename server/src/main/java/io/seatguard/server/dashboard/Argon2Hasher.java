package io.seatguard.server.dashboard;

import static java.util.Objects.requireNonNull;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.seatguard.core.operator.PasswordHasher;

/**
 * Argon2id (19 MiB, 2 passes, 1 lane, 16-byte salt) through Password4j; the parameters travel in the hash.
 * Hashes pass a {@link HashGate}, a few at once, so sign-ins at once cannot take the heap.
 */
public final class Argon2Hasher implements PasswordHasher {
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, 19);

    private final HashGate gate;
    private final Argon2Function argon2;

    public Argon2Hasher() {
        this(HashGate.forThisMachine());
    }

    Argon2Hasher(HashGate gate) {
        this(gate, ARGON2);
    }

    /** Hashes at another cost: the tests' servers take a small one (LightArgon2); checks read the cost from the hash. */
    Argon2Hasher(HashGate gate, Argon2Function argon2) {
        this.gate = requireNonNull(gate, "gate is null");
        this.argon2 = requireNonNull(argon2, "argon2 is null");
    }

    @Override
    public String hash(String password) {
        return gate.run(() -> Password.hash(password).addRandomSalt(16).with(argon2).getResult());
    }

    @Override
    public boolean matches(String password, String hash) {
        return gate.run(() -> {
            try {
                return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
            }
            catch (RuntimeException e) {
                return false;
            }
        });
    }
}
