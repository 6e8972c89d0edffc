package io.seatguard.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RiskScorerTest {
    private final RiskScorer scorer = new RiskScorer(RiskWeights.defaults());

    private static final List<String> FLAGS = List.of("concurrent_sessions", "impossible_travel", "token_mismatch", "is_new_device", "is_new_ip",
            "is_new_country", "ip_is_tor", "ip_is_proxy", "ip_is_vpn", "ip_is_hosting", "has_high_velocity");

    @Test
    void concurrencyWithImpossibleTravelRanksAboveEitherAlone() {
        int concurrency = scorer.score(Map.of("concurrent_sessions", true), true).score();
        int travel = scorer.score(Map.of("impossible_travel", true), true).score();
        Risk both = scorer.score(Map.of("concurrent_sessions", true, "impossible_travel", true), true);
        assertThat(both.score()).isGreaterThan(concurrency).isGreaterThan(travel).isEqualTo(64);
        assertThat(both.signals()).extracting(RiskSignal::name).containsExactly("concurrent_sessions", "impossible_travel");
        assertThat(both.risks()).extracting(RiskCategory::category).containsExactly("account_sharing", "ato");
        assertThat(both.risks().get(0).severity()).isEqualTo("high");
        assertThat(both.risks().get(1)).isEqualTo(new RiskCategory("ato", 40, "medium"));
    }

    @Test
    void weightsCompareByTheirPoints() {
        assertThat(RiskWeights.parse("")).isEqualTo(RiskWeights.defaults()).hasSameHashCodeAs(RiskWeights.defaults());
        assertThat(RiskWeights.parse("new_ip=5")).as("a default restated").isEqualTo(RiskWeights.defaults());
        assertThat(RiskWeights.parse("new_ip=6")).isNotEqualTo(RiskWeights.defaults());
    }

    @Test
    void nothingFiredIsClean() {
        Risk none = scorer.score(Map.of("concurrent_sessions", false, "device_count", 1L, "is_new_user", true, "is_new_device", true), true);
        assertThat(none).isEqualTo(Risk.NONE);
        assertThat(RiskScorer.band(none.score())).isEqualTo("clean");
    }

    @Test
    void aNewDeviceIsASignalOnlyOnAnAccountSeenBefore() {
        assertThat(scorer.score(Map.of("is_new_user", true, "is_new_device", true), true).signals()).isEmpty();
        assertThat(scorer.score(Map.of("is_new_user", false, "is_new_device", true), true).signals()).extracting(RiskSignal::name).containsExactly("new_device");
        assertThat(scorer.score(Map.of("device_count", 5L), true).signals()).singleElement()
                .satisfies(signal -> assertThat(signal.detail()).contains("device_count is 5"));
    }

    @Test
    void withoutAnAccountNothingIsNewToAnAccount() {
        // A signup naming no user: is_new_user is false and is_new_* mean "new to the app".
        Map<String, Object> signup = Map.of("is_new_user", false, "is_new_device", true, "is_new_ip", true, "is_new_country", true);
        assertThat(scorer.score(signup, false)).isEqualTo(Risk.NONE);
        assertThat(scorer.score(signup, true).signals()).extracting(RiskSignal::name).containsExactly("new_device", "new_ip", "new_country");
        assertThat(scorer.score(Map.of("device_user_count", 5L), false).signals()).as("a browser on many accounts needs no account of its own")
                .extracting(RiskSignal::name).containsExactly("shared_device");
        assertThat(scorer.score(Map.of("fingerprint_user_count", 5L), false)).as("look-alikes share a fingerprint: a known device is no signal")
                .isEqualTo(Risk.NONE);
        assertThat(scorer.score(Map.of("fingerprint_user_count", 5L, "is_new_device", true), false).signals())
                .as("a device new here on a fingerprint other accounts showed").extracting(RiskSignal::name).containsExactly("shared_fingerprint");
        assertThat(scorer.score(Map.of("fingerprint_user_count", 2L, "is_new_device", true), false)).isEqualTo(Risk.NONE);
    }

    @Test
    void onlyACertainSignalReaches100() {
        RiskScorer strong = new RiskScorer(RiskWeights.parse("concurrent_sessions=95, impossible_travel=95"));
        Risk both = strong.score(Map.of("concurrent_sessions", true, "impossible_travel", true), true);
        assertThat(both.score()).as("1 - 0.05 × 0.05 rounds to 100 but is not certain").isEqualTo(99);
        assertThat(both.risks()).allSatisfy(category -> assertThat(category.score()).isLessThan(100));
        RiskScorer certain = new RiskScorer(RiskWeights.parse("concurrent_sessions=100"));
        assertThat(certain.score(Map.of("concurrent_sessions", true), true).score()).isEqualTo(100);
    }

    @Test
    void weightsAreConfigurationAndBadOnesAreRefused() {
        RiskWeights weights = RiskWeights.parse("concurrent_sessions=90, new_ip=0");
        RiskScorer custom = new RiskScorer(weights);
        assertThat(custom.score(Map.of("concurrent_sessions", true), true).score()).isEqualTo(90);
        assertThat(custom.score(Map.of("is_new_user", false, "is_new_ip", true), true).signals()).as("0 turns a signal off").isEmpty();
        assertThat(weights.points("token_mismatch")).isEqualTo(30);
        assertThatThrownBy(() -> RiskWeights.parse("no_such_signal=5")).hasMessageContaining("no_such_signal");
        assertThatThrownBy(() -> RiskWeights.parse("new_ip=101")).hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> RiskWeights.parse("new_ip=lots")).hasMessageContaining("whole points");
        assertThatThrownBy(() -> RiskWeights.parse("new_ip")).hasMessageContaining("name=points");
    }

    @Property(tries = 2000)
    void addingASignalNeverLowersAScore(@ForAll("checks") Map<String, Object> checks, @ForAll("flag") String added, @ForAll boolean namesAccount) {
        Map<String, Object> more = new HashMap<>(checks);
        more.put(added, true);
        Risk before = scorer.score(checks, namesAccount);
        Risk after = scorer.score(more, namesAccount);
        assertThat(after.score()).isGreaterThanOrEqualTo(before.score()).isBetween(0, 100);
        for (RiskCategory category : before.risks()) {
            assertThat(after.risks()).anySatisfy(later -> {
                assertThat(later.category()).isEqualTo(category.category());
                assertThat(later.score()).isGreaterThanOrEqualTo(category.score());
            });
        }
    }

    /** docs/risk.md's bands at each edge: one signal of p points scores exactly p. */
    @Test
    void bandsAndSeveritiesChangeExactlyAtTheDocumentedEdges() {
        Map<Integer, String> edges = new java.util.LinkedHashMap<>();
        edges.put(1, "low");
        edges.put(29, "low");
        edges.put(30, "medium");
        edges.put(59, "medium");
        edges.put(60, "high");
        edges.put(84, "high");
        edges.put(85, "maximum");
        edges.put(99, "maximum");
        edges.put(100, "maximum");
        edges.forEach((points, band) -> {
            Risk risk = new RiskScorer(RiskWeights.parse("token_mismatch=" + points)).score(Map.of("token_mismatch", true), true);
            assertThat(risk.score()).as(points + " points").isEqualTo(points);
            assertThat(RiskScorer.band(risk.score())).as(points + " points").isEqualTo(band);
            assertThat(risk.risks()).as(points + " points").extracting(RiskCategory::severity).containsExactly(band, band);
        });
        assertThat(RiskScorer.band(0)).isEqualTo("clean");
    }

    /**
     * The documented property on the real rules, under any weights: raising any check that feeds a signal
     * (a flag turned on, a count raised, the account known) never lowers the score or a category's score,
     * and never drops a category.
     */
    @Property(tries = 3000)
    void raisingAnyCheckNeverLowersAScoreUnderAnyWeights(@ForAll("checks") Map<String, Object> checks, @ForAll("weights") String weights,
            @ForAll("raise") String raised, @ForAll("counts") long more, @ForAll boolean namesAccount) {
        RiskScorer weighted = new RiskScorer(RiskWeights.parse(weights));
        Map<String, Object> after = new HashMap<>(checks);
        switch (raised) {
            case "device_count", "country_count_24h", "fingerprint_user_count", "device_user_count" -> after.put(raised, ((Number) checks.get(raised)).longValue() + more);
            case "is_new_user" -> after.put(raised, false);
            default -> after.put(raised, true);
        }
        Risk lower = weighted.score(checks, namesAccount);
        Risk higher = weighted.score(after, namesAccount);
        assertThat(higher.score()).as(weights + ": " + checks + " then " + raised).isGreaterThanOrEqualTo(lower.score());
        for (RiskCategory category : lower.risks()) {
            assertThat(higher.risks()).as(weights + ": " + category.category()).anySatisfy(later -> {
                assertThat(later.category()).isEqualTo(category.category());
                assertThat(later.score()).isGreaterThanOrEqualTo(category.score());
            });
        }
    }

    @Provide
    Arbitrary<String> raise() {
        List<String> raisable = new java.util.ArrayList<>(FLAGS);
        raisable.addAll(List.of("device_count", "country_count_24h", "fingerprint_user_count", "device_user_count", "is_new_user"));
        return Arbitraries.of(raisable);
    }

    @Provide
    Arbitrary<Long> counts() {
        return Arbitraries.longs().between(0, 5);
    }

    /** Every signal with any points from 0 (off) to 100 (certain). */
    @Provide
    Arbitrary<String> weights() {
        List<String> names = List.copyOf(new java.util.TreeSet<>(RiskWeights.defaults().asMap().keySet()));
        return Arbitraries.integers().between(0, 100).list().ofSize(names.size()).map(points -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                text.append(i == 0 ? "" : ",").append(names.get(i)).append('=').append(points.get(i));
            }
            return text.toString();
        });
    }

    @Provide
    Arbitrary<String> flag() {
        return Arbitraries.of(FLAGS);
    }

    @Provide
    Arbitrary<Map<String, Object>> checks() {
        return Arbitraries.of(true, false).list().ofSize(FLAGS.size()).flatMap(values -> Arbitraries.longs().between(0, 8).flatMap(devices ->
                Arbitraries.of(true, false).map(newUser -> {
                    Map<String, Object> checks = new HashMap<>();
                    for (int i = 0; i < FLAGS.size(); i++) {
                        checks.put(FLAGS.get(i), values.get(i));
                    }
                    checks.put("device_count", devices);
                    checks.put("country_count_24h", devices / 2);
                    checks.put("fingerprint_user_count", devices);
                    checks.put("device_user_count", devices / 3);
                    checks.put("is_new_user", newUser);
                    return checks;
                })));
    }
}
