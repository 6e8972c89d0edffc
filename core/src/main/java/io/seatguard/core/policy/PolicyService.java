package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.ids.IdGenerator;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Creates, changes and removes an app's policies, validating each against the app's checks and lists. */
public final class PolicyService {
    /**
     * Every evaluation of the app walks its policies: a bound keeps one app (or one mistaken script)
     * from making every evaluation on a shared server cost seconds.
     */
    static final int MAX_POLICIES = 200;
    private final PolicyStore store;
    private final ListStore lists;
    private final PolicyFields fields;
    private final IdGenerator ids;
    private final InstantSource clock;
    private final Consumer<String> changed;

    /** @param changed told the app id after every change, so a cache can drop what it holds */
    public PolicyService(PolicyStore store, ListStore lists, PolicyFields fields, IdGenerator ids, InstantSource clock, Consumer<String> changed) {
        this.store = requireNonNull(store, "store is null");
        this.lists = requireNonNull(lists, "lists is null");
        this.fields = requireNonNull(fields, "fields is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.changed = requireNonNull(changed, "changed is null");
    }

    /** Validates a policy as written (a JSON tree) against the app's lists; throws invalid input naming each fault. */
    public PolicyDefinition validate(String appId, Object tree) {
        return validate(tree, listKinds(appId));
    }

    private PolicyDefinition validate(Object tree, ListKinds lists) {
        return new PolicyParser(fields, lists).parse(tree);
    }

    /** The app's list kinds, read without values once a policy names a list; one instance per check (or batch of checks). */
    private ListKinds listKinds(String appId) {
        return new ListKinds(() -> lists.headers(appId));
    }

    public Policy create(String appId, Object tree) {
        return CheckedWrites.run(store, appId, version -> {
            PolicyDefinition definition = validate(appId, tree);
            List<Policy> existing = store.list(appId);
            if (existing.size() >= MAX_POLICIES) {
                throw new SeatguardException(ErrorCode.LIMIT_REACHED, "An app has at most " + MAX_POLICIES + " policies; delete one first");
            }
            Instant at = createdAfter(existing);
            Policy policy = new Policy("pol_" + ids.newSecret(16), appId, definition, at, at);
            return written(appId, policy.id(), store.create(policy, version), policy);
        });
    }

    public Policy replace(String appId, String policyId, Object tree) {
        return change(appId, policyId, existing -> tree);
    }

    /**
     * Switches a policy between enforce and monitor. The policy is read inside the versioned write, so a
     * change another request made in between (a PUT already answered) is kept, not replaced by the tree
     * this switch would otherwise have read before it.
     */
    public Policy switchMode(String appId, String policyId) {
        return change(appId, policyId, existing -> {
            java.util.Map<String, Object> tree = new java.util.LinkedHashMap<>(PolicyTree.of(existing.definition()));
            tree.put("mode", (existing.definition().mode() == PolicyMode.ENFORCE ? PolicyMode.MONITOR : PolicyMode.ENFORCE).wireName());
            return tree;
        });
    }

    /**
     * Writes the tree {@code change} makes of the policy as stored when the write's version was read. A
     * tree refused as a new policy may still switch off a stored policy that today's settings refuse,
     * keeping its faults as they are ({@link KeptFaults}).
     */
    private Policy change(String appId, String policyId, java.util.function.Function<Policy, Object> change) {
        return CheckedWrites.run(store, appId, version -> {
            Policy existing = get(appId, policyId);
            Object tree = change.apply(existing);
            ListKinds kinds = listKinds(appId);
            PolicyDefinition definition;
            try {
                definition = validate(tree, kinds);
            }
            catch (SeatguardException refused) {
                definition = KeptFaults.over(existing.definition(), faultsNow(existing, kinds), tree, refused).orElseThrow(() -> refused);
            }
            Policy policy = new Policy(policyId, appId, definition, existing.createdAt(), after(existing.updatedAt()));
            return written(appId, policyId, store.update(policy, version), policy);
        });
    }

    private Optional<Policy> written(String appId, String policyId, VersionedWrite result, Policy policy) {
        return switch (result) {
            case STALE -> Optional.empty();
            case REFUSED -> throw SeatguardException.notFound("policy " + policyId);
            case WRITTEN -> {
                changed.accept(appId);
                yield Optional.of(policy);
            }
        };
    }

    public void delete(String appId, String policyId) {
        if (!store.delete(appId, policyId)) {
            throw SeatguardException.notFound("policy " + policyId);
        }
        changed.accept(appId);
    }

    public Policy get(String appId, String policyId) {
        return store.find(appId, policyId).orElseThrow(() -> SeatguardException.notFound("policy " + policyId));
    }

    /** The fields conditions may name, for forms that build policies. */
    public PolicyFields fields() {
        return fields;
    }

    public List<Policy> list(String appId) {
        return store.list(appId);
    }

    /**
     * The app's stored policies that would be refused if written now, each with its faults. A policy is
     * checked when it is written, against the settings of that moment; a setting changed since (a lower
     * {@code --event-count-limit}) can leave a stored condition that no longer counts exactly, and the
     * operator should hear of it rather than find a policy that silently never matches.
     */
    public List<Invalid> invalidNow(String appId) {
        return checkedNow(appId).stream()
                .filter(checked -> !checked.refusedNow().isEmpty())
                .map(checked -> new Invalid(checked.policy(), checked.refusedNow()))
                .toList();
    }

    /**
     * Each of the app's stored policies, oldest first, with what would refuse it now (empty when
     * nothing would). The app's lists are looked up once for all of them.
     */
    public List<Checked> checkedNow(String appId) {
        ListKinds kinds = listKinds(appId);
        return store.list(appId).stream().map(policy -> new Checked(policy, faultsNow(policy, kinds))).toList();
    }

    /** A leaf whose value reads differently now: where it is, and the value it would be stored as. */
    private record Differing(String path, Object now) {}

    /**
     * The first leaf whose value reading the policy again changes: one stored before values were held to
     * their field's form ({@link ValueForm}), which can never match as stored.
     */
    private static Optional<Differing> differingValue(Condition stored, Condition now, String path) {
        return switch (stored) {
            case Condition.All all -> differingChild(all.children(), ((Condition.All) now).children(), path + ".all");
            case Condition.Any any -> differingChild(any.children(), ((Condition.Any) now).children(), path + ".any");
            case Condition.Not not -> differingValue(not.child(), ((Condition.Not) now).child(), path + ".not");
            case Condition.Leaf leaf -> leaf.equals(now) ? Optional.empty() : Optional.of(new Differing(path + ".value", ((Condition.Leaf) now).value()));
        };
    }

    private static Optional<Differing> differingChild(List<Condition> stored, List<Condition> now, String path) {
        for (int i = 0; i < stored.size(); i++) {
            Optional<Differing> differing = differingValue(stored.get(i), now.get(i), path + "[" + i + "]");
            if (differing.isPresent()) {
                return differing;
            }
        }
        return Optional.empty();
    }

    /** A stored policy and what would refuse it if it were written now; {@code refusedNow} is empty when nothing would. */
    public record Checked(Policy policy, List<FieldError> refusedNow) {
        public Checked {
            requireNonNull(policy, "policy is null");
            refusedNow = List.copyOf(refusedNow);
        }
    }

    /**
     * What would refuse this stored policy if it were written now, with each fault's path; empty when
     * today's settings accept it. See {@link #invalidNow}.
     */
    public List<FieldError> faultsNow(String appId, Policy policy) {
        return faultsNow(policy, listKinds(appId));
    }

    private List<FieldError> faultsNow(Policy policy, ListKinds kinds) {
        try {
            PolicyDefinition now = validate(PolicyTree.of(policy.definition()), kinds);
            return differingValue(policy.definition().conditions(), now.conditions(), "conditions")
                    .map(differing -> List.of(new FieldError(differing.path(), "is stored in a form the evaluation never reports, so it can"
                            + " never match (a lower-case country code, say); saving the policy again stores it as "
                            + PolicyTree.wholeNumbers(differing.now()))))
                    .orElse(List.of());
        }
        catch (SeatguardException e) {
            return e.errors().isEmpty() ? List.of(new FieldError("policy", e.getMessage())) : e.errors();
        }
    }

    /** A stored policy that would be refused now, and why. */
    public record Invalid(Policy policy, List<FieldError> errors) {
        public Invalid {
            requireNonNull(policy, "policy is null");
            errors = List.copyOf(errors);
        }

        /** One line for an operator's log: which policy, and each fault with its path. */
        public String describe() {
            return "policy " + policy.id() + " (\"" + io.seatguard.core.error.LogText.oneLine(policy.definition().name()) + "\") would be refused if written now: " + faults();
        }

        /** Each fault as "path: reason", joined by "; ". */
        public String faults() {
            return errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; "));
        }
    }

    /**
     * When a new policy is created: now, or a millisecond after the app's newest policy when now is not
     * later. Between equal priorities the older policy wins (AppPolicies), and {@code created_at} is what
     * says older; kept to the millisecond, two policies created in one millisecond, or through a node whose
     * clock is behind, tied or went backwards, and the tie fell to their random ids (found in review).
     * The check-and-write this runs in makes creates of one app one at a time, so each is after the last.
     */
    private Instant createdAfter(List<Policy> existing) {
        return existing.stream().map(Policy::createdAt).max(Instant::compareTo).map(this::after).orElseGet(this::now);
    }

    /**
     * Now, or a millisecond after {@code previous} when now is not later. A change's {@code updated_at} is
     * after the policy's last one (and so after its {@code created_at}): through a node whose clock is
     * behind, a change read as made before the policy was created, or before the change it replaced
     * (found in review).
     */
    private Instant after(Instant previous) {
        Instant now = now();
        return now.isAfter(previous) ? now : previous.plusMillis(1);
    }

    /**
     * Now, to the millisecond the store keeps: an answer shows the times a later read of the same
     * policy or list will (they were nanoseconds in the answer, milliseconds on every read).
     */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
