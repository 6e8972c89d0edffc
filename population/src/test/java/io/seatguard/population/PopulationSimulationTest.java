package io.seatguard.population;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceMatcher;
import io.seatguard.core.identity.DeviceResolver;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class PopulationSimulationTest {
    @Test
    void theSameSeedGivesTheSamePopulation() {
        List<PhysicalDevice> a = new PopulationGenerator(42).generate(500);
        List<PhysicalDevice> b = new PopulationGenerator(42).generate(500);
        assertThat(a).hasSize(500);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).model()).isEqualTo(b.get(i).model());
            assertThat(a.get(i).token).isEqualTo(b.get(i).token);
            assertThat(a.get(i).account).isEqualTo(b.get(i).account);
        }
        assertThat(new PopulationGenerator(43).generate(500).stream().map(PhysicalDevice::model).toList())
                .isNotEqualTo(a.stream().map(PhysicalDevice::model).toList());
    }

    @Test
    void platformSharesFollowTheCatalog() {
        List<PhysicalDevice> devices = new PopulationGenerator(7).generate(20_000);
        Map<Platform, Integer> counts = new EnumMap<>(Platform.class);
        devices.forEach(device -> counts.merge(device.platform(), 1, Integer::sum));
        // Second devices are re-drawn toward another platform, so shares are near, not exactly, the catalog's.
        assertThat(share(counts, Platform.WINDOWS)).isBetween(0.33, 0.45);
        assertThat(share(counts, Platform.IPHONE)).isBetween(0.16, 0.25);
        assertThat(share(counts, Platform.ANDROID_PHONE)).isBetween(0.14, 0.23);
        assertThat(share(counts, Platform.LINUX)).isBetween(0.01, 0.04);
        long sharers = devices.stream().filter(device -> !device.account.equals("acct-" + device.owner.index)).count();
        assertThat((double) sharers / devices.size()).isBetween(0.04, 0.12);
    }

    @Test
    void driftChangesWhatItShouldAndNothingElse() {
        PhysicalDevice laptop = new PopulationGenerator(3).generate(2_000).stream()
                .filter(device -> device.dockedScreen.isPresent() && !device.dockedScreen.get().equals(device.baseScreen) && device.browser == Browser.CHROME)
                .findFirst().orElseThrow();
        Renders renders = new Renders(3);
        Random random = new Random(1);
        SortedMap<String, Object> day1 = laptop.components(1, renders, random, false, false);
        assertThat(laptop.components(1, renders, random, false, false)).as("no drift within a day").isEqualTo(day1);
        SortedMap<String, Object> docked = laptop.components(1, renders, random, true, false);
        assertThat(docked.get("screen")).isNotEqualTo(day1.get("screen"));
        assertThat(docked.get("canvas")).isEqualTo(day1.get("canvas"));
        // Over eight browser versions a render changes at least once; the hardware never does.
        SortedMap<String, Object> later = laptop.components(1 + 8 * 28, renders, random, false, false);
        assertThat(List.of("canvas", "audio", "webgl_params", "math")).anyMatch(name -> !later.get(name).equals(day1.get(name)));
        for (String hard : List.of("platform", "webgl_renderer", "cores", "memory", "touch_points", "ch_arch")) {
            assertThat(later.get(hard)).as(hard).isEqualTo(day1.get(hard));
        }
        assertThat(laptop.components(1, renders, random, false, true)).as("a failed probe leaves one component out").hasSize(day1.size() - 1);
    }

    @Test
    void identicalPhonesOfOneModelRenderAlike() {
        List<PhysicalDevice> iphones = new PopulationGenerator(5).generate(5_000).stream()
                .filter(device -> device.model().id().equals("iphone-15")).limit(2).toList();
        Renders renders = new Renders(5);
        Random random = new Random(2);
        SortedMap<String, Object> a = iphones.get(0).components(30, renders, random, false, false);
        SortedMap<String, Object> b = iphones.get(1).components(30, renders, random, false, false);
        for (String name : List.of("canvas", "audio", "webgl_renderer", "fonts", "screen", "cores")) {
            assertThat(a.get(name)).as(name).isEqualTo(b.get(name));
        }
    }

    /**
     * The 10,000-device measurement at the default settings. These bounds guard the rates measured when
     * this test was written (split 2.78 %, merge 2.04 %); they are NOT issue 3's targets (split ≤ 2 %,
     * merge ≤ 0.5 %), which this resolver does not meet yet — see docs/benchmarks.md.
     */
    @Test
    void splitAndMergeRatesStayWithinTheirMeasuredBounds() {
        Measurement measurement = new Simulation(1, DeviceMatcher.DEFAULT_THRESHOLD, DeviceResolver.DEFAULT_CROWDED_AT)
                .run(new PopulationGenerator(1).generate(10_000));
        Measurement.Rates all = measurement.overall();
        assertThat(all.devices()).isEqualTo(10_000);
        assertThat(measurement.visits()).isGreaterThan(200_000);
        assertThat(all.splitRate()).isLessThanOrEqualTo(0.030);
        assertThat(all.mergeRate()).isLessThanOrEqualTo(0.023);
    }

    private static double share(Map<Platform, Integer> counts, Platform platform) {
        return counts.getOrDefault(platform, 0) / (double) counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
