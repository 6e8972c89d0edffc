package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The kinds of an app's lists by name and by id, read once (headers only, no values) the first time a
 * policy being checked names a list, then reused for the rest of that check. A policy may name lists in
 * 200 leaves, and every policy of an app is checked again on each listing: one small query per check
 * rather than one full list load per leaf. Names and ids never collide, since a name may not start with
 * {@link ListService#ID_PREFIX}.
 */
final class ListKinds implements Function<String, Optional<ListKind>> {
    private final Supplier<List<ListHeader>> headers;
    private Map<String, ListKind> byNameOrId;

    ListKinds(Supplier<List<ListHeader>> headers) {
        this.headers = requireNonNull(headers, "headers is null");
    }

    @Override
    public Optional<ListKind> apply(String nameOrId) {
        if (byNameOrId == null) {
            Map<String, ListKind> read = new HashMap<>();
            for (ListHeader header : headers.get()) {
                read.put(header.id(), header.kind());
                read.put(header.name(), header.kind());
            }
            byNameOrId = read;
        }
        return Optional.ofNullable(byNameOrId.get(nameOrId));
    }
}
