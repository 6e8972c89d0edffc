package io.seatguard.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    @Test
    void theSameComponentsGiveTheSameIdInAnyOrder() {
        TreeMap<String, Object> one = new TreeMap<>(Map.of("screen", "1920x1080", "cores", 8L, "touch", false));
        TreeMap<String, Object> two = new TreeMap<>();
        two.put("touch", false);
        two.put("cores", 8L);
        two.put("screen", "1920x1080");
        assertThat(Fingerprint.of(one)).isEqualTo(Fingerprint.of(two)).isPresent();
    }

    @Test
    void aStringOneIsNotTheNumberOneButTwoIsTwoPointZero() {
        assertThat(Fingerprint.of(new TreeMap<>(Map.of("a", "1")))).isNotEqualTo(Fingerprint.of(new TreeMap<>(Map.of("a", 1L))));
        assertThat(Fingerprint.of(new TreeMap<>(Map.of("dpr", 2L)))).isEqualTo(Fingerprint.of(new TreeMap<>(Map.of("dpr", 2.0))));
    }

    @Test
    void anyChangedComponentChangesTheId() {
        assertThat(Fingerprint.of(new TreeMap<>(Map.of("a", "x", "b", "y")))).isNotEqualTo(Fingerprint.of(new TreeMap<>(Map.of("a", "x", "b", "z"))));
        // The separator cannot be smuggled through a value to fake another set of components.
        assertThat(Fingerprint.of(new TreeMap<>(Map.of("a", "x\nb=s:y")))).isNotEqualTo(Fingerprint.of(new TreeMap<>(Map.of("a", "x", "b", "y"))));
    }

    @Test
    void noComponentsNoFingerprint() {
        assertThat(Fingerprint.of(new TreeMap<>())).isEmpty();
    }
}
