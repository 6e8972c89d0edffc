package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

/** The policy that decided an evaluation (CONTRACT.md {@code policy}). */
public record PolicyRef(String id, String name, String mode) {
    public PolicyRef {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(mode, "mode is null");
    }
}
