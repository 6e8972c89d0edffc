package io.seatguard.core.operator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A person who runs Seatguard through the dashboard. Their password is only ever held as a hash. */
public record Operator(String id, String email, String passwordHash, Instant createdAt) {
    public Operator {
        requireNonNull(id, "id is null");
        requireNonNull(email, "email is null");
        requireNonNull(passwordHash, "passwordHash is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
