package io.seatguard.core.policy;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One app's enabled policies in the order the engine tries them (highest priority first; among equal
 * priorities the older policy first, so the order never depends on storage), with the lists they may name.
 */
public final class AppPolicies {
    private static final Comparator<Policy> ORDER = Comparator
            .comparingInt((Policy policy) -> policy.definition().priority()).reversed()
            .thenComparing(Policy::createdAt)
            .thenComparing(Policy::id);

    // After ORDER, which the constructor reads.
    public static final AppPolicies NONE = new AppPolicies(List.of(), List.of());

    private final List<Policy> policies;
    private final Map<String, ListMatcher> lists;

    private AppPolicies(List<Policy> policies, List<NamedList> lists) {
        this(policies, compile(lists));
    }

    private AppPolicies(List<Policy> policies, Map<String, ListMatcher> lists) {
        this.policies = policies.stream().filter(policy -> policy.definition().enabled()).sorted(ORDER).toList();
        this.lists = lists;
    }

    private static Map<String, ListMatcher> compile(List<NamedList> lists) {
        Map<String, ListMatcher> byNameOrId = new HashMap<>();
        for (NamedList list : lists) {
            ListMatcher matcher = ListMatcher.of(list);
            byNameOrId.put(list.id(), matcher);
            byNameOrId.put(list.name(), matcher);
        }
        return byNameOrId;
    }

    /** The same lists with one policy instead of the app's: what a backtest judges by. */
    public AppPolicies withOnly(Policy policy) {
        return new AppPolicies(List.of(policy), lists);
    }

    public static AppPolicies of(List<Policy> policies, List<NamedList> lists) {
        return new AppPolicies(policies, lists);
    }

    /** Policies with lists already compiled, each under the stamp it was compiled for: a cache compiles only the lists that changed. */
    public static AppPolicies compiled(List<Policy> policies, Map<ListStamp, ListMatcher> lists) {
        Map<String, ListMatcher> byNameOrId = new HashMap<>();
        lists.forEach((stamp, matcher) -> {
            byNameOrId.put(stamp.id(), matcher);
            byNameOrId.put(stamp.name(), matcher);
        });
        return new AppPolicies(policies, byNameOrId);
    }

    public List<Policy> inOrder() {
        return policies;
    }

    public Optional<ListMatcher> list(String nameOrId) {
        return Optional.ofNullable(lists.get(nameOrId));
    }
}
