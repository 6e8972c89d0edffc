package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A field a condition may read.
 *
 * @param listKinds the kinds of list an {@code in_list} condition on this field may name
 */
public record PolicyField(String name, ValueType type, Set<ListKind> listKinds) {
    public PolicyField {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        listKinds = Set.copyOf(listKinds);
    }

    public static PolicyField of(String name, ValueType type, ListKind... listKinds) {
        return new PolicyField(name, type, Set.of(listKinds));
    }
}
