package io.seatguard.core.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.Seen;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatternDetectorTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private final PatternDetector detector = new PatternDetector(PatternThresholds.DEFAULTS);

    private static AccountState accountSince(Instant first) {
        return new AccountState(Optional.of(new Seen(first, NOW.minusSeconds(60))), List.of(), Optional.empty(), Optional.empty());
    }

    private static Map<String, Object> checks(Object devices, Object countries, Object accountsOnDevice, boolean newDevice, boolean newCountry) {
        Map<String, Object> checks = new HashMap<>();
        checks.put("device_count", devices);
        checks.put("country_count_24h", countries);
        checks.put("device_user_count", accountsOnDevice);
        // Look-alike units of a common model share the fingerprint: it is not the device's accounts.
        checks.put("fingerprint_user_count", 50L);
        checks.put("is_new_device", newDevice);
        checks.put("is_new_country", newCountry);
        return checks;
    }

    @Test
    void thresholdsCompareByTheirPairs() {
        assertThat(PatternThresholds.parse("")).isEqualTo(PatternThresholds.DEFAULTS).hasSameHashCodeAs(PatternThresholds.DEFAULTS);
        assertThat(PatternThresholds.parse("many_devices=2:3")).isNotEqualTo(PatternThresholds.DEFAULTS);
    }

    @Test
    void observesOnlyValuesAtOrAboveTheSuspiciousThreshold() {
        AccountState account = accountSince(NOW.minus(Duration.ofDays(30)));
        assertThat(detector.observe(checks(4L, 2L, 2L, false, false), account, NOW)).isEmpty();
        assertThat(detector.observe(checks(5L, 3L, 3L, false, false), account, NOW))
                .extracting(PatternObservation::kind, o -> o.level().orElseThrow())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(PatternKind.MANY_DEVICES, PatternLevel.SUSPICIOUS),
                        org.assertj.core.groups.Tuple.tuple(PatternKind.MULTIPLE_COUNTRIES, PatternLevel.SUSPICIOUS),
                        org.assertj.core.groups.Tuple.tuple(PatternKind.MANY_ACCOUNTS_ON_DEVICE, PatternLevel.SUSPICIOUS));
        assertThat(detector.observe(checks(10L, 5L, 6L, false, false), account, NOW)).allSatisfy(o -> assertThat(o.level()).contains(PatternLevel.DANGEROUS));
        assertThat(detector.observe(checks(null, null, null, false, false), account, NOW)).as("unknown observes nothing").isEmpty();
    }

    @Test
    void aNewDeviceFromANewCountryCountsOnlyForAnEstablishedAccount() {
        Map<String, Object> both = checks(1L, 1L, 1L, true, true);
        assertThat(detector.observe(both, accountSince(NOW.minus(Duration.ofDays(8))), NOW))
                .singleElement().satisfies(o -> {
                    assertThat(o.kind()).isEqualTo(PatternKind.NEW_DEVICE_NEW_COUNTRY);
                    assertThat(o.value()).isEqualTo(1);
                    assertThat(o.thresholds()).isEqualTo(new PatternThresholds.Pair(1, 3));
                });
        assertThat(detector.observe(both, accountSince(NOW.minus(Duration.ofDays(2))), NOW)).as("a young account").isEmpty();
        assertThat(detector.observe(both, AccountState.NO_ACCOUNT, NOW)).as("a new account").isEmpty();
        assertThat(detector.observe(checks(1L, 1L, 1L, true, false), accountSince(NOW.minus(Duration.ofDays(30))), NOW)).isEmpty();
    }

    /**
     * Found in review: with {@code new_device_new_country=2:3} a single occurrence is below the suspicious
     * threshold, so it was not observed, the store never counted it, and the account was never flagged
     * however often it happened. Every occurrence is observed; the store judges the running total.
     */
    @Test
    void aCounterOccurrenceBelowTheSuspiciousThresholdIsStillCounted() {
        PatternDetector fromTwo = new PatternDetector(PatternThresholds.parse("new_device_new_country=2:3"));
        assertThat(fromTwo.observe(checks(1L, 1L, 1L, true, true), accountSince(NOW.minus(Duration.ofDays(8))), NOW))
                .singleElement().satisfies(o -> {
                    assertThat(o.kind()).isEqualTo(PatternKind.NEW_DEVICE_NEW_COUNTRY);
                    assertThat(o.value()).isEqualTo(1);
                    assertThat(o.level()).as("one occurrence is no level yet").isEmpty();
                    assertThat(o.thresholds()).isEqualTo(new PatternThresholds.Pair(2, 3));
                });
    }

    @Test
    void thresholdsAreConfigurableAndValidated() {
        PatternThresholds custom = PatternThresholds.parse("many_devices=2:4, multiple_countries=7");
        assertThat(custom.of(PatternKind.MANY_DEVICES)).isEqualTo(new PatternThresholds.Pair(2, 4));
        assertThat(custom.of(PatternKind.MULTIPLE_COUNTRIES)).isEqualTo(new PatternThresholds.Pair(7, 7));
        assertThat(custom.of(PatternKind.MANY_ACCOUNTS_ON_DEVICE)).isEqualTo(PatternThresholds.DEFAULTS.of(PatternKind.MANY_ACCOUNTS_ON_DEVICE));
        assertThat(custom.levelOf(PatternKind.MANY_DEVICES, 3)).contains(PatternLevel.SUSPICIOUS);
        assertThatThrownBy(() -> PatternThresholds.parse("many_device=2:4")).hasMessageContaining("many_device=2:4");
        assertThatThrownBy(() -> PatternThresholds.parse("many_devices=5:2")).hasMessageContaining("suspicious <= dangerous");
        assertThatThrownBy(() -> PatternThresholds.parse("many_devices=a:b")).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> PatternThresholds.parse("many_devices=150:300")).as("device_count stops at 100").hasMessageContaining("counted up to 100");
        assertThatThrownBy(() -> PatternThresholds.parse("many_accounts_on_device=3:1001")).hasMessageContaining("counted up to 1000");
        assertThat(PatternThresholds.parse("many_devices=50:100").of(PatternKind.MANY_DEVICES)).isEqualTo(new PatternThresholds.Pair(50, 100));
    }
}
