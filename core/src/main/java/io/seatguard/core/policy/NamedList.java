package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A named list of one kind that conditions refer to with {@code in_list} (CONTRACT.md "Lists").
 *
 * @param values normalized by {@link ListKind#normalize}, without duplicates, in the order first added
 */
public record NamedList(String id, String appId, String name, ListKind kind, List<String> values, Instant createdAt, Instant updatedAt) {
    public NamedList {
        requireNonNull(id, "id is null");
        requireNonNull(appId, "appId is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        values = List.copyOf(values);
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
