package io.seatguard.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.identity.DeviceMatcher.Candidate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceMatcherTest {
    private static final Map<String, Object> PHONE = Map.of("platform", "iPhone", "ch_model", "", "canvas", "c1", "audio", "a1", "screen", "390x844",
            "timezone", "Europe/Paris", "languages", "fr-FR");

    @Test
    void tooLittleSharedEvidenceIsNoMatchHoweverHighTheScore() {
        Map<String, Object> laptop = Map.of("model", "laptop", "screen", "1920x1080", "cores", 8L);
        Map<String, Object> phone = Map.of("model", "phone", "screen", "1920x1080", "cores", 8L);
        assertThat(ComponentSimilarity.of(laptop, phone)).isGreaterThan(0.8);
        assertThat(ComponentSimilarity.evidence(laptop, phone)).isLessThan(DeviceMatcher.MIN_EVIDENCE);
        assertThat(new DeviceMatcher(0.8).bestMatch(phone, List.of(new Candidate("laptop", laptop)))).isEmpty();
    }

    @Test
    void theBestCandidateAboveTheThresholdWinsWithItsScoreAsConfidence() {
        Map<String, Object> drifted = new java.util.HashMap<>(PHONE);
        drifted.put("timezone", "Europe/London");
        Map<String, Object> other = new java.util.HashMap<>(PHONE);
        other.put("canvas", "c9");
        other.put("audio", "a9");
        var match = new DeviceMatcher(0.8).bestMatch(drifted, List.of(new Candidate("other", other), new Candidate("mine", PHONE)));
        assertThat(match).hasValueSatisfying(found -> {
            assertThat(found.deviceId()).isEqualTo("mine");
            assertThat(found.confidence()).isEqualTo(ComponentSimilarity.of(drifted, PHONE));
        });
    }

    @Test
    void aScoreExactlyAtTheThresholdMatchesAndJustBelowDoesNot() {
        Map<String, Object> a = Map.of("canvas", "x", "fonts", "y", "webgl_renderer", "r");
        Map<String, Object> b = Map.of("canvas", "x", "fonts", "z", "webgl_renderer", "r");
        double score = ComponentSimilarity.of(a, b);
        assertThat(score).isEqualTo(0.75);
        assertThat(new DeviceMatcher(score).bestMatch(a, List.of(new Candidate("d", b)))).isPresent();
        assertThat(new DeviceMatcher(Math.nextUp(score)).bestMatch(a, List.of(new Candidate("d", b)))).isEmpty();
    }

    @Test
    void twoIndistinguishableCandidatesAreNoMatchRatherThanAGuess() {
        var matcher = new DeviceMatcher(DeviceMatcher.DEFAULT_THRESHOLD);
        assertThat(matcher.bestMatch(PHONE, List.of(new Candidate("twin-1", PHONE), new Candidate("twin-2", PHONE)))).isEmpty();
        // The same device listed twice (say, under two fingerprints) is not ambiguity.
        assertThat(matcher.bestMatch(PHONE, List.of(new Candidate("one", PHONE), new Candidate("one", PHONE))))
                .map(DeviceMatcher.Match::deviceId).contains("one");
    }

    @Test
    void aCandidateWithOtherLanguagesIsNoMatchHoweverAlikeTheRest() {
        Map<String, Object> sharersPhone = new java.util.HashMap<>(PHONE);
        sharersPhone.put("languages", "de-DE,de,en");
        var matcher = new DeviceMatcher(DeviceMatcher.DEFAULT_THRESHOLD);
        assertThat(ComponentSimilarity.of(sharersPhone, PHONE)).isGreaterThan(DeviceMatcher.DEFAULT_THRESHOLD);
        assertThat(matcher.bestMatch(sharersPhone, List.of(new Candidate("owners", PHONE)))).isEmpty();
        assertThat(matcher.contenders(sharersPhone, List.of(new Candidate("owners", PHONE)))).isEmpty();
        // A side that does not report its languages is compared as before, and so is a zone that changed.
        Map<String, Object> withoutLanguages = new java.util.HashMap<>(sharersPhone);
        withoutLanguages.remove("languages");
        withoutLanguages.put("timezone", "Europe/Berlin");
        assertThat(matcher.bestMatch(withoutLanguages, List.of(new Candidate("owners", PHONE)))).map(DeviceMatcher.Match::deviceId).contains("owners");
        assertThat(matcher.contenders(withoutLanguages, List.of(new Candidate("owners", PHONE)))).containsExactly("owners");
    }

    @Test
    void noCandidatesNoMatchAndTheThresholdIsChecked() {
        assertThat(new DeviceMatcher(0.9).bestMatch(PHONE, List.of())).isEmpty();
        assertThatThrownBy(() -> new DeviceMatcher(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceMatcher(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceMatcher(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
