package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

/**
 * A named list without its values: all that checking a policy needs to know of a list it names. A list
 * may hold 100,000 values, and validation runs on every policy write and read; it never loads them.
 */
public record ListHeader(String id, String name, ListKind kind) {
    public ListHeader {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
    }
}
