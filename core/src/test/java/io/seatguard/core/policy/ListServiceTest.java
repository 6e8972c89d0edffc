package io.seatguard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Review of the policy engine, findings 1 and 4: list writes learn a list's kind and count from headers, and the store holds the bound. */
class ListServiceTest {
    private static final String APP = "app_1";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final Lists store = new Lists();
    private final ListService lists = new ListService(store, new NoPolicies(), new IdGenerator(clock, new Random(5)), clock, appId -> {});

    @Test
    void writesToAListNeverLoadTheValuesOfTheAppsLists() {
        NamedList staff = lists.create(APP, Map.of("name", "staff", "kind", "user", "values", List.of("alice")));
        lists.create(APP, Map.of("name", "office", "kind", "ip", "values", List.of("203.0.113.0/24")));
        lists.add(APP, staff.id(), Map.of("values", List.of("bob")));
        lists.remove(APP, staff.id(), Map.of("values", List.of("alice")));
        lists.delete(APP, staff.id());

        assertThat(store.valueLoads).as("only headers are read to check a write").hasValue(0);
    }

    @Test
    void anAddPastTheBoundIsRefusedNamingValues() {
        NamedList staff = lists.create(APP, Map.of("name", "staff", "kind", "user"));
        store.nextAddOverLimit = true;
        assertThatThrownBy(() -> lists.add(APP, staff.id(), Map.of("values", List.of("bob"))))
                .isInstanceOfSatisfying(SeatguardException.class, e -> {
                    assertThat(e.errors()).extracting(error -> error.field()).containsExactly("values");
                    assertThat(e.getMessage()).contains("at most " + ListService.MAX_VALUES);
                });
        assertThat(store.askedBound).hasValue(ListService.MAX_VALUES);
    }

    /** Review 48, finding 3: refused now, such values may be in lists stored before; removing them still works. */
    @Test
    void aValueTheRulesNowRefuseIsRefusedOnWriteAndCanStillBeRemoved() {
        assertThatThrownBy(() -> lists.create(APP, Map.of("name", "c", "kind", "country", "values", List.of("FR", "uk"))))
                .isInstanceOfSatisfying(SeatguardException.class, e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("values[1]");
                    assertThat(error.message()).contains("for UK write \"GB\"");
                }));
        NamedList users = lists.create(APP, Map.of("name", "u", "kind", "user", "values", List.of("ann")));
        assertThatThrownBy(() -> lists.add(APP, users.id(), Map.of("values", List.of(".."))))
                .isInstanceOfSatisfying(SeatguardException.class, e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("values[0]"));
        // As a list written before the rule would hold them.
        NamedList old = new NamedList("lst_old", APP, "old", ListKind.COUNTRY, List.of("UK", "FR"), clock.instant(), clock.instant());
        store.create(old, 0);
        assertThat(lists.remove(APP, old.id(), Map.of("values", List.of("uk"))).values()).containsExactly("FR");
        assertThatThrownBy(() -> lists.remove(APP, old.id(), Map.of("values", List.of(7))))
                .isInstanceOfSatisfying(SeatguardException.class, e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("values[0]"));
    }

    /**
     * Review finding: {@code "values": null} made an empty list, as if left out. No list field is nullable
     * (openapi.json), so null is refused naming the field, as a policy's are.
     */
    @Test
    void aNullListFieldIsRefusedNamingIt() {
        for (String field : List.of("name", "kind", "values")) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "staff", "kind", "user", "values", List.of("ann")));
            body.put(field, null);
            assertThatThrownBy(() -> lists.create(APP, body)).as(field)
                    .isInstanceOfSatisfying(SeatguardException.class, e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo(field);
                        assertThat(error.message()).startsWith("must be");
                    }));
        }
        NamedList staff = lists.create(APP, Map.of("name", "staff", "kind", "user"));
        assertThat(staff.values()).as("values left out: an empty list").isEmpty();
        Map<String, Object> nullValues = new java.util.HashMap<>();
        nullValues.put("values", null);
        assertThatThrownBy(() -> lists.add(APP, staff.id(), nullValues)).isInstanceOfSatisfying(SeatguardException.class,
                e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("values"));
        assertThatThrownBy(() -> lists.remove(APP, staff.id(), nullValues)).isInstanceOfSatisfying(SeatguardException.class,
                e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("values"));
    }

    /**
     * Review finding: names were stripped before they were judged, so {@code "CaseList "} was stored as
     * {@code CaseList}, though openapi.json's pattern refuses a space at the end; a policy names a list
     * exactly as written. Refused, as the pattern says, naming {@code name}.
     */
    @Test
    void aNameWithASpaceAtEitherEndIsRefusedNotStripped() {
        for (String edged : List.of("CaseList ", " CaseList", "  ", " ", "CaseList\t", "\u00a0CaseList")) {
            assertThatThrownBy(() -> lists.create(APP, Map.of("name", edged, "kind", "user"))).as("[" + edged + "]")
                    .isInstanceOfSatisfying(SeatguardException.class, e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("name");
                        assertThat(error.message()).startsWith("must");
                    }));
        }
        assertThatThrownBy(() -> lists.create(APP, Map.of("name", "CaseList ", "kind", "user"))).isInstanceOfSatisfying(SeatguardException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.message()).contains("must not start or end with a space")));
        for (String name : List.of("Case List", "a", "x".repeat(100), "v1.2-", "a:b_c.")) {
            assertThat(lists.create(APP, Map.of("name", name, "kind", "user")).name()).isEqualTo(name);
        }
        assertThatThrownBy(() -> lists.create(APP, Map.of("name", "x".repeat(101), "kind", "user"))).isInstanceOf(SeatguardException.class);
        assertThatThrownBy(() -> lists.create(APP, Map.of("name", "lst_x", "kind", "user"))).isInstanceOf(SeatguardException.class);
    }

    /** An email entry stored decomposed (NFD), before lists took emails in the composed form, can still be removed. */
    @Test
    void anEmailStoredDecomposedBeforeCanStillBeRemoved() {
        String decomposed = "jose\u0301@example.com";
        NamedList old = new NamedList("lst_nfd", APP, "nfd", ListKind.EMAIL, List.of(decomposed, "ann@example.com"), clock.instant(), clock.instant());
        store.create(old, 0);
        assertThat(lists.remove(APP, old.id(), Map.of("values", List.of(decomposed))).values()).containsExactly("ann@example.com");
        NamedList added = lists.create(APP, Map.of("name", "nfc", "kind", "email", "values", List.of(decomposed)));
        assertThat(added.values()).containsExactly("jos\u00e9@example.com");
        assertThat(lists.remove(APP, added.id(), Map.of("values", List.of(decomposed))).values()).isEmpty();
    }

    /** Lists in memory, counting the reads that return values; {@code add} answers over-limit when told to. */
    private static final class Lists implements ListStore {
        final AtomicInteger valueLoads = new AtomicInteger();
        final AtomicInteger askedBound = new AtomicInteger();
        boolean nextAddOverLimit;
        private final List<NamedList> lists = new ArrayList<>();

        @Override
        public VersionedWrite create(NamedList list, long expectedVersion) {
            lists.add(list);
            return VersionedWrite.WRITTEN;
        }

        @Override
        public Optional<NamedList> find(String appId, String listId) {
            valueLoads.incrementAndGet();
            return lists.stream().filter(list -> list.id().equals(listId)).findFirst();
        }

        @Override
        public Optional<NamedList> findByName(String appId, String name) {
            valueLoads.incrementAndGet();
            return lists.stream().filter(list -> list.name().equals(name)).findFirst();
        }

        @Override
        public List<ListHeader> headers(String appId) {
            return lists.stream().map(list -> new ListHeader(list.id(), list.name(), list.kind())).toList();
        }

        @Override
        public List<ListStamp> stamps(String appId) {
            return lists.stream().map(ListStamp::of).toList();
        }

        @Override
        public List<ListSummary> summaries(String appId) {
            return lists.stream().map(list -> new ListSummary(list.id(), list.name(), list.kind(), list.values().size(), list.createdAt(), list.updatedAt()))
                    .toList();
        }

        @Override
        public VersionedWrite delete(String appId, String listId, long expectedVersion) {
            return lists.removeIf(list -> list.id().equals(listId)) ? VersionedWrite.WRITTEN : VersionedWrite.REFUSED;
        }

        @Override
        public ListAddition add(String appId, String listId, List<String> values, int maxValues, Instant at) {
            askedBound.set(maxValues);
            if (nextAddOverLimit) {
                return new ListAddition.OverLimit(maxValues);
            }
            return new ListAddition.Added(replace(listId, list -> {
                LinkedHashSet<String> all = new LinkedHashSet<>(list.values());
                all.addAll(values);
                return List.copyOf(all);
            }, at));
        }

        @Override
        public Optional<NamedList> remove(String appId, String listId, List<String> values, Instant at) {
            return Optional.of(replace(listId, list -> list.values().stream().filter(value -> !values.contains(value)).toList(), at));
        }

        private NamedList replace(String listId, java.util.function.Function<NamedList, List<String>> change, Instant at) {
            NamedList list = lists.stream().filter(each -> each.id().equals(listId)).findFirst().orElseThrow();
            NamedList changed = new NamedList(list.id(), list.appId(), list.name(), list.kind(), change.apply(list), list.createdAt(), at);
            lists.set(lists.indexOf(list), changed);
            return changed;
        }
    }

    /** An app without policies, at version 0. */
    private static final class NoPolicies implements PolicyStore {
        @Override
        public long version(String appId) {
            return 0;
        }

        @Override
        public VersionedWrite create(Policy policy, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VersionedWrite update(Policy policy, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String appId, String policyId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Policy> find(String appId, String policyId) {
            return Optional.empty();
        }

        @Override
        public List<Policy> list(String appId) {
            return List.of();
        }
    }
}
