package io.seatguard.population;

import static org.assertj.core.api.Assertions.assertThat;

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
    void aMergeIsATwinsOnlyWhenNothingInTheRequestTellsTheDevicesApart() {
        List<PhysicalDevice> devices = new PopulationGenerator(42).generate(6);
        Map<String, Object> components = Map.of("canvas", "c1", "languages", "en-US");
        Measurement twins = new Measurement();
        twins.record(devices.get(0), "dev_1", "new", "first visit", components, 130);
        twins.record(devices.get(1), "dev_1", "exact", "first visit", components, 131);
        assertThat(twins.twinMerged()).as("equal components on a newer version: the first after an update").isEqualTo(2);
        assertThat(twins.mergeCauses().keySet()).singleElement().asString().endsWith(", identical");

        Measurement older = new Measurement();
        older.record(devices.get(2), "dev_2", "new", "first visit", components, 131);
        older.record(devices.get(3), "dev_2", "exact", "first visit", components, 130);
        assertThat(older.twinMerged()).as("an older version than the other's last: a browser never goes back").isZero();

        Measurement different = new Measurement();
        different.record(devices.get(4), "dev_3", "new", "first visit", components, 130);
        different.record(devices.get(5), "dev_3", "fuzzy in account", "first visit", Map.of("canvas", "c1", "languages", "fr-FR"), 130);
        assertThat(different.twinMerged()).isZero();
        assertThat(different.overall().merged()).isEqualTo(2);
    }

    @Test
    void aMergeUndoneBeforeTheEndCountsAsMergedButNotAtTheEnd() {
        List<PhysicalDevice> devices = new PopulationGenerator(42).generate(4);
        Map<String, Object> components = Map.of("canvas", "c1", "languages", "en-US");
        Measurement m = new Measurement();
        m.record(devices.get(0), "dev_1", "new", "first visit", components, 130);
        m.record(devices.get(1), "dev_1", "exact", "first visit", components, 130);
        m.record(devices.get(0), "dev_1", "token", "no drift", components, 130);
        m.record(devices.get(1), "dev_2", "separated", "no drift", components, 130);
        m.record(devices.get(2), "dev_3", "new", "first visit", components, 130);
        m.record(devices.get(3), "dev_3", "exact", "first visit", components, 130);

        Measurement.Rates all = m.overall();
        assertThat(all.merged()).as("ever").isEqualTo(4);
        assertThat(all.mergedAtEnd()).as("only the pair never separated").isEqualTo(2);
        assertThat(all.split()).as("the separated device was seen under two ids").isEqualTo(1);
        assertThat(m.sharedVisits()).as("the second device's first visit, the first's next, the fourth's first").isEqualTo(3);
        assertThat(m.needlessSeparations()).isZero();

        Measurement needless = new Measurement();
        needless.record(devices.get(0), "dev_1", "new", "first visit", components, 130);
        needless.record(devices.get(0), "dev_2", "separated", "no drift", components, 130);
        assertThat(needless.needlessSeparations()).isEqualTo(1);
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
    void identicalPhonesOfOneModelRenderAlikeOnTheSameVersion() {
        List<PhysicalDevice> iphones = new PopulationGenerator(5).generate(5_000).stream()
                .filter(device -> device.model().id().equals("iphone-15")).toList();
        PhysicalDevice first = iphones.getFirst();
        PhysicalDevice twin = iphones.stream().skip(1).filter(device -> device.browserVersion(30) == first.browserVersion(30)).findFirst().orElseThrow();
        Renders renders = new Renders(5);
        Random random = new Random(2);
        SortedMap<String, Object> a = first.components(30, renders, random, false, false);
        SortedMap<String, Object> b = twin.components(30, renders, random, false, false);
        Map<String, Object> differing = new java.util.TreeMap<>(a);
        differing.entrySet().removeIf(entry -> entry.getValue().equals(b.get(entry.getKey())));
        assertThat(differing.keySet()).as("only the owner's settings may differ").isSubsetOf("timezone", "languages");
    }

    @Test
    void fleetLaptopsAreIdenticalButForTheirTokens() {
        List<PhysicalDevice> devices = new PopulationGenerator(11).generate(10_000);
        Fleet fleet = devices.stream().flatMap(device -> device.fleet.stream()).findFirst().orElseThrow();
        List<PhysicalDevice> laptops = devices.stream().filter(device -> device.fleet.equals(java.util.Optional.of(fleet))).toList();
        assertThat(laptops).hasSizeGreaterThan(1);
        Renders renders = new Renders(11);
        Random random = new Random(3);
        PhysicalDevice a = laptops.get(0);
        PhysicalDevice b = laptops.get(1);
        assertThat(a.components(20, renders, random, true, false)).isEqualTo(b.components(20, renders, random, true, false));
        assertThat(a.token).isNotEqualTo(b.token);
        assertThat(a.account).isNotEqualTo(b.account);
        long fleetLaptops = devices.stream().filter(device -> device.fleet.isPresent()).count();
        assertThat(fleetLaptops / (double) devices.size()).as("share of fleet laptops").isBetween(0.03, 0.12);
    }

    @Test
    void travelAndAnAddedFontChangeTheirComponents() {
        List<PhysicalDevice> devices = new PopulationGenerator(13).generate(10_000);
        Renders renders = new Renders(13);
        Random random = new Random(4);
        PhysicalDevice traveller = devices.stream().filter(device -> device.owner.trip.isPresent()).findFirst().orElseThrow();
        Person.Trip trip = traveller.owner.trip.orElseThrow();
        Object home = traveller.components(trip.fromDay() - 0.5, renders, random, false, false).get("timezone");
        Object away = traveller.components(trip.fromDay() + 0.5, renders, random, false, false).get("timezone");
        assertThat(away).isEqualTo(trip.zone());
        assertThat(home).isEqualTo(traveller.owner.zone);
        PhysicalDevice fontInstaller = devices.stream().filter(device -> device.fontAddedOnDay > 0 && !device.extraFonts.contains(device.addedFont))
                .findFirst().orElseThrow();
        double before = fontInstaller.fontAddedOnDay - 0.5;
        // Same browser version on both days, so only the font can change fonts and canvas.
        assertThat(fontInstaller.browserVersion(before)).isEqualTo(fontInstaller.browserVersion(fontInstaller.fontAddedOnDay));
        SortedMap<String, Object> without = fontInstaller.components(before, renders, random, false, false);
        SortedMap<String, Object> with = fontInstaller.components(fontInstaller.fontAddedOnDay, renders, random, false, false);
        assertThat(with.get("fonts")).isNotEqualTo(without.get("fonts"));
        assertThat(with.get("canvas")).isNotEqualTo(without.get("canvas"));
        assertThat(with.get("audio")).isEqualTo(without.get("audio"));
    }

    @Test
    void driftIsNamedFromTheComponents() {
        Map<String, Object> before = Map.of("canvas", "a", "audio", "b", "fonts", "f", "screen", "1920x1080", "timezone", "Europe/Paris");
        Map<String, Object> update = Map.of("canvas", "A", "audio", "B", "fonts", "f", "screen", "2560x1440", "timezone", "Europe/Paris");
        assertThat(Drift.between(null, before, "kept")).isEqualTo("first visit");
        assertThat(Drift.between(before, before, "kept")).isEqualTo("no drift");
        assertThat(Drift.between(before, update, "cleared")).isEqualTo("cleared storage + browser update + monitor");
        Map<String, Object> font = Map.of("canvas", "A", "audio", "b", "fonts", "g", "screen", "1920x1080", "timezone", "Europe/Paris");
        assertThat(Drift.between(before, font, "kept")).isEqualTo("font added");
    }

    private static double share(Map<Platform, Integer> counts, Platform platform) {
        return counts.getOrDefault(platform, 0) / (double) counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
