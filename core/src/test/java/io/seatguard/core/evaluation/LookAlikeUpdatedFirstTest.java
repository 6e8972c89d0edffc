package io.seatguard.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceResolver;
import io.seatguard.core.identity.DeviceSignals;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.testing.InMemoryEvaluationStore;
import io.seatguard.core.testing.InMemoryPipelines;
import io.seatguard.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A device's stored components follow what it shows even when an identical unit of its model showed
 * those components first ({@link DeviceResolver#verifyToken}, {@code DeviceResolution.replacesComponents}).
 * The fingerprint row stays with the unit that showed it first, so before this the second unit kept
 * its pre-update components, and its next cleared storage was compared with those and split off: on
 * the generated population most splits of one seed (docs/benchmarks.md).
 */
class LookAlikeUpdatedFirstTest {
    private static final String APP = "app_test";
    private static final String ANN_HOME = "198.51.100.10";
    private static final String BOB_HOME = "203.0.113.20";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final InMemoryEvaluationStore store = new InMemoryEvaluationStore();
    private final IdGenerator ids = new IdGenerator(clock, new Random(7));
    private final EvaluationPipeline pipeline = InMemoryPipelines.standard(store, ids, clock);

    @Test
    void clearedStorageAfterTheSameUpdateAsALookAlikeIsStillTheDevice() {
        String ann = evaluate("ann", phone("tok-ann-phone-0001", 18), ANN_HOME).device().id();
        String bob = evaluate("bob", phone("tok-bob-phone-0001", 18), BOB_HOME).device().id();
        assertThat(bob).as("two tokens on one model: common hardware").isNotEqualTo(ann);
        clock.advance(Duration.ofDays(1));
        // Bob's phone updates first and so holds the new fingerprint; ann's updates an hour later.
        evaluate("bob", phone("tok-bob-phone-0001", 19), BOB_HOME);
        clock.advance(Duration.ofHours(1));
        Evaluation annUpdated = evaluate("ann", phone("tok-ann-phone-0001", 19), ANN_HOME);
        assertThat(annUpdated.device().id()).isEqualTo(ann);
        assertThat(store.latest(APP, List.of(ann)).getFirst().components()).isEqualTo(phone("x", 19).components());
        clock.advance(Duration.ofDays(1));

        Evaluation cleared = evaluate("ann", phone("tok-ann-cleared-001", 19), ANN_HOME);

        assertThat(cleared.device().id()).isEqualTo(ann);
        assertThat(cleared.device().isNew()).isFalse();
        assertThat(cleared.checks()).containsEntry("device_count", 1L);
    }

    @Test
    void aDeviceShowingItsOwnComponentsAgainWritesNoComponents() {
        String ann = evaluate("ann", phone("tok-ann-phone-0001", 18), ANN_HOME).device().id();
        evaluate("bob", phone("tok-bob-phone-0001", 18), BOB_HOME);
        int before = store.componentWrites();
        // Ann's fingerprint is her own; bob's phone shows the same components and its fingerprint is ann's.
        evaluate("ann", phone("tok-ann-phone-0001", 18), ANN_HOME);
        evaluate("bob", phone("tok-bob-phone-0001", 18), BOB_HOME);
        assertThat(store.componentWrites()).isEqualTo(before);
        assertThat(store.latest(APP, List.of(ann)).getFirst().components()).isEqualTo(phone("x", 18).components());
    }

    @Test
    void aFuzzyMatchReplacesTheComponentsItWasFoundBy() {
        String ann = evaluate("ann", phone("tok-ann-phone-0001", 18), ANN_HOME).device().id();
        evaluate("bob", phone("tok-bob-phone-0001", 18), BOB_HOME);
        clock.advance(Duration.ofDays(1));
        // Bob adds a font first, and so holds that fingerprint; ann adds the same font and clears her storage.
        evaluate("bob", phone("tok-bob-phone-0001", 18, "f-ios+1"), BOB_HOME);
        Evaluation fuzzy = evaluate("ann", phone("tok-ann-cleared-001", 18, "f-ios+1"), ANN_HOME);

        assertThat(fuzzy.device().id()).isEqualTo(ann);
        assertThat(fuzzy.device().confidence()).as("found fuzzily").isLessThan(1.0);
        assertThat(store.latest(APP, List.of(ann)).getFirst().components()).isEqualTo(phone("x", 18, "f-ios+1").components());
    }

    private Evaluation evaluate(String user, DeviceSignals signals, String ip) {
        return pipeline.evaluate(new EvaluationRequest(APP, "access", Optional.of(user), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty(), signals, IpAddresses.parse(ip).orElseThrow(), Optional.of("mobile"), Optional.empty()));
    }

    /** One phone model; an iOS update changes every render, as a browser update does. */
    private static DeviceSignals phone(String token, int ios) {
        return phone(token, ios, "f-ios");
    }

    private static DeviceSignals phone(String token, int ios, String fonts) {
        return new DeviceSignals(Optional.of(token), new TreeMap<>(Map.of("platform", "iPhone", "webgl_vendor", "Apple Inc.", "webgl_renderer",
                "Apple GPU", "canvas", "c-ios" + ios, "audio", "a-ios" + ios, "math", "m-ios" + ios, "webgl_params", "p-ios" + ios, "fonts", fonts,
                "cores", 6L, "touch_points", 5L)), List.of(), Optional.of("Europe/Paris"));
    }
}
