package io.seatguard.core.app;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An app together with its stored secret, as the authentication path reads it, and the key a rotation
 * replaced when it is still accepted for a while.
 */
public record AppWithSecret(App app, StoredSecret secret, Optional<PreviousSecret> previous) {
    public AppWithSecret {
        requireNonNull(app, "app is null");
        requireNonNull(secret, "secret is null");
        requireNonNull(previous, "previous is null");
    }

    public AppWithSecret(App app, StoredSecret secret) {
        this(app, secret, Optional.empty());
    }
}
