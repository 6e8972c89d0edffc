package io.seatguard.core.operator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A person who runs Seatguard through the dashboard. Their password is only ever held as a hash.
 *
 * @param apps the app ids the operator may see; empty for every app (and managing apps themselves)
 * @param readOnly sees what {@code apps} allows and changes nothing but their own password
 */
public record Operator(String id, String email, String passwordHash, Instant createdAt, java.util.Optional<java.util.Set<String>> apps, boolean readOnly) {
    public Operator {
        requireNonNull(id, "id is null");
        requireNonNull(email, "email is null");
        requireNonNull(passwordHash, "passwordHash is null");
        requireNonNull(createdAt, "createdAt is null");
        apps = requireNonNull(apps, "apps is null").map(java.util.Set::copyOf);
    }

    /** An operator of every app. */
    public Operator(String id, String email, String passwordHash, Instant createdAt) {
        this(id, email, passwordHash, createdAt, java.util.Optional.empty());
    }

    /** An operator who may change what they see. */
    public Operator(String id, String email, String passwordHash, Instant createdAt, java.util.Optional<java.util.Set<String>> apps) {
        this(id, email, passwordHash, createdAt, apps, false);
    }

    public boolean maySee(String appId) {
        return apps.map(allowed -> allowed.contains(appId)).orElse(true);
    }

    /** Whether the operator runs every app: creates apps and sees them all. */
    public boolean allApps() {
        return apps.isEmpty();
    }
}
