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
 * The network as a tie-break when components cannot tell a device from another unit of its model
 * ({@link DeviceResolver#settle}): a request without a known token is not given a device whose home
 * network is known and is not the request's, unless the request's network is shared by many devices.
 */
class NetworkTieBreakTest {
    private static final String APP = "app_test";
    private static final String ANN_HOME = "198.51.100.10";
    private static final String ANN_HOME_OTHER_HOST = "198.51.100.77";
    private static final String SHARER_HOME = "203.0.113.20";
    private static final String CARRIER = "192.0.2.";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final InMemoryEvaluationStore store = new InMemoryEvaluationStore();
    private final IdGenerator ids = new IdGenerator(clock, new Random(7));
    private final EvaluationPipeline pipeline = InMemoryPipelines.standard(store, ids, clock);

    @Test
    void commonHardwareAfterClearedStorageOnItsOwnNetworkIsStillTheAccountsDevice() {
        String ann = annOnACommonPhoneModel();
        clock.advance(Duration.ofDays(1));
        Evaluation cleared = evaluate("access", "ann", phone("tok-ann-after-clear", "c1"), ANN_HOME_OTHER_HOST);
        assertThat(cleared.device().id()).isEqualTo(ann);
        assertThat(cleared.device().isNew()).isFalse();
        // Drifted (a browser update) as well: found fuzzily, the network still allows it.
        Evaluation drifted = evaluate("access", "ann", phone("tok-ann-after-update", "c2"), ANN_HOME);
        assertThat(drifted.device().id()).isEqualTo(ann);
    }

    @Test
    void anIdenticalPhoneOnAnotherPrivateNetworkIsANewDeviceNotTheOwners() {
        String ann = annOnACommonPhoneModel();
        clock.advance(Duration.ofDays(1));
        // A sharer's phone of ann's model, identical in every component, on ann's account from the sharer's home.
        Evaluation sharer = evaluate("login", "ann", phone("tok-sharer-phone-01", "c1"), SHARER_HOME);
        assertThat(sharer.device().isNew()).isTrue();
        assertThat(sharer.device().id()).isNotEqualTo(ann);
        assertThat(sharer.checks()).containsEntry("device_count", 2L);
        // Nor fuzzily, with a browser version ann's phone does not have yet.
        Evaluation drifted = evaluate("login", "ann", phone("tok-sharer-phone-02", "c2"), "203.0.113.99");
        assertThat(drifted.device().id()).isNotEqualTo(ann);
    }

    @Test
    void theAccountsOwnFingerprintClearedOnAnotherNetworkIsStillItsDevice() {
        // Ann's phone showed its fingerprint first; then two other phones of the model make the class common.
        String ann = evaluate("login", "ann", phone("tok-ann-phone-000001", "c1"), ANN_HOME).device().id();
        commonPhoneModelElsewhere();
        clock.advance(Duration.ofDays(1));
        // The same browser, storage cleared, from another private network (issue 3's browser evidence).
        Evaluation cleared = evaluate("login", "ann", phone("tok-ann-after-clear", "c1"), SHARER_HOME);
        assertThat(cleared.device().id()).isEqualTo(ann);
        assertThat(cleared.device().isNew()).isFalse();
    }

    @Test
    void rareHardwareIsStillTheAccountsDeviceFromAnotherNetwork() {
        Evaluation first = evaluate("login", "ola", laptop("tok-ola-laptop-0001", "c1"), ANN_HOME);
        clock.advance(Duration.ofDays(1));
        // The only one of its kind the app knows: cleared storage at a hotel is still ola's laptop.
        Evaluation travelling = evaluate("login", "ola", laptop("tok-ola-after-clear", "c1"), SHARER_HOME);
        assertThat(travelling.device().id()).isEqualTo(first.device().id());
        assertThat(travelling.device().isNew()).isFalse();
    }

    @Test
    void aSharedNetworkSaysNothingSoTheAccountsDeviceIsFoundOnIt() {
        String ann = annOnACommonPhoneModel();
        fillCarrierNetwork(DeviceResolver.SHARED_NETWORK_AT);
        clock.advance(Duration.ofDays(1));
        Evaluation onCarrier = evaluate("access", "ann", phone("tok-ann-after-clear", "c1"), CARRIER + "200");
        assertThat(onCarrier.device().id()).isEqualTo(ann);
    }

    @Test
    void aNetworkOneDeviceShortOfSharedStillRulesOutAForeignHome() {
        String ann = annOnACommonPhoneModel();
        fillCarrierNetwork(DeviceResolver.SHARED_NETWORK_AT - 1);
        clock.advance(Duration.ofDays(1));
        Evaluation onCarrier = evaluate("access", "ann", phone("tok-ann-after-clear", "c1"), CARRIER + "200");
        assertThat(onCarrier.device().id()).isNotEqualTo(ann);
        assertThat(onCarrier.device().isNew()).isTrue();
    }

    @Test
    void aDeviceSeenOnlyOnSharedNetworksHasNoKnownHomeAndStaysACandidate() {
        fillCarrierNetwork(DeviceResolver.SHARED_NETWORK_AT);
        commonPhoneModelElsewhere();
        Evaluation ann = evaluate("login", "ann", phone("tok-ann-phone-000001", "c1"), CARRIER + "201");
        clock.advance(Duration.ofDays(1));
        Evaluation atHome = evaluate("access", "ann", phone("tok-ann-after-clear", "c1"), ANN_HOME);
        assertThat(atHome.device().id()).isEqualTo(ann.device().id());
    }

    @Test
    void aHomeSeenLongerAgoThanTheNetworkMemoryNoLongerVouches() {
        String ann = annOnACommonPhoneModel();
        clock.advance(DeviceResolver.NETWORK_MEMORY.plusDays(1));
        // Seen since only from another private network: that is ann's phone's home now.
        evaluate("access", "ann", phone("tok-ann-phone-000001", "c1"), "198.51.101.10");
        Evaluation backAtTheOldHome = evaluate("access", "ann", phone("tok-ann-after-clear", "c1"), ANN_HOME);
        assertThat(backAtTheOldHome.device().id()).isNotEqualTo(ann);
    }

    @Test
    void rareHardwareAcrossAccountsIsRecognisedOnItsNetworkButNotFromAnotherHome() {
        Evaluation first = evaluate("login", "pia", laptop("tok-pia-laptop-0001", "c1"), ANN_HOME);
        clock.advance(Duration.ofDays(1));
        // Another unit of the model, signing up from another home: not pia's laptop.
        Evaluation elsewhere = evaluate("signup", null, laptop("tok-stranger-laptop1", "c2"), SHARER_HOME);
        assertThat(elsewhere.device().isNew()).isTrue();
        Evaluation exactElsewhere = evaluate("signup", null, laptop("tok-stranger-laptop2", "c1"), "203.0.113.50");
        assertThat(exactElsewhere.device().id()).isNotEqualTo(first.device().id());
    }

    /** Ann's phone at home, with two other accounts' phones of the model elsewhere: the model's class is common. */
    private String annOnACommonPhoneModel() {
        commonPhoneModelElsewhere();
        return evaluate("login", "ann", phone("tok-ann-phone-000001", "c1"), ANN_HOME).device().id();
    }

    private void commonPhoneModelElsewhere() {
        evaluate("login", "ben", phone("tok-ben-phone-000001", "c1"), "198.51.102.1");
        evaluate("login", "cat", phone("tok-cat-phone-000001", "c1"), "198.51.103.1");
    }

    /** {@code devices} laptops of unrelated people, each of its own model, evaluated from the carrier's network. */
    private void fillCarrierNetwork(int devices) {
        for (int i = 0; i < devices; i++) {
            evaluate("login", "walker-" + i, new DeviceSignals(Optional.of("tok-walker-laptop-" + i), new TreeMap<>(Map.of("platform", "Win32",
                    "webgl_renderer", "GPU " + i, "canvas", "w" + i, "cores", 4L)), List.of(), Optional.empty()), CARRIER + (10 + i));
        }
    }

    private Evaluation evaluate(String action, String user, DeviceSignals signals, String ip) {
        return pipeline.evaluate(new EvaluationRequest(APP, action, Optional.ofNullable(user), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), signals, IpAddresses.parse(ip).orElseThrow(), Optional.of("mobile"), Optional.empty()));
    }

    /** One phone model: every unit reports the same components; the canvas stands for the browser version. */
    /** Ann's request from her home network, on a phone of the common model ({@link #phone}, canvas c1). */
    static EvaluationRequest annAtHome(String action, String token, Optional<String> userAgent) {
        return new EvaluationRequest(APP, action, Optional.of("ann"), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                phone(token, "c1"), IpAddresses.parse(ANN_HOME).orElseThrow(), userAgent, Optional.empty());
    }

    static DeviceSignals phone(String token, String canvas) {
        return new DeviceSignals(Optional.of(token), new TreeMap<>(Map.of("platform", "iPhone", "webgl_vendor", "Apple Inc.", "webgl_renderer",
                "Apple GPU", "canvas", canvas, "audio", "a-ios18", "fonts", "f-ios", "cores", 6L, "touch_points", 5L, "screen", "852x393",
                "timezone", "Europe/Paris")), List.of(), Optional.of("Europe/Paris"));
    }

    private static DeviceSignals laptop(String token, String canvas) {
        return new DeviceSignals(Optional.of(token), new TreeMap<>(Map.of("platform", "MacIntel", "webgl_vendor", "Apple", "webgl_renderer", "Apple M4 Max",
                "canvas", canvas, "audio", "a1", "fonts", "f1", "cores", 16L, "memory", 8L, "screen", "1728x1117", "timezone", "Europe/Paris")),
                List.of(), Optional.of("Europe/Paris"));
    }
}
