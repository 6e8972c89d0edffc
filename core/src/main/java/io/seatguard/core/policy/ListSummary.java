package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A named list with how many values it holds, but not the values: what listing an app's lists shows. An
 * app may have 100 lists of 100,000 values each, and the listing loaded every one of them to count them.
 */
public record ListSummary(String id, String name, ListKind kind, int size, Instant createdAt, Instant updatedAt) {
    public ListSummary {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        if (size < 0) {
            throw new IllegalArgumentException("size is negative: " + size);
        }
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
