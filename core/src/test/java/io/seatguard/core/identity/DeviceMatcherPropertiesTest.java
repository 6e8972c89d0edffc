package io.seatguard.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceMatcher.Candidate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** The matcher's properties over random component sets: monotone in similarity, order-blind, threshold-bound. */
class DeviceMatcherPropertiesTest {
    private static final String[] NAMES = {"canvas", "webgl_renderer", "webgl_params", "audio", "fonts", "screen", "pixel_ratio", "timezone",
            "languages", "color_depth", "math", "vendor"};

    /** A query and candidates that are the query with a few components changed, so matches are common. */
    record Scenario(Map<String, Object> query, List<Candidate> candidates) {}

    @Property(tries = 1000)
    void aMatchNeverReachesBelowTheThreshold(@ForAll("scenarios") Scenario scenario, @ForAll @DoubleRange(min = 0.5, max = 1.0) double threshold) {
        new DeviceMatcher(threshold).bestMatch(scenario.query(), scenario.candidates()).ifPresent(match -> {
            assertThat(match.confidence()).isGreaterThanOrEqualTo(threshold);
            Candidate winner = scenario.candidates().stream().filter(c -> c.deviceId().equals(match.deviceId())).findFirst().orElseThrow();
            assertThat(match.confidence()).isEqualTo(ComponentSimilarity.of(scenario.query(), winner.components()));
        });
    }

    @Property(tries = 1000)
    void theOrderOfCandidatesDoesNotChangeTheAnswer(@ForAll("scenarios") Scenario scenario) {
        DeviceMatcher matcher = new DeviceMatcher(0.8);
        List<Candidate> reversed = new java.util.ArrayList<>(scenario.candidates());
        java.util.Collections.reverse(reversed);
        assertThat(matcher.bestMatch(scenario.query(), reversed)).isEqualTo(matcher.bestMatch(scenario.query(), scenario.candidates()));
    }

    /**
     * Leaving out any candidates that are not contenders never changes the answer: resolution reads
     * browser versions for contenders only (DeviceResolver.Versions).
     */
    @Property(tries = 1000)
    void onlyContendersDecideTheMatch(@ForAll("scenarios") Scenario scenario, @ForAll @DoubleRange(min = 0.5, max = 1.0) double threshold) {
        DeviceMatcher matcher = new DeviceMatcher(threshold);
        java.util.Set<String> contenders = matcher.contenders(scenario.query(), scenario.candidates());
        List<Candidate> onlyContenders = scenario.candidates().stream().filter(c -> contenders.contains(c.deviceId())).toList();
        Optional<DeviceMatcher.Match> all = matcher.bestMatch(scenario.query(), scenario.candidates());
        net.jqwik.api.statistics.Statistics.label("contenders").collect(contenders.size() == scenario.candidates().size() ? "all" : "some left out");
        assertThat(matcher.bestMatch(scenario.query(), onlyContenders)).isEqualTo(all);
        all.ifPresent(match -> assertThat(contenders).contains(match.deviceId()));
    }

    /** Moving the query closer to the device it matched (one more component agreeing) keeps the match, as sure or surer. */
    @Property(tries = 1000)
    void aMatchSurvivesTheQueryComingCloserToIt(@ForAll("scenarios") Scenario scenario) {
        DeviceMatcher matcher = new DeviceMatcher(0.8);
        Optional<DeviceMatcher.Match> match = matcher.bestMatch(scenario.query(), scenario.candidates());
        net.jqwik.api.statistics.Statistics.label("matched").collect(match.isPresent());
        if (match.isEmpty()) {
            return;
        }
        Candidate winner = scenario.candidates().stream().filter(c -> c.deviceId().equals(match.get().deviceId())).findFirst().orElseThrow();
        for (Map.Entry<String, Object> component : winner.components().entrySet()) {
            if (!component.getValue().equals(scenario.query().get(component.getKey()))) {
                Map<String, Object> closer = new HashMap<>(scenario.query());
                closer.put(component.getKey(), component.getValue());
                Optional<DeviceMatcher.Match> after = matcher.bestMatch(closer, scenario.candidates());
                assertThat(after).as("closer in %s", component.getKey()).isPresent();
                assertThat(after.get().deviceId()).isEqualTo(winner.deviceId());
                assertThat(after.get().confidence()).isGreaterThanOrEqualTo(match.get().confidence());
            }
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Map<String, Object>> query = Arbitraries.of("a", "b", "c").list().ofSize(NAMES.length).map(values -> {
            Map<String, Object> map = new HashMap<>();
            for (int i = 0; i < NAMES.length; i++) {
                map.put(NAMES[i], values.get(i));
            }
            return map;
        });
        Arbitrary<List<java.util.Set<Integer>>> flips = Arbitraries.integers().between(0, NAMES.length - 1).set().ofMaxSize(4).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(query, flips).as((q, changes) -> {
            List<Candidate> candidates = new java.util.ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                Map<String, Object> candidate = new HashMap<>(q);
                for (int index : changes.get(i)) {
                    candidate.put(NAMES[index], "changed-" + i);
                }
                candidates.add(new Candidate("dev-" + i, candidate));
            }
            return new Scenario(q, candidates);
        });
    }
}
