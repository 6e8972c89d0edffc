package io.seatguard.core.operator;

/** Port: a memory-hard password hash (Argon2id in the server). */
public interface PasswordHasher {
    String hash(String password);

    boolean matches(String password, String hash);
}
