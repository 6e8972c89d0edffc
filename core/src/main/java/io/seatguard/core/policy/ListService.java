package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.ids.IdGenerator;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Named lists (CONTRACT.md "Lists"): user ids, IPs and CIDR ranges, device ids, countries, emails or
 * email domains, that policies name with {@code in_list}. Every value is normalized by its kind, and a
 * list a policy still names cannot be deleted (the policy would silently stop matching).
 */
public final class ListService {
    public static final String ID_PREFIX = "lst_";
    static final int MAX_VALUES = 100_000;
    static final int MAX_VALUES_PER_CALL = 10_000;
    /** Each node holds all of an app's lists compiled in memory, and reads a list again whenever it changes: a bound per app. */
    static final int MAX_LISTS = 100;
    private static final String VALUES_EXPECTED = "must be an array of strings";
    /**
     * A list's name, as a policy's {@code in_list} names it exactly: a space inside but none at either end
     * (openapi.json's pattern). Found in review: names were stripped before this was judged, so
     * {@code "CaseList "} was stored as {@code CaseList}, where the pattern refuses it.
     */
    public static final String NAME_PATTERN = "[A-Za-z0-9](?:[A-Za-z0-9 _.:-]{0,98}[A-Za-z0-9_.:-])?";
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    private final ListStore store;
    private final PolicyStore policies;
    private final IdGenerator ids;
    private final InstantSource clock;
    private final Consumer<String> changed;

    public ListService(ListStore store, PolicyStore policies, IdGenerator ids, InstantSource clock, Consumer<String> changed) {
        this.store = requireNonNull(store, "store is null");
        this.policies = requireNonNull(policies, "policies is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.changed = requireNonNull(changed, "changed is null");
    }

    /** Creates a list from {@code {name, kind, values?}}. */
    public NamedList create(String appId, Object tree) {
        FieldErrors errors = new FieldErrors();
        if (!(tree instanceof Map<?, ?> body)) {
            throw SeatguardException.invalid("body", "must be a JSON object");
        }
        for (Object key : body.keySet()) {
            if (!Set.of("name", "kind", "values").contains(key)) {
                errors.add(String.valueOf(key), "is not a list field; expected name, kind, values");
            }
        }
        // A member given as null is a value of the wrong type, not one left out: no list field is nullable
        // (openapi.json), and "values": null read as absent made an empty list.
        Object nameValue = body.get("name");
        String name = nameValue instanceof String text ? text : null;
        if (name != null && !name.isEmpty() && !name.equals(name.strip())) {
            errors.add("name", "must not start or end with a space: a policy names the list exactly as it is written");
        }
        else if (name == null || !NAME.matcher(name).matches() || name.startsWith(ID_PREFIX)) {
            errors.add("name", !body.containsKey("name")
                    ? "is required"
                    : "must be 1 to 100 characters of letters, digits, space, _ . : - starting with a letter or digit, and not start with \"" + ID_PREFIX + "\"");
        }
        Object kindValue = body.get("kind");
        Optional<ListKind> kind = kindValue instanceof String text ? ListKind.fromWireName(text) : Optional.empty();
        if (kind.isEmpty()) {
            errors.add("kind", !body.containsKey("kind") ? "is required" : "must be one of user, ip, device, country, email, email_domain");
        }
        if (body.containsKey("values") && body.get("values") == null) {
            errors.add("values", VALUES_EXPECTED);
        }
        List<String> values = kind.isPresent() && body.get("values") != null
                ? values(kind.get(), body.get("values"), false, errors)
                : List.of();
        if (values.size() > MAX_VALUES) {
            errors.add("values", "a list holds at most " + MAX_VALUES + " values");
        }
        errors.throwIfAny();
        return CheckedWrites.run(policies, appId, version -> {
            if (store.headers(appId).size() >= MAX_LISTS) {
                throw new SeatguardException(ErrorCode.LIMIT_REACHED, "An app has at most " + MAX_LISTS + " lists; delete one first");
            }
            Instant at = now();
            NamedList list = new NamedList(ID_PREFIX + ids.newSecret(16), appId, name, kind.orElseThrow(), values, at, at);
            return switch (store.create(list, version)) {
                case STALE -> Optional.empty();
                case REFUSED -> throw new SeatguardException(ErrorCode.NAME_TAKEN, "a list named \"" + name + "\" already exists",
                        List.of(new io.seatguard.core.error.FieldError("name", "is already used by another list")));
                case WRITTEN -> {
                    changed.accept(appId);
                    yield Optional.of(list);
                }
            };
        });
    }

    public NamedList get(String appId, String listId) {
        return store.find(appId, listId).orElseThrow(() -> SeatguardException.notFound("list " + listId));
    }

    /** The list without its values: what a write needs to know of it (a list may hold 100,000 values). */
    private ListHeader header(String appId, String listId) {
        return store.headers(appId).stream().filter(header -> header.id().equals(listId)).findFirst()
                .orElseThrow(() -> SeatguardException.notFound("list " + listId));
    }

    public List<ListSummary> summaries(String appId) {
        return store.summaries(appId);
    }

    public void delete(String appId, String listId) {
        CheckedWrites.run(policies, appId, version -> {
            ListHeader list = header(appId, listId);
            for (Policy policy : policies.list(appId)) {
                Set<String> references = Condition.listReferences(policy.definition().conditions());
                if (references.contains(list.id()) || references.contains(list.name())) {
                    String usedBy = "policy " + policy.id() + " (\"" + policy.definition().name() + "\")";
                    throw new SeatguardException(ErrorCode.IN_USE, "list \"" + list.name() + "\" is used by " + usedBy + "; change that policy first",
                            List.of(new io.seatguard.core.error.FieldError("list", "is used by " + usedBy)));
                }
            }
            return switch (store.delete(appId, listId, version)) {
                case STALE -> Optional.<Boolean>empty();
                case REFUSED -> throw SeatguardException.notFound("list " + listId);
                case WRITTEN -> {
                    changed.accept(appId);
                    yield Optional.of(true);
                }
            };
        });
    }

    /** Adds {@code {values: [...]}} to a list. */
    public NamedList add(String appId, String listId, Object tree) {
        List<String> values = valuesOf(header(appId, listId).kind(), tree, false);
        // The store counts inside its write: a size read here could be passed by a concurrent add.
        return switch (store.add(appId, listId, values, MAX_VALUES, now())) {
            case ListAddition.Added added -> {
                changed.accept(appId);
                yield added.list();
            }
            case ListAddition.NoSuchList missing -> throw SeatguardException.notFound("list " + listId);
            case ListAddition.OverLimit over -> throw SeatguardException.invalid("values", "a list holds at most " + over.maxValues() + " values");
        };
    }

    /**
     * Removes {@code {values: [...]}} from a list; a value it does not hold is ignored. Any string is
     * looked up in the form the list keeps it ({@link ListKind#storedForm}), and in the form it kept it
     * before a normalization ({@link ListKind#earlierForm}), not judged: a value stored before a stricter
     * rule refused it can still be taken out.
     */
    public NamedList remove(String appId, String listId, Object tree) {
        ListHeader list = header(appId, listId);
        List<String> values = valuesOf(list.kind(), tree, true);
        NamedList updated = store.remove(appId, listId, values, now()).orElseThrow(() -> SeatguardException.notFound("list " + listId));
        changed.accept(appId);
        return updated;
    }

    private static List<String> valuesOf(ListKind kind, Object tree, boolean removing) {
        FieldErrors errors = new FieldErrors();
        if (!(tree instanceof Map<?, ?> body) || !body.containsKey("values")) {
            throw SeatguardException.invalid("values", "is required: {\"values\": [...]}");
        }
        for (Object key : body.keySet()) {
            if (!"values".equals(key)) {
                errors.add(String.valueOf(key), "is not expected here; send {\"values\": [...]}");
            }
        }
        List<String> values = values(kind, body.get("values"), removing, errors);
        errors.throwIfAny();
        return values;
    }

    private static List<String> values(ListKind kind, Object value, boolean removing, FieldErrors errors) {
        if (!(value instanceof List<?> items)) {
            errors.add("values", VALUES_EXPECTED);
            return List.of();
        }
        if (items.size() > MAX_VALUES_PER_CALL) {
            errors.add("values", "at most " + MAX_VALUES_PER_CALL + " values per request");
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String text)) {
                errors.add("values[" + i + "]", "must be a string");
                continue;
            }
            Optional<String> normalized = removing ? Optional.of(kind.storedForm(text)) : kind.normalize(text);
            if (normalized.isEmpty()) {
                errors.add("values[" + i + "]", kind.expectation(text));
            }
            else {
                values.add(normalized.get());
                if (removing) {
                    kind.earlierForm(text).ifPresent(values::add);
                }
            }
        }
        return List.copyOf(values);
    }

    /**
     * Now, to the millisecond the store keeps: an answer shows the times a later read of the same
     * policy or list will (they were nanoseconds in the answer, milliseconds on every read).
     */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
