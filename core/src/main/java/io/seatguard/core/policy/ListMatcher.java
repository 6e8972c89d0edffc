package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.net.Cidr;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.net.IpRangeSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A list compiled for membership tests: IP lists as sorted ranges (one binary search per address), the
 * other kinds as hash sets of normalized values. Every node keeps every app's lists compiled in memory,
 * so a matcher keeps only what it tests against: not the list it was built from (an IP list's 100,000
 * values as strings would outweigh its ranges several times over).
 */
public final class ListMatcher {
    private final ListKind kind;
    private final Set<String> values;
    private final IpRangeSet ranges;

    private ListMatcher(ListKind kind, Set<String> values, IpRangeSet ranges) {
        this.kind = kind;
        this.values = values;
        this.ranges = ranges;
    }

    public static ListMatcher of(NamedList list) {
        requireNonNull(list, "list is null");
        Builder builder = builder(list.kind());
        list.values().forEach(builder::add);
        return builder.build();
    }

    /**
     * A matcher built from values handed over one at a time, in any order: a store can compile a list of
     * 100,000 values as it reads them, without sorting them or holding them as a list first.
     */
    public static Builder builder(ListKind kind) {
        return new Builder(requireNonNull(kind, "kind is null"));
    }

    /** Takes a list's stored (normalized) values; not thread-safe, built once. */
    public static final class Builder {
        private final ListKind kind;
        private final Set<String> values = new HashSet<>();
        private final IpRangeSet.Builder ranges = IpRangeSet.builder();

        private Builder(ListKind kind) {
            this.kind = kind;
        }

        public Builder add(String value) {
            if (kind == ListKind.IP) {
                Cidr.parse(value).ifPresent(ranges::add);
            }
            else {
                values.add(value);
            }
            return this;
        }

        public ListMatcher build() {
            return kind == ListKind.IP
                    ? new ListMatcher(kind, Set.of(), ranges.build())
                    : new ListMatcher(kind, values, IpRangeSet.EMPTY);
        }
    }

    public ListKind kind() {
        return kind;
    }

    /** Whether the list holds the value; a value that is not of the list's kind is not in it. */
    public boolean contains(String value) {
        return switch (kind) {
            case IP -> IpAddresses.parse(value).map(ranges::contains).orElse(false);
            case EMAIL_DOMAIN -> domainOf(value).map(this::holdsDomainOrParent).orElse(false);
            // Looked up as the list keeps values, not judged: a value stored before a stricter rule still matches as
            // it did, and one stored before a normalization the list now applies too.
            default -> values.contains(kind.storedForm(value)) || kind.earlierForm(value).filter(values::contains).isPresent();
        };
    }

    /** An email's domain; a bare domain is taken as itself, so a {@code email_domain} field can be matched too. */
    private static Optional<String> domainOf(String value) {
        int at = value.lastIndexOf('@');
        return ListKind.EMAIL_DOMAIN.normalize(at >= 0 ? value.substring(at + 1) : value);
    }

    private boolean holdsDomainOrParent(String domain) {
        for (String candidate = domain; ; ) {
            if (values.contains(candidate)) {
                return true;
            }
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return false;
            }
            candidate = candidate.substring(dot + 1);
        }
    }
}
