package io.seatguard.core.app;

import static java.util.Objects.requireNonNull;

/** An app together with its stored secret, as the authentication path reads it. */
public record AppWithSecret(App app, StoredSecret secret) {
    public AppWithSecret {
        requireNonNull(app, "app is null");
        requireNonNull(secret, "secret is null");
    }
}
