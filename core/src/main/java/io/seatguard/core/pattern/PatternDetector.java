package io.seatguard.core.pattern;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.Seen;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an evaluation's checks into pattern observations for its account, with each evaluation (not a
 * batch): only values at or above a pattern's suspicious threshold are observed, so an account without
 * a pattern costs no write. The store keeps each pattern's level from falling.
 */
public final class PatternDetector {
    /** An account this old is established: a new device from a new country is then worth noting. */
    public static final Duration ESTABLISHED_AFTER = Duration.ofDays(7);

    private final PatternThresholds thresholds;

    public PatternDetector(PatternThresholds thresholds) {
        this.thresholds = requireNonNull(thresholds, "thresholds is null");
    }

    public PatternThresholds thresholds() {
        return thresholds;
    }

    /** @param checks the evaluation's check values; null values are unknown and observe nothing */
    public List<PatternObservation> observe(Map<String, Object> checks, AccountState account, Instant at) {
        List<PatternObservation> observations = new ArrayList<>();
        gauge(PatternKind.MANY_DEVICES, checks.get("device_count"), observations);
        gauge(PatternKind.MULTIPLE_COUNTRIES, checks.get("country_count_24h"), observations);
        gauge(PatternKind.MANY_ACCOUNTS_ON_DEVICE, checks.get("fingerprint_user_count"), observations);
        boolean established = account.user().map(Seen::first).map(first -> !first.isAfter(at.minus(ESTABLISHED_AFTER))).orElse(false);
        if (established && Boolean.TRUE.equals(checks.get("is_new_device")) && Boolean.TRUE.equals(checks.get("is_new_country"))) {
            thresholds.levelOf(PatternKind.NEW_DEVICE_NEW_COUNTRY, 1)
                    .ifPresent(level -> observations.add(new PatternObservation(PatternKind.NEW_DEVICE_NEW_COUNTRY, 1, level,
                            thresholds.of(PatternKind.NEW_DEVICE_NEW_COUNTRY))));
        }
        return observations;
    }

    private void gauge(PatternKind kind, Object value, List<PatternObservation> observations) {
        if (!(value instanceof Number number)) {
            return;
        }
        Optional<PatternLevel> level = thresholds.levelOf(kind, number.longValue());
        level.ifPresent(reached -> observations.add(new PatternObservation(kind, number.longValue(), reached, thresholds.of(kind))));
    }
}
