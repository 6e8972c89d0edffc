package io.seatguard.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ComponentSimilarityTest {
    private static final String[] NAMES = {"canvas", "webgl_renderer", "audio", "fonts", "cores", "screen", "timezone", "languages", "platform",
            "webgl_vendor", "custom_probe"};

    @Property(tries = 2000)
    void isSymmetricAndWithinZeroAndOne(@ForAll("components") Map<String, Object> a, @ForAll("components") Map<String, Object> b) {
        double ab = ComponentSimilarity.of(a, b);
        assertThat(ab).isBetween(0.0, 1.0);
        assertThat(ComponentSimilarity.of(b, a)).isCloseTo(ab, within(1e-12));
    }

    @Property(tries = 1000)
    void identicalNonEmptySetsScoreOne(@ForAll("components") Map<String, Object> a) {
        if (!a.isEmpty()) {
            assertThat(ComponentSimilarity.of(a, new HashMap<>(a))).isEqualTo(1.0);
        }
    }

    @Property(tries = 2000)
    void makingADifferingComponentAgreeNeverLowersTheScore(@ForAll("components") Map<String, Object> a, @ForAll("components") Map<String, Object> b) {
        double before = ComponentSimilarity.of(a, b);
        for (String name : a.keySet()) {
            if (b.containsKey(name) && !a.get(name).equals(b.get(name))) {
                Map<String, Object> agreeing = new HashMap<>(b);
                agreeing.put(name, a.get(name));
                assertThat(ComponentSimilarity.of(a, agreeing)).as("fixing %s", name).isGreaterThanOrEqualTo(before);
            }
        }
    }

    @Test
    void aHardComponentThatDiffersRulesTheMatchOut() {
        Map<String, Object> mac = Map.of("platform", "MacIntel", "canvas", "c1", "webgl_renderer", "r1", "fonts", "f1");
        Map<String, Object> windows = new HashMap<>(mac);
        windows.put("platform", "Win32");
        assertThat(ComponentSimilarity.of(mac, windows)).isZero();
    }

    @Test
    void coresMemoryAndTouchAreHardwareAndAPhonesScreenToo() {
        Map<String, Object> phone = Map.of("platform", "iPhone", "webgl_renderer", "Apple GPU", "canvas", "c1", "fonts", "f1", "audio", "a1",
                "cores", 4L, "touch_points", 5L, "screen", "852x393", "timezone", "Europe/Paris");
        Map<String, Object> otherModel = new HashMap<>(phone);
        otherModel.put("screen", "844x390");
        assertThat(ComponentSimilarity.of(phone, otherModel)).as("another phone model").isZero();
        Map<String, Object> moreCores = new HashMap<>(phone);
        moreCores.put("cores", 6L);
        assertThat(ComponentSimilarity.of(phone, moreCores)).isZero();

        // A laptop's screen does change: an external monitor.
        Map<String, Object> laptop = Map.of("platform", "MacIntel", "webgl_renderer", "Apple M2", "canvas", "c1", "fonts", "f1", "audio", "a1",
                "cores", 8L, "touch_points", 0L, "screen", "1512x982", "memory", 8L);
        Map<String, Object> docked = new HashMap<>(laptop);
        docked.put("screen", "2560x1440");
        assertThat(ComponentSimilarity.of(laptop, docked)).isGreaterThan(0.8);
        Map<String, Object> lessMemory = new HashMap<>(laptop);
        lessMemory.put("memory", 4L);
        assertThat(ComponentSimilarity.of(laptop, lessMemory)).isZero();
    }

    /**
     * A native app's few components: its operating system's id of the device (vendor_id) finds the phone
     * again after a system update, alone enough evidence for a fuzzy match, and tells two phones of one
     * model apart.
     */
    @Test
    void aNativeAppsVendorIdCarriesAMatchAloneAndTellsTwinsApart() {
        Map<String, Object> phone = Map.of("model", "Pixel 8", "os_version", "14", "screen", "915x412", "language", "fr-FR", "vendor_id", "a1b2c3d4e5f60718");
        Map<String, Object> updated = new HashMap<>(phone);
        updated.put("os_version", "15");
        assertThat(ComponentSimilarity.evidence(phone, updated)).isGreaterThanOrEqualTo(DeviceMatcher.MIN_EVIDENCE);
        assertThat(ComponentSimilarity.of(phone, updated)).isGreaterThanOrEqualTo(DeviceMatcher.DEFAULT_THRESHOLD);
        Map<String, Object> twin = new HashMap<>(phone);
        twin.put("vendor_id", "ffeeddccbbaa9988");
        assertThat(ComponentSimilarity.of(phone, twin)).as("two ids, two devices").isZero();
        Map<String, Object> withoutId = new HashMap<>(phone);
        withoutId.remove("vendor_id");
        assertThat(ComponentSimilarity.evidence(phone, withoutId)).as("the rest is too little to match on").isLessThan(DeviceMatcher.MIN_EVIDENCE);
    }

    @Test
    void typicalDriftStaysHighAndAnotherMachineStaysLow() {
        Map<String, Object> laptop = new HashMap<>(Map.of("platform", "MacIntel", "webgl_vendor", "Apple", "webgl_renderer", "Apple M2",
                "canvas", "c-17", "audio", "a-17", "fonts", "f-42", "cores", 8L, "memory", 8L, "screen", "1512x982", "pixel_ratio", 2L));
        laptop.putAll(Map.of("timezone", "Europe/Paris", "languages", "fr-FR,en", "color_depth", 30L, "touch_points", 0L));

        Map<String, Object> afterUpdate = new HashMap<>(laptop);
        afterUpdate.put("canvas", "c-18");
        assertThat(ComponentSimilarity.of(laptop, afterUpdate)).isGreaterThanOrEqualTo(DeviceMatcher.DEFAULT_THRESHOLD);

        Map<String, Object> externalMonitorAndTravel = new HashMap<>(laptop);
        externalMonitorAndTravel.put("screen", "2560x1440");
        externalMonitorAndTravel.put("pixel_ratio", 1L);
        externalMonitorAndTravel.put("timezone", "America/New_York");
        assertThat(ComponentSimilarity.of(laptop, externalMonitorAndTravel)).isGreaterThanOrEqualTo(DeviceMatcher.DEFAULT_THRESHOLD);

        Map<String, Object> colleaguesLaptop = new HashMap<>(laptop);
        colleaguesLaptop.put("webgl_renderer", "Apple M3");
        colleaguesLaptop.put("canvas", "c-99");
        colleaguesLaptop.put("audio", "a-99");
        colleaguesLaptop.put("fonts", "f-07");
        assertThat(ComponentSimilarity.of(laptop, colleaguesLaptop)).isLessThan(DeviceMatcher.DEFAULT_THRESHOLD);
    }

    @Test
    void numbersCompareByValueAndNothingComparableScoresZero() {
        assertThat(ComponentSimilarity.of(Map.of("pixel_ratio", 2L), Map.of("pixel_ratio", 2.0))).isEqualTo(1.0);
        assertThat(ComponentSimilarity.of(Map.of(), Map.of())).isZero();
        assertThat(ComponentSimilarity.of(Map.of("canvas", "x"), Map.of("fonts", "y"))).isZero();
    }

    @Provide
    Arbitrary<Map<String, Object>> components() {
        Arbitrary<Object> value = Arbitraries.oneOf(Arbitraries.of("a", "b", "c").map(Object.class::cast),
                Arbitraries.longs().between(0, 3).map(Object.class::cast), Arbitraries.of(true, false).map(Object.class::cast));
        return Combinators.combine(Arbitraries.of(NAMES).set().ofMaxSize(NAMES.length), value.list().ofSize(NAMES.length))
                .as((names, values) -> {
                    Map<String, Object> map = new HashMap<>();
                    int i = 0;
                    for (String name : names) {
                        map.put(name, values.get(i++));
                    }
                    return map;
                });
    }
}
