package io.seatguard.core.operator;

/**
 * Port: a memory-hard password hash (Argon2id in the server). Either method may refuse with a
 * {@link io.seatguard.core.error.SeatguardException} {@code rate_limited} when it has no turn to hash now
 * (too many at once); nothing was checked then.
 */
public interface PasswordHasher {
    String hash(String password);

    boolean matches(String password, String hash);
}
