package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.error.DisplayNames;
import io.seatguard.core.evaluation.Actions;
import io.seatguard.core.evaluation.Verdict;
import io.seatguard.core.net.WebDomains;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a policy written as a JSON tree (maps, lists, strings, numbers, booleans, as a JSON library
 * hands them over) and refuses it with every fault named by its path, e.g.
 * {@code conditions.any[1].check: unknown check "concurent_sessions"} (CONTRACT.md "Policies").
 *
 * <p>Strict on purpose: an unknown key is refused rather than ignored, because a misspelt
 * {@code "priorty"} silently ignored would leave a policy deciding differently from what its author reads.
 * For the same reason a member given as JSON {@code null} is refused like any other value of the wrong
 * type, never read as left out: no policy field is nullable (openapi.json), and {@code "mode": null} read
 * as "the default" enforced a policy whose author meant it monitored. Only a field left out takes its
 * default.
 */
public final class PolicyParser {
    static final int MAX_NAME = 100;
    static final int MAX_DEPTH = 10;
    static final int MAX_NODES = 200;
    static final int MAX_SET_VALUES = 1000;
    /**
     * Every {@code in}/{@code not_in} value of a policy, all leaves together: each is held in memory by
     * every node and its sets built again on every reload. Longer sets belong in a list ({@code in_list}).
     */
    static final int MAX_SET_VALUES_PER_POLICY = 5000;
    static final int MAX_ACTIONS = 32;
    static final int MAX_PRIORITY = 1_000_000;
    static final int MIN_EXPIRY_SECONDS = 60;
    static final int MAX_EXPIRY_SECONDS = 86_400;
    static final int MAX_DEVICE_LIMIT = 100;
    static final int MAX_URL = 2048;
    /**
     * The most a challenge URL may be as the hosted page's {@code Location} header carries it, each
     * character beyond ASCII percent-encoded as UTF-8 (nine characters for a CJK one, twelve for an
     * emoji): three times {@link #MAX_URL}, as {@code return_to} is held. Longer, the header did not fit
     * the server's 8 KB of response headers, and the owner who passed the challenge got a 500 instead of
     * the page (found in review).
     */
    static final int MAX_ENCODED_URL = 3 * MAX_URL;

    private static final Set<String> TOP_LEVEL = Set.of("name", "enabled", "mode", "priority", "actions", "conditions", "verdict", "challenge", "notify");
    /** Read back from GET and sent again with PUT; ignored rather than refused. */
    private static final Set<String> READ_ONLY = Set.of("id", "created_at", "updated_at", "refused_now");
    private static final Set<String> CHALLENGE_KEYS = Set.of("type", "channels", "device_limit", "success_url", "logout_url", "expires_in_seconds");
    private static final Set<String> CHANNELS = Set.of("email", "sms");
    private static final Set<String> LEAF_KEYS = Set.of("check", "op", "value");
    /**
     * What {@link #member} gives for a member that is there with the value JSON null: a value of no
     * field's type, so each field refuses it with its own "must be …", as it refuses a wrong type.
     */
    private static final Object JSON_NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final PolicyFields fields;
    private final Function<String, Optional<ListKind>> lists;

    /** @param lists the kind of the app's list with that name or id, or empty when it has none */
    public PolicyParser(PolicyFields fields, Function<String, Optional<ListKind>> lists) {
        this.fields = requireNonNull(fields, "fields is null");
        this.lists = requireNonNull(lists, "lists is null");
    }

    /** The definition, or a {@code SeatguardException} of kind invalid input listing every fault. */
    public PolicyDefinition parse(Object tree) {
        FieldErrors errors = new FieldErrors();
        if (!(tree instanceof Map<?, ?> body)) {
            errors.add("body", "must be a JSON object");
            errors.throwIfAny();
            throw new AssertionError("unreachable");
        }
        for (Object key : body.keySet()) {
            if (!TOP_LEVEL.contains(key) && !READ_ONLY.contains(key)) {
                errors.add(String.valueOf(key), "is not a policy field; expected one of " + String.join(", ", sorted(TOP_LEVEL)));
            }
        }
        Optional<String> name = name(member(body, "name"), errors);
        boolean enabled = optionalBoolean(member(body, "enabled"), "enabled", true, errors);
        PolicyMode mode = mode(member(body, "mode"), errors);
        int priority = priority(member(body, "priority"), errors);
        List<String> actions = actions(member(body, "actions"), errors);
        Optional<Condition> conditions = conditions(member(body, "conditions"), actions, errors);
        Optional<Verdict> verdict = verdict(member(body, "verdict"), errors);
        Optional<ChallengeConfig> challenge = challenge(member(body, "challenge"), verdict, actions, errors);
        List<String> notify = notify(member(body, "notify"), verdict, errors);
        errors.throwIfAny();
        return new PolicyDefinition(name.orElseThrow(), enabled, mode, priority, actions, conditions.orElseThrow(), verdict.orElseThrow(), challenge,
                notify);
    }

    /**
     * {@code stored} with the name, enabled, mode and priority written in {@code body}, each read as
     * {@link #parse} reads it (left out, its default), except those named in {@code kept}, which stay as
     * stored: what a write that keeps a stored policy's faults may change ({@link KeptFaults}). These four
     * are read on their own, whatever the rest of the policy holds.
     */
    static PolicyDefinition settingsOver(Map<?, ?> body, PolicyDefinition stored, Set<String> kept) {
        FieldErrors errors = new FieldErrors();
        String name = kept.contains("name") ? stored.name() : name(member(body, "name"), errors).orElse(stored.name());
        boolean enabled = kept.contains("enabled") ? stored.enabled() : optionalBoolean(member(body, "enabled"), "enabled", true, errors);
        PolicyMode mode = kept.contains("mode") ? stored.mode() : mode(member(body, "mode"), errors);
        int priority = kept.contains("priority") ? stored.priority() : priority(member(body, "priority"), errors);
        errors.throwIfAny();
        return new PolicyDefinition(name, enabled, mode, priority, stored.actions(), stored.conditions(), stored.verdict(), stored.challenge(),
                stored.notifyChannels());
    }

    /** The member's value: Java null when it is left out, {@link #JSON_NULL} when it is there as null. */
    private static Object member(Map<?, ?> node, String key) {
        Object value = node.get(key);
        return value == null && node.containsKey(key) ? JSON_NULL : value;
    }

    private static Optional<String> name(Object value, FieldErrors errors) {
        if (!(value instanceof String text)) {
            errors.add("name", value == null ? "is required" : "must be a non-blank string");
            return Optional.empty();
        }
        Optional<String> fault = DisplayNames.fault(text, MAX_NAME);
        fault.ifPresent(message -> errors.add("name", message));
        return fault.isPresent() ? Optional.empty() : Optional.of(DisplayNames.stripped(text));
    }

    private static boolean optionalBoolean(Object value, String path, boolean fallback, FieldErrors errors) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        errors.add(path, "must be true or false");
        return fallback;
    }

    private static PolicyMode mode(Object value, FieldErrors errors) {
        if (value == null) {
            return PolicyMode.ENFORCE;
        }
        Optional<PolicyMode> mode = value instanceof String text ? PolicyMode.fromWireName(text) : Optional.empty();
        if (mode.isEmpty()) {
            errors.add("mode", "must be \"enforce\" or \"monitor\"");
            return PolicyMode.ENFORCE;
        }
        return mode.get();
    }

    private static int priority(Object value, FieldErrors errors) {
        if (value == null) {
            return 0;
        }
        OptionalInt priority = integer(value);
        if (priority.isEmpty() || priority.getAsInt() < -MAX_PRIORITY || priority.getAsInt() > MAX_PRIORITY) {
            errors.add("priority", "must be a whole number from -" + MAX_PRIORITY + " to " + MAX_PRIORITY);
            return 0;
        }
        return priority.getAsInt();
    }

    private static List<String> actions(Object value, FieldErrors errors) {
        if (!(value instanceof List<?> items) || items.isEmpty()) {
            errors.add("actions", value == null ? "is required: the actions the policy applies to, e.g. [\"login\"]" : "must be a non-empty array of action names");
            return List.of();
        }
        if (items.size() > MAX_ACTIONS) {
            errors.add("actions", "must name at most " + MAX_ACTIONS + " actions");
            return List.of();
        }
        Set<String> actions = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!(item instanceof String action) || !Actions.isValidName(action)) {
                errors.add("actions[" + i + "]", "must be an action name of 1 to 64 characters from a-z, 0-9, _ . -");
            }
            else if (!actions.add(action)) {
                errors.add("actions[" + i + "]", "repeats \"" + action + "\"");
            }
        }
        return List.copyOf(actions);
    }

    private static Optional<Verdict> verdict(Object value, FieldErrors errors) {
        if (value instanceof String text && Set.of("allow", "deny", "challenge").contains(text)) {
            return Optional.of(Verdict.fromWireName(text));
        }
        errors.add("verdict", value == null ? "is required" : "must be \"allow\", \"deny\" or \"challenge\"");
        return Optional.empty();
    }

    // conditions

    private Optional<Condition> conditions(Object value, List<String> actions, FieldErrors errors) {
        if (value == null) {
            errors.add("conditions", "is required");
            return Optional.empty();
        }
        int before = errors.list().size();
        Condition condition = node(value, "conditions", 1, new Tally(actions), errors);
        return errors.list().size() == before ? Optional.of(condition) : Optional.empty();
    }

    /** The policy's actions, which a condition on {@code action} is held to, and what one condition tree has used of the bounds that hold for the whole tree. */
    private static final class Tally {
        /** Empty when the policy's own {@code actions} were refused. */
        final List<String> actions;

        Tally(List<String> actions) {
            this.actions = actions;
        }

        int nodes;
        int setValues;
    }

    /** Returns a placeholder when the node is faulty; the caller only keeps the tree when no fault was added. */
    private Condition node(Object value, String path, int depth, Tally tally, FieldErrors errors) {
        Condition placeholder = new Condition.All(List.of());
        if (++tally.nodes > MAX_NODES) {
            if (tally.nodes == MAX_NODES + 1) {
                errors.add(path, "the condition tree has more than " + MAX_NODES + " nodes");
            }
            return placeholder;
        }
        if (depth > MAX_DEPTH) {
            errors.add(path, "nests deeper than " + MAX_DEPTH + " levels");
            return placeholder;
        }
        if (!(value instanceof Map<?, ?> node) || node.isEmpty()) {
            errors.add(path, "must be a condition: {\"any\": […]}, {\"all\": […]}, {\"not\": {…}} or {\"check\", \"op\", \"value\"}");
            return placeholder;
        }
        if (node.size() == 1 && (node.containsKey("any") || node.containsKey("all"))) {
            String key = node.containsKey("any") ? "any" : "all";
            List<Condition> children = children(node.get(key), path + "." + key, depth, tally, errors);
            return key.equals("any") ? new Condition.Any(children) : new Condition.All(children);
        }
        if (node.size() == 1 && node.containsKey("not")) {
            return new Condition.Not(node(node.get("not"), path + ".not", depth + 1, tally, errors));
        }
        if (node.containsKey("any") || node.containsKey("all") || node.containsKey("not")) {
            errors.add(path, "must hold exactly one of \"any\", \"all\" or \"not\" and nothing else");
            return placeholder;
        }
        return leaf(node, path, tally, errors).orElse(placeholder);
    }

    private List<Condition> children(Object value, String path, int depth, Tally tally, FieldErrors errors) {
        if (!(value instanceof List<?> items) || items.isEmpty()) {
            errors.add(path, "must be a non-empty array of conditions");
            return List.of();
        }
        List<Condition> children = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            children.add(node(items.get(i), path + "[" + i + "]", depth + 1, tally, errors));
        }
        return children;
    }

    private Optional<Condition> leaf(Map<?, ?> node, String path, Tally tally, FieldErrors errors) {
        int before = errors.list().size();
        for (Object key : node.keySet()) {
            if (!LEAF_KEYS.contains(key)) {
                errors.add(path + "." + key, "is not part of a condition; a leaf is {\"check\", \"op\", \"value\"}");
            }
        }
        Optional<PolicyField> field = Optional.empty();
        Object check = member(node, "check");
        if (!(check instanceof String checkName) || checkName.isEmpty()) {
            errors.add(path + ".check", check == null ? "is required" : "must be a string naming a check or field");
        }
        else {
            field = fields.find(checkName);
            if (field.isEmpty()) {
                errors.add(path + ".check", "unknown check \"" + checkName + "\"");
            }
        }
        Object opValue = member(node, "op");
        Optional<Operator> op = opValue instanceof String opName ? Operator.fromWireName(opName) : Optional.empty();
        if (op.isEmpty()) {
            errors.add(path + ".op", opValue == null ? "is required" : "must be one of eq, ne, gt, gte, lt, lte, in, not_in, in_list, not_in_list");
        }
        if (!node.containsKey("value")) {
            errors.add(path + ".value", "is required");
        }
        if (errors.list().size() != before || field.isEmpty() || op.isEmpty()) {
            return Optional.empty();
        }
        PolicyField known = field.get();
        Operator operator = op.get();
        return value(known, operator, member(node, "value"), path, tally, errors)
                .filter(value -> matchesSomeAction(known, operator, value, tally.actions, path + ".value", errors))
                .map(value -> new Condition.Leaf(known.name(), operator, value));
    }

    /**
     * {@code action ne "login"} on a policy for {@code ["login"]}, or {@code not_in} naming every one of
     * its actions, could never match: refused, as a count that could never match is. The opposite,
     * {@code action eq "login"} there, matches every evaluation the policy sees and is taken: conditions
     * are required, and that is how a policy for every evaluation of its actions is written (the demo's).
     */
    private static boolean matchesSomeAction(PolicyField field, Operator op, Object value, List<String> actions, String path, FieldErrors errors) {
        if (!field.name().equals("action") || actions.isEmpty() || (op != Operator.NE && op != Operator.NOT_IN)) {
            return true;
        }
        Collection<?> excluded = value instanceof Collection<?> items ? items : List.of(value);
        if (!excluded.containsAll(actions)) {
            return true;
        }
        errors.add(path, "the policy applies to " + String.join(", ", actions) + " only, so \"" + op.wireName() + "\" "
                + (op == Operator.NE ? "\"" + value + "\"" : "these actions") + " could never match; name the actions it applies to with \"eq\" or \"in\" to match all of them");
        return false;
    }

    private Optional<Object> value(PolicyField field, Operator op, Object value, String path, Tally tally, FieldErrors errors) {
        String valuePath = path + ".value";
        if (op.isList()) {
            return listReference(field, value, path, errors);
        }
        ValueType type = field.type();
        boolean opFits = switch (type) {
            case BOOLEAN -> op == Operator.EQ || op == Operator.NE;
            case STRING -> !op.isOrdering();
            case NUMBER, ANY -> true;
        };
        if (!opFits) {
            errors.add(path + ".op", "\"" + op.wireName() + "\" does not apply to " + describe(type) + " check \"" + field.name() + "\"");
            return Optional.empty();
        }
        if (op.isSet()) {
            if (!(value instanceof List<?> items) || items.isEmpty() || items.size() > MAX_SET_VALUES) {
                errors.add(valuePath, "must be a non-empty array of at most " + MAX_SET_VALUES + " values for \"" + op.wireName() + "\"");
                return Optional.empty();
            }
            boolean withinPolicy = tally.setValues <= MAX_SET_VALUES_PER_POLICY;
            tally.setValues += items.size();
            if (tally.setValues > MAX_SET_VALUES_PER_POLICY) {
                if (withinPolicy) {
                    errors.add(valuePath, "brings the policy's \"in\" and \"not_in\" values to more than " + MAX_SET_VALUES_PER_POLICY
                            + " in all; keep a long set in a list and match it with \"in_list\"");
                }
                return Optional.empty();
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String itemPath = valuePath + "[" + i + "]";
                scalar(type, items.get(i), itemPath, field, errors)
                        .filter(item -> withinLimit(field, op, item, itemPath, errors) && reportable(field, op, item, itemPath, errors)
                                && coveredAction(field, op, item, tally.actions, itemPath, errors))
                        .ifPresent(values::add);
            }
            return values.size() == items.size() ? Optional.of(values) : Optional.empty();
        }
        ValueType wanted = op.isOrdering() ? ValueType.NUMBER : type;
        return scalar(wanted, value, valuePath, field, errors)
                .filter(scalar -> withinLimit(field, op, scalar, valuePath, errors) && reportable(field, op, scalar, valuePath, errors)
                        && coveredAction(field, op, scalar, tally.actions, valuePath, errors));
    }

    /**
     * A policy is only consulted for its own {@code actions}, so within it {@code action eq "signup"} on a
     * policy for {@code ["login"]} could never match (and {@code ne} would always): refused, naming the
     * actions it covers.
     */
    private static boolean coveredAction(PolicyField field, Operator op, Object value, List<String> actions, String path, FieldErrors errors) {
        if (!field.name().equals("action") || actions.isEmpty() || !(value instanceof String action) || actions.contains(action)) {
            return true;
        }
        boolean always = op == Operator.NE || op == Operator.NOT_IN;
        errors.add(path, "the policy applies to " + String.join(", ", actions) + " only, so \"action\" is never \"" + action + "\" here"
                + (always ? " and \"" + op.wireName() + "\" would match every evaluation" : ""));
        return false;
    }

    /**
     * Every named number field (the counts and the risk scores) reports a whole number from 0, the risk
     * scores up to 100: a condition that no such number can satisfy ({@code risk.score gt 100},
     * {@code device_count lt 0}, {@code eq 2.5}), or that every one satisfies ({@code ne 2.5},
     * {@code device_count gte 0}, {@code risk.score lte 100}), is refused, as it would otherwise be stored
     * and decide nothing, or everything. Each ordering is judged against both ends of the range: it
     * holds for none when its value lies past the end it reaches towards, and for all when its value
     * lies past the other end ({@code gt -1} holds for 0 and up). An ordering with room on both sides
     * ({@code gt 2.5}, {@code lt 0.5}) is taken: it means what it says.
     */
    private static boolean reportable(PolicyField field, Operator op, Object value, String path, FieldErrors errors) {
        if (field.type() != ValueType.NUMBER || !(value instanceof Number number)) {
            return true;
        }
        double written = number.doubleValue();
        // Above a counting limit withinLimit has spoken; the limit is still the top of what is reported.
        OptionalLong highest = field.highest().isPresent() ? field.highest() : field.limit();
        boolean belowTop = highest.isEmpty() || written < highest.getAsLong();
        boolean atMostTop = highest.isEmpty() || written <= highest.getAsLong();
        boolean reported = written >= 0 && written == Math.rint(written) && atMostTop;
        // Whether the condition holds for none of the reported numbers, and whether for all of them.
        boolean none = switch (op) {
            case GT -> !belowTop;
            case GTE -> !atMostTop;
            case LT -> written <= 0;
            case LTE -> written < 0;
            case EQ, IN -> !reported;
            default -> false;
        };
        boolean all = switch (op) {
            case GT -> written < 0;
            case GTE -> written <= 0;
            case LT -> highest.isPresent() && written > highest.getAsLong();
            case LTE -> highest.isPresent() && written >= highest.getAsLong();
            case NE, NOT_IN -> !reported;
            default -> false;
        };
        if (!none && !all) {
            return true;
        }
        String range = "whole numbers from 0" + (highest.isPresent() ? " to " + highest.getAsLong() : "");
        errors.add(path, "\"" + field.name() + "\" reports " + range + ", so \"" + op.wireName() + "\" " + plain(written)
                + (all ? " would match every evaluation" : " could never match"));
        return false;
    }

    /** A number as written in a policy: {@code 2.5}, {@code 100}, not {@code 100.0}. */
    private static String plain(double number) {
        return java.math.BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    /**
     * A field that stops counting at a limit reports {@code min(count, limit)}, so a comparison is exact
     * only where it cannot tell the limit from any count above it: {@code gte} and {@code lt} up to the
     * limit itself, every other operator below it. {@code device_count gt 100} could never match, and
     * {@code device_count lt 500} would match an account of 600 devices, so both are refused.
     */
    private static boolean withinLimit(PolicyField field, Operator op, Object value, String path, FieldErrors errors) {
        if (field.limit().isEmpty() || !(value instanceof Number number)) {
            return true;
        }
        long limit = field.limit().getAsLong();
        boolean upToLimit = op == Operator.GTE || op == Operator.LT;
        double highest = number.doubleValue();
        if (upToLimit ? highest <= limit : highest < limit) {
            return true;
        }
        errors.add(path, "\"" + field.name() + "\" stops counting at " + limit + " (a count of " + limit + " means "
                + limit + " or more), so \"" + op.wireName() + "\" needs a value " + (upToLimit ? "of at most " : "below ") + limit
                + (upToLimit ? "" : "; to match " + limit + " or more, use \"gte\" " + limit));
        return false;
    }

    private static Optional<Object> scalar(ValueType type, Object value, String path, PolicyField field, FieldErrors errors) {
        Optional<Object> scalar = switch (type) {
            case BOOLEAN -> value instanceof Boolean ? Optional.of(value) : Optional.empty();
            case NUMBER -> number(value).map(Object.class::cast);
            case STRING -> value instanceof String ? Optional.of(value) : Optional.empty();
            case ANY -> value instanceof Boolean || value instanceof String ? Optional.of(value) : number(value).map(Object.class::cast);
        };
        if (scalar.isEmpty()) {
            errors.add(path, "must be " + describe(type) + " value for \"" + field.name() + "\"");
            return scalar;
        }
        if (scalar.get() instanceof Double && !isExact(value)) {
            errors.add(path, "must be a number from -" + MAX_EXACT + " to " + MAX_EXACT + " (2^53), and below it when written with a decimal point"
                    + " or an exponent: conditions compare numbers as doubles, which hold no whole number beyond it exactly");
            return Optional.empty();
        }
        return scalar.get() instanceof String text ? inForm(text, path, field, errors) : scalar;
    }

    /**
     * A string in the one form the field is reported in: a value in another form could never match
     * (CONTRACT.md: a policy that can never match is refused), so it is stored in that form, or refused
     * when the field never reports it at all.
     */
    private static Optional<Object> inForm(String text, String path, PolicyField field, FieldErrors errors) {
        Optional<String> normalized = field.form().normalize(text);
        if (normalized.isEmpty()) {
            errors.add(path, "must be " + field.form().expectation(text) + " for \"" + field.name() + "\"");
        }
        return normalized.map(Object.class::cast);
    }

    private Optional<Object> listReference(PolicyField field, Object value, String path, FieldErrors errors) {
        if (field.listKinds().isEmpty()) {
            errors.add(path + ".op", "no list applies to \"" + field.name() + "\"; lists apply to " + listFields());
            return Optional.empty();
        }
        if (!(value instanceof String reference) || reference.isBlank()) {
            errors.add(path + ".value", "must name a list (its name or id)");
            return Optional.empty();
        }
        Optional<ListKind> kind = lists.apply(reference);
        if (kind.isEmpty()) {
            errors.add(path + ".value", "no list named \"" + reference + "\"");
            return Optional.empty();
        }
        if (!field.listKinds().contains(kind.get())) {
            errors.add(path + ".value", "list \"" + reference + "\" holds " + kind.get().wireName() + " values, which \"" + field.name() + "\" cannot be matched against");
            return Optional.empty();
        }
        return Optional.of(reference);
    }

    private String listFields() {
        return fields.named().stream().filter(f -> !f.listKinds().isEmpty()).map(PolicyField::name).sorted().reduce((a, b) -> a + ", " + b).orElse("none");
    }

    private static String describe(ValueType type) {
        return switch (type) {
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case ANY -> "a string, number or boolean";
        };
    }

    // challenge

    private static Optional<ChallengeConfig> challenge(Object value, Optional<Verdict> verdict, List<String> actions, FieldErrors errors) {
        boolean challenges = verdict.map(v -> v == Verdict.CHALLENGE).orElse(false);
        if (value == null) {
            if (challenges) {
                errors.add("challenge", "is required when the verdict is \"challenge\"");
            }
            return Optional.empty();
        }
        if (verdict.isPresent() && !challenges) {
            errors.add("challenge", "is only allowed when the verdict is \"challenge\"");
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> body)) {
            errors.add("challenge", "must be an object");
            return Optional.empty();
        }
        int before = errors.list().size();
        for (Object key : body.keySet()) {
            if (!CHALLENGE_KEYS.contains(key)) {
                errors.add("challenge." + key, "is not a challenge field; expected one of " + String.join(", ", sorted(CHALLENGE_KEYS)));
            }
        }
        Object typeValue = member(body, "type");
        Optional<ChallengeType> type = typeValue instanceof String text ? ChallengeType.fromWireName(text) : Optional.empty();
        if (type.isEmpty()) {
            errors.add("challenge.type", typeValue == null ? "is required" : "must be \"verification\" or \"device_limit\"");
            return Optional.empty();
        }
        List<String> channels = List.of();
        OptionalInt deviceLimit = OptionalInt.empty();
        if (type.get() == ChallengeType.VERIFICATION) {
            channels = channels(member(body, "channels"), errors);
            if (body.containsKey("device_limit")) {
                errors.add("challenge.device_limit", "only applies to a device_limit challenge");
            }
        }
        else {
            OptionalInt limit = integer(body.get("device_limit"));
            if (limit.isEmpty() || limit.getAsInt() < 1 || limit.getAsInt() > MAX_DEVICE_LIMIT) {
                errors.add("challenge.device_limit", !body.containsKey("device_limit")
                        ? "is required for a device_limit challenge"
                        : "must be a whole number from 1 to " + MAX_DEVICE_LIMIT);
            }
            deviceLimit = limit;
            if (body.containsKey("channels")) {
                errors.add("challenge.channels", "only applies to a verification challenge");
            }
        }
        // A passed challenge leaves for success_url, except on access, which goes back to the page it came
        // from: a device-limit challenge on login or signup without one had nowhere to go (about:blank).
        List<String> leavingForSuccessUrl = actions.stream().filter(action -> !action.equals(Actions.ACCESS)).toList();
        if (!body.containsKey("success_url") && type.get() == ChallengeType.DEVICE_LIMIT && !leavingForSuccessUrl.isEmpty()) {
            errors.add("challenge.success_url", "is required for a device_limit challenge on " + String.join(", ", leavingForSuccessUrl)
                    + ": where the browser goes once the account is within its limit");
        }
        Optional<String> successUrl = url(member(body, "success_url"), "challenge.success_url", type.get() == ChallengeType.VERIFICATION, errors);
        Optional<String> logoutUrl = url(member(body, "logout_url"), "challenge.logout_url", type.get() == ChallengeType.DEVICE_LIMIT, errors);
        Duration expiresIn = ChallengeConfig.DEFAULT_EXPIRY;
        if (body.containsKey("expires_in_seconds")) {
            OptionalInt seconds = integer(body.get("expires_in_seconds"));
            if (seconds.isEmpty() || seconds.getAsInt() < MIN_EXPIRY_SECONDS || seconds.getAsInt() > MAX_EXPIRY_SECONDS) {
                errors.add("challenge.expires_in_seconds", "must be a whole number of seconds from " + MIN_EXPIRY_SECONDS + " to " + MAX_EXPIRY_SECONDS);
            }
            else {
                expiresIn = Duration.ofSeconds(seconds.getAsInt());
            }
        }
        if (errors.list().size() != before) {
            return Optional.empty();
        }
        return Optional.of(new ChallengeConfig(type.get(), channels, deviceLimit, successUrl, logoutUrl, expiresIn));
    }

    /** {@code notify: {channels: [...]}}: tell the owner instead of challenging, so not with a challenge verdict. */
    private static List<String> notify(Object value, Optional<Verdict> verdict, FieldErrors errors) {
        if (value == null) {
            return List.of();
        }
        if (verdict.isPresent() && verdict.get() == Verdict.CHALLENGE) {
            errors.add("notify", "is for allow and deny policies; a challenge already reaches the owner");
            return List.of();
        }
        if (!(value instanceof Map<?, ?> body) || body.size() != 1 || !body.containsKey("channels")) {
            errors.add("notify", "must be {\"channels\": [\"email\"]} (email, sms or both)");
            return List.of();
        }
        FieldErrors channelErrors = new FieldErrors();
        List<String> channels = channels(member(body, "channels"), channelErrors);
        channelErrors.list().forEach(error -> errors.add(error.field().replace("challenge.", "notify."), error.message()
                .replace(" for a verification challenge", "")));
        return channels;
    }

    private static List<String> channels(Object value, FieldErrors errors) {
        if (!(value instanceof List<?> items) || items.isEmpty()) {
            errors.add("challenge.channels", value == null
                    ? "is required for a verification challenge: [\"email\"], [\"sms\"] or both"
                    : "must be a non-empty array of \"email\" and \"sms\"");
            return List.of();
        }
        Set<String> channels = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!(item instanceof String channel) || !CHANNELS.contains(channel)) {
                errors.add("challenge.channels[" + i + "]", "must be \"email\" or \"sms\"");
            }
            else if (!channels.add(channel)) {
                errors.add("challenge.channels[" + i + "]", "repeats \"" + channel + "\"");
            }
        }
        return List.copyOf(channels);
    }

    /**
     * An absolute http(s) URL without credentials or fragment, since {@code ?evaluation=} is appended to it.
     * A host with non-ASCII letters is kept in the ASCII form a browser goes to ({@link WebDomains#withAsciiHost}),
     * as an app's allowed origins are; one a browser refuses is refused.
     */
    static Optional<String> url(Object value, String path, boolean required, FieldErrors errors) {
        if (value == null) {
            if (required) {
                errors.add(path, "is required for this challenge type");
            }
            return Optional.empty();
        }
        String text = value instanceof String written && written.length() <= MAX_URL ? WebDomains.withAsciiHost(written) : null;
        if (text == null || text.length() > MAX_URL) {
            errors.add(path, "must be an absolute http or https URL of at most " + MAX_URL + " characters");
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (WebDomains.unconvertedHost(uri)) {
                errors.add(path, WebDomains.NO_DOMAIN);
                return Optional.empty();
            }
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                errors.add(path, "must be an absolute http or https URL");
                return Optional.empty();
            }
            if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                errors.add(path, "must not carry credentials or a #fragment");
                return Optional.empty();
            }
            // URI takes any number of digits as a port; a browser sent to :99999 shows an error page.
            if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65_535)) {
                errors.add(path, "has a port outside 1-65535");
                return Optional.empty();
            }
            if (encodedLength(text) > MAX_ENCODED_URL) {
                errors.add(path, "must be at most " + MAX_ENCODED_URL + " characters once percent-encoded");
                return Optional.empty();
            }
            return Optional.of(text);
        }
        catch (URISyntaxException e) {
            errors.add(path, "is not a valid URL: " + e.getReason());
            return Optional.empty();
        }
    }

    /** {@code url}'s length with every character but printable ASCII percent-encoded as UTF-8, as a {@code Location} header holds it. */
    static int encodedLength(String url) {
        int length = 0;
        for (int i = 0; i < url.length(); ) {
            int c = url.codePointAt(i);
            length += c > 0x20 && c < 0x7f ? 1 : 3 * new String(Character.toChars(c)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            i += Character.charCount(c);
        }
        return length;
    }

    // numbers

    /** 2^53: every whole number up to it is a double exactly; 2^53 + 1 would be stored (and read back) as 2^53. */
    static final long MAX_EXACT = 1L << 53;

    /**
     * Whether a JSON number lies within ±2^53, where the double it is held as is the number written (or
     * nearest it, for a fraction). A number written with a decimal point or an exponent arrives as a double,
     * rounded already: {@code 9007199254740993.0} is the double 2^53, which cannot tell it from 2^53, so a
     * double is taken only below 2^53 (found in review, as metadata; PolicyFacts holds metadata to the same).
     */
    private static boolean isExact(Object value) {
        return switch (value) {
            case java.math.BigInteger big -> big.abs().compareTo(java.math.BigInteger.valueOf(MAX_EXACT)) <= 0;
            // Read as written (a decimal point or an exponent), held to the same bound as the double it would have been.
            case java.math.BigDecimal big -> big.abs().compareTo(java.math.BigDecimal.valueOf(MAX_EXACT)) < 0;
            case Double written -> Math.abs(written) < MAX_EXACT;
            case Float written -> Math.abs(written) < MAX_EXACT;
            case Number whole -> whole.longValue() >= -MAX_EXACT && whole.longValue() <= MAX_EXACT;
            default -> true;
        };
    }

    private static Optional<Double> number(Object value) {
        if (value instanceof Number number && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            // -0 is stored as 0: the same number to a condition (ValueSet.value), and one value in a set.
            return Optional.of(number.doubleValue() + 0.0);
        }
        return Optional.empty();
    }

    /**
     * A whole number however it is written: OpenAPI 3.1's {@code integer} is any JSON number without a
     * fraction, so {@code 100.0} and {@code 1e2} are 100, as a condition takes {@code 3.0} for 3 (found in
     * review: they were refused as "must be a whole number"). A fraction, or a number beyond an int, is not.
     */
    private static OptionalInt integer(Object value) {
        java.math.BigDecimal number = switch (value) {
            case Integer whole -> java.math.BigDecimal.valueOf(whole);
            case Long whole -> java.math.BigDecimal.valueOf(whole);
            case Short whole -> java.math.BigDecimal.valueOf(whole);
            case java.math.BigInteger whole -> new java.math.BigDecimal(whole);
            case java.math.BigDecimal decimal -> decimal;
            case Double written when Double.isFinite(written) -> new java.math.BigDecimal(written);
            case Float written when Float.isFinite(written) -> new java.math.BigDecimal(written);
            case null, default -> null;
        };
        if (number == null || number.signum() != 0 && number.stripTrailingZeros().scale() > 0
                || number.compareTo(java.math.BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                || number.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(number.intValueExact());
    }

    private static List<String> sorted(Set<String> keys) {
        return new ArrayList<>(new java.util.TreeSet<>(keys));
    }
}
