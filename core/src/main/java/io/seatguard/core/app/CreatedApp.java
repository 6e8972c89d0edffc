package io.seatguard.core.app;

import static java.util.Objects.requireNonNull;

/** An app just created or re-keyed, with its secret key in clear: the only moment it exists outside the caller. */
public record CreatedApp(App app, String secretKey) {
    public CreatedApp {
        requireNonNull(app, "app is null");
        requireNonNull(secretKey, "secretKey is null");
    }
}
