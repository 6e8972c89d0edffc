package io.seatguard.core.policy;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.SeatguardException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A write to a stored policy that today's settings refuse ({@link PolicyService#faultsNow}: a lowered
 * {@code --event-count-limit}, a URL stored before its limit). Every write used to be validated as a new
 * policy, so such a policy could not even be switched off until its condition was rewritten; an operator
 * facing a misbehaving policy at night could only delete it (found in review).
 *
 * <p>The write is taken with the stored faults kept when all of these hold:
 * <ul>
 * <li>each fault it has is one the stored policy has now (same field, same reason), in a part written
 *     exactly as stored: a faulty part changed must be made valid, as on create;</li>
 * <li>it changes nothing but {@link #SETTINGS}, each of which is read on its own. The other parts are
 *     judged together (a condition against the actions, a challenge against the verdict), so one of them
 *     changed beside a fault cannot be judged, and the write must make the whole policy valid;</li>
 * <li>it leaves the policy switched off: {@code enabled} false or {@code mode} monitor. Switching it on,
 *     or writing it while it stays on, is writing it now: refused, naming the faults, until they are fixed.</li>
 * </ul>
 */
final class KeptFaults {
    /** What a write that keeps stored faults may change. */
    static final Set<String> SETTINGS = Set.of("name", "enabled", "mode", "priority");
    /** Ignored in a written policy, as the parser ignores them. */
    private static final Set<String> READ_ONLY = Set.of("id", "created_at", "updated_at", "refused_now");

    private KeptFaults() {}

    /**
     * The definition to store for {@code tree}, which validating as a new policy refused with {@code refused};
     * empty when the write does not keep the stored faults as they are, and must be refused as it was.
     *
     * @param storedFaults what today's settings find in the stored policy
     * @throws SeatguardException invalid input naming the faults, when the write keeps them but leaves the policy on
     */
    static Optional<PolicyDefinition> over(PolicyDefinition stored, List<FieldError> storedFaults, Object tree, SeatguardException refused) {
        if (refused.code() != ErrorCode.INVALID_INPUT || storedFaults.isEmpty() || refused.errors().isEmpty() || !(tree instanceof Map<?, ?> written)
                || !storedFaults.containsAll(refused.errors())) {
            return Optional.empty();
        }
        Map<String, Object> asStored = PolicyTree.of(stored);
        Set<String> keys = new HashSet<>(asStored.keySet());
        written.keySet().forEach(key -> keys.add(String.valueOf(key)));
        keys.removeAll(READ_ONLY);
        Set<String> faulty = new HashSet<>();
        refused.errors().forEach(fault -> faulty.add(part(fault.field())));
        for (String key : keys) {
            if ((faulty.contains(key) || !SETTINGS.contains(key)) && !sameJson(written.get(key), asStored.get(key))) {
                return Optional.empty();
            }
        }
        PolicyDefinition definition = PolicyParser.settingsOver(written, stored, faulty);
        if (definition.enabled() && definition.mode() == PolicyMode.ENFORCE) {
            throw new SeatguardException(ErrorCode.INVALID_INPUT, "Today's settings refuse this stored policy; it keeps these"
                    + " faults only while switched off (\"enabled\": false or \"mode\": \"monitor\"): fix them to switch it on", refused.errors());
        }
        return Optional.of(definition);
    }

    /** The top-level member a fault's path is in: {@code conditions} for {@code conditions.all[0].value}. */
    private static String part(String field) {
        int end = field.length();
        for (char separator : new char[] {'.', '['}) {
            int at = field.indexOf(separator);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return field.substring(0, end);
    }

    /**
     * Whether two JSON trees are the same, numbers by value: a body reads {@code 20000} as an Integer, the
     * stored tree writes it as a Long.
     */
    private static boolean sameJson(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(key -> sameJson(x.get(key), y.get(key)));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameJson(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
