package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A policy's condition tree: {@code all}, {@code any} and {@code not} nest; a leaf compares one field
 * of the evaluation (a check, {@code action}, {@code user}, {@code metadata.*}, …) with a value.
 */
public sealed interface Condition {
    /** The lists the tree names with {@code in_list}/{@code not_in_list}, by name or id: what makes a list undeletable. */
    static Set<String> listReferences(Condition condition) {
        Set<String> references = new HashSet<>();
        collect(condition, references);
        return references;
    }

    private static void collect(Condition condition, Set<String> references) {
        switch (condition) {
            case All all -> all.children().forEach(child -> collect(child, references));
            case Any any -> any.children().forEach(child -> collect(child, references));
            case Not not -> collect(not.child(), references);
            case Leaf leaf -> {
                if (leaf.op().isList()) {
                    references.add((String) leaf.value());
                }
            }
        }
    }

    /** Holds when every child holds. */
    record All(List<Condition> children) implements Condition {
        public All {
            children = List.copyOf(children);
        }
    }

    /** Holds when at least one child holds. */
    record Any(List<Condition> children) implements Condition {
        public Any {
            children = List.copyOf(children);
        }
    }

    /** Holds when its child does not; unknown stays unknown. */
    record Not(Condition child) implements Condition {
        public Not {
            requireNonNull(child, "child is null");
        }
    }

    /**
     * One comparison.
     *
     * @param value a {@link Boolean}, {@link Double}, {@link String}, or a {@link List} of those for
     *     {@code in}/{@code not_in} (kept as a hashed set, each value once, in the order written); for
     *     {@code in_list}/{@code not_in_list}, the list's name or id
     */
    record Leaf(String field, Operator op, Object value) implements Condition {
        public Leaf {
            requireNonNull(field, "field is null");
            requireNonNull(op, "op is null");
            requireNonNull(value, "value is null");
            if (value instanceof List<?> list) {
                value = ValueSet.of(list);
            }
        }
    }
}
