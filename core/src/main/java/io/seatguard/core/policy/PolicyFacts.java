package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.evaluation.DetectionFlags;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.risk.Risk;
import io.seatguard.core.risk.RiskCategory;
import java.util.Map;
import java.util.Optional;

/**
 * What a condition can read of one evaluation. Built by the pipeline for a live request and from a
 * stored evaluation for a backtest, so both judge the same facts the same way.
 *
 * @param checks check values by name; a {@code null} value is unknown
 */
public record PolicyFacts(
        String action,
        Optional<String> user,
        Optional<String> email,
        Optional<String> phone,
        Map<String, Object> metadata,
        String ip,
        String deviceId,
        String deviceType,
        Map<String, Object> checks,
        Risk risk,
        DetectionFlags flags) {
    public PolicyFacts {
        requireNonNull(action, "action is null");
        requireNonNull(user, "user is null");
        requireNonNull(email, "email is null");
        requireNonNull(phone, "phone is null");
        requireNonNull(metadata, "metadata is null");
        requireNonNull(ip, "ip is null");
        requireNonNull(deviceId, "deviceId is null");
        requireNonNull(deviceType, "deviceType is null");
        requireNonNull(checks, "checks is null");
        requireNonNull(risk, "risk is null");
        requireNonNull(flags, "flags is null");
    }

    /** The facts of a stored evaluation, as they were when it was recorded. */
    public static PolicyFacts of(Evaluation evaluation) {
        return new PolicyFacts(evaluation.action(), evaluation.user().id(), evaluation.user().email(), evaluation.user().phone(),
                evaluation.metadata(), evaluation.publicIp().address(), evaluation.device().id(), evaluation.device().type().wireName(),
                evaluation.checks(), evaluation.risk(), evaluation.detectionFlags());
    }

    /**
     * The value of a field: a {@link Boolean}, a {@link Double} for every number, a {@link String}, or
     * empty when it is unknown (a check that could not be computed, metadata the request did not carry).
     */
    public Optional<Object> value(String field) {
        Object raw = switch (field) {
            case "action" -> action;
            case "user" -> user.orElse(null);
            case "email" -> email.orElse(null);
            case "phone" -> phone.orElse(null);
            case "ip" -> ip;
            case "device_id" -> deviceId;
            case "device_type" -> deviceType;
            case "risk.score" -> risk.score();
            case "risk.account_sharing", "risk.ato" -> riskScore(field.substring("risk.".length()));
            default -> other(field);
        };
        if (raw instanceof Number number) {
            // A whole number beyond 2^53 has no exact double: compared after rounding, metadata 2^53 + 1
            // equalled a condition's 2^53 (found in review). Unknown instead, as conditions take no such value.
            return withinExactRange(number) ? Optional.of(raw instanceof Double ? raw : number.doubleValue()) : Optional.empty();
        }
        return Optional.ofNullable(raw);
    }

    private static final long MAX_EXACT = 1L << 53;

    /**
     * Whether {@code number} is one a condition can compare: within ±2^53, however it was written. A number
     * written with a decimal point or an exponent arrives as a double, rounded already: 9007199254740993.0
     * and 9.007199254740993e15 are the double 2^53, which cannot tell them from 2^53 itself, so a double is
     * compared only below 2^53 (found in review: they were let through unchecked, and equalled a condition's
     * 2^53, while 9007199254740993 was unknown; 1e16 compared while 10000000000000000 was unknown). A
     * fraction below it is compared as its nearest double, as a condition's own value is.
     */
    private static boolean withinExactRange(Number number) {
        return switch (number) {
            case Double written -> Math.abs(written) < MAX_EXACT;
            case Float written -> Math.abs(written) < MAX_EXACT;
            case java.math.BigInteger whole -> whole.abs().compareTo(java.math.BigInteger.valueOf(MAX_EXACT)) <= 0;
            case java.math.BigDecimal decimal -> decimal.abs().compareTo(java.math.BigDecimal.valueOf(MAX_EXACT)) <= 0;
            default -> number.longValue() >= -MAX_EXACT && number.longValue() <= MAX_EXACT;
        };
    }

    private Object other(String field) {
        if (field.startsWith(PolicyFields.METADATA_PREFIX)) {
            return metadataValue(field.substring(PolicyFields.METADATA_PREFIX.length()));
        }
        if (field.startsWith("detection_flags.")) {
            return flag(field.substring("detection_flags.".length())).orElse(null);
        }
        return checks.get(field);
    }

    /** A risk category the scorer did not report scored nothing, which is known: 0. */
    private int riskScore(String category) {
        return risk.risks().stream().filter(r -> r.category().equals(category)).mapToInt(RiskCategory::score).findFirst().orElse(0);
    }

    private Object metadataValue(String path) {
        Object current = metadata;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        // Only scalars compare; an object or array at the path is as good as absent.
        return current instanceof Map || current instanceof Iterable ? null : current;
    }

    private Optional<Boolean> flag(String name) {
        return switch (name) {
            case "vpn" -> flags.vpn();
            case "proxy" -> flags.proxy();
            case "tor" -> flags.tor();
            case "hosting" -> flags.hosting();
            case "relay" -> flags.relay();
            case "ip_mismatch" -> flags.ipMismatch();
            case "timezone_mismatch" -> flags.timezoneMismatch();
            default -> Optional.empty();
        };
    }
}
