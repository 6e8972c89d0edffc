package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

/** What adding values to a list did ({@link ListStore#add}). */
public sealed interface ListAddition {
    /** Added; the list as it now is. */
    record Added(NamedList list) implements ListAddition {
        public Added {
            requireNonNull(list, "list is null");
        }
    }

    /** The app has no such list. */
    record NoSuchList() implements ListAddition {}

    /** Nothing added: the list would then hold more than the bound asked for. */
    record OverLimit(int maxValues) implements ListAddition {}
}
