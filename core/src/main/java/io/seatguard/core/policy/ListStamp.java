package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A named list as a cache compares it: without its values, with the time of its last change. Every change
 * to a list's values moves {@code updatedAt} forward, by at least a millisecond even when two changes
 * fall in one (ListStore), so an unchanged stamp means unchanged values and a list compiled for it can be
 * kept: one changed list of an app's hundred is then the only one read and compiled again.
 */
public record ListStamp(String id, String name, ListKind kind, Instant updatedAt) {
    public ListStamp {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }

    public static ListStamp of(NamedList list) {
        return new ListStamp(list.id(), list.name(), list.kind(), list.updatedAt());
    }
}
