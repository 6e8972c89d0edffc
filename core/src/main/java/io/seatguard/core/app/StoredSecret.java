package io.seatguard.core.app;

import static java.util.Objects.requireNonNull;

/**
 * How a secret key is kept: a short non-secret lookup prefix to find the app by, and the SHA-256 of
 * the whole key to compare against. The key itself is shown once and never stored.
 */
public record StoredSecret(String lookup, String hash) {
    public StoredSecret {
        requireNonNull(lookup, "lookup is null");
        requireNonNull(hash, "hash is null");
    }
}
