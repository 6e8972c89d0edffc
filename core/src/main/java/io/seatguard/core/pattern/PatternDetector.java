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
 * batch): only a gauge's values at or above its suspicious threshold are observed, so an account without
 * a pattern costs no write; a counter's occurrences (rare) are all observed, since its threshold is on their total. The store keeps each pattern's level from falling.
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
        gauge(PatternKind.MANY_ACCOUNTS_ON_DEVICE, checks.get("device_user_count"), observations);
        boolean established = account.user().map(Seen::first).map(first -> !first.isAfter(at.minus(ESTABLISHED_AFTER))).orElse(false);
        if (established && Boolean.TRUE.equals(checks.get("is_new_device")) && Boolean.TRUE.equals(checks.get("is_new_country"))) {
            // Observed even when one occurrence is below the suspicious threshold (new_device_new_country=2:3):
            // the threshold is on the running total, which the store keeps; skipped, it never reached it.
            observations.add(new PatternObservation(PatternKind.NEW_DEVICE_NEW_COUNTRY, 1, thresholds.levelOf(PatternKind.NEW_DEVICE_NEW_COUNTRY, 1),
                    thresholds.of(PatternKind.NEW_DEVICE_NEW_COUNTRY)));
        }
        return observations;
    }

    private void gauge(PatternKind kind, Object value, List<PatternObservation> observations) {
        if (!(value instanceof Number number)) {
            return;
        }
        Optional<PatternLevel> level = thresholds.levelOf(kind, number.longValue());
        if (level.isPresent()) {
            observations.add(new PatternObservation(kind, number.longValue(), level, thresholds.of(kind)));
        }
    }
}
