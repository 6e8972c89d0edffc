package io.seatguard.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceResolver;
import io.seatguard.core.identity.DeviceSignals;
import io.seatguard.core.identity.Fingerprint;
import io.seatguard.core.identity.StoredDevice;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.policy.PolicyDecision;
import io.seatguard.core.policy.PolicyStage;
import io.seatguard.core.testing.FixedUserAgentParser;
import io.seatguard.core.testing.InMemoryEvaluationStore;
import io.seatguard.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * An evaluation that does not let its device in leaves an existing device found by close components as it
 * was: it claims no fingerprint for it and does not make the components shown its latest
 * ({@code DeviceResolution.withoutTakingComponents}). Before, a denied or challenged login with components
 * copied from the owner's device and changed a little gave the owner's device the copier's fingerprint, so
 * that the copier's next evaluation found it exactly, and the copier's components as its latest.
 */
class RefusedCloseMatchTest {
    private static final String APP = "app_test";
    private static final String OWNER_HOME = "198.51.100.1";
    private static final String ELSEWHERE = "203.0.113.9";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final InMemoryEvaluationStore store = new InMemoryEvaluationStore();
    private final IdGenerator ids = new IdGenerator(clock, new Random(11));
    /** Refuses (with {@link #refusal}) what comes from {@link #ELSEWHERE}; allows the rest. */
    private Verdict refusal = Verdict.DENY;
    private final PolicyStage refuseElsewhere = (appId, facts) -> facts.ip().equals(ELSEWHERE)
            ? new PolicyDecision(refusal, Optional.empty(), List.of(), Optional.empty())
            : PolicyDecision.ALLOW_NO_MATCH;
    private final EvaluationPipeline pipeline = new EvaluationPipeline(new FixedUserAgentParser(), new DeviceResolver(store, ids::newRandomId), store,
            io.seatguard.core.checks.CheckRegistry.standard(), refuseElsewhere, store, ids, clock);

    @Test
    void aDeniedCloseMatchLeavesTheOwnersDeviceItsFingerprintAndComponents() {
        String owners = pipeline.evaluate(request(laptop("canvas-v1", "tok-quinn-laptop-0001"), OWNER_HOME)).device().id();
        clock.advance(Duration.ofHours(2));

        Evaluation denied = pipeline.evaluate(request(laptop("canvas-v2", "tok-copier-000000001"), ELSEWHERE));
        assertThat(denied.verdict()).isEqualTo(Verdict.DENY);
        assertThat(denied.device().id()).as("close to the owner's: judged as the owner's device").isEqualTo(owners);
        assertThat(denied.device().confidence()).isLessThan(1.0);
        assertThat(latest(owners)).as("the owner's device keeps its own components").isEqualTo(components("canvas-v1"));
        assertThat(store.findByFingerprint(APP, fingerprint("canvas-v2"))).as("the copier's fingerprint is nobody's").isEmpty();

        // What the fingerprint would have been worth: the owner's device found exactly, with any new token.
        clock.advance(Duration.ofHours(2));
        Evaluation again = pipeline.evaluate(request(laptop("canvas-v2", "tok-copier-000000002"), ELSEWHERE));
        assertThat(again.device().confidence()).as("a close match again, not an exact one").isLessThan(1.0);
    }

    @Test
    void aChallengedCloseMatchChangesNothingAndTheAllowedOneAfterItUpdatesTheDevice() {
        refusal = Verdict.CHALLENGE;
        String owners = pipeline.evaluate(request(laptop("canvas-v1", "tok-quinn-laptop-0001"), OWNER_HOME)).device().id();
        clock.advance(Duration.ofHours(2));

        // The owner's own browser, updated and cleared, challenged away from home.
        Evaluation challenged = pipeline.evaluate(request(laptop("canvas-v2", "tok-quinn-cleared-001"), ELSEWHERE));
        assertThat(challenged.verdict()).isEqualTo(Verdict.CHALLENGE);
        assertThat(challenged.device().id()).isEqualTo(owners);
        assertThat(latest(owners)).isEqualTo(components("canvas-v1"));

        // Let in (back home, or after passing the challenge): found the same way, and now it takes both.
        clock.advance(Duration.ofMinutes(10));
        Evaluation allowed = pipeline.evaluate(request(laptop("canvas-v2", "tok-quinn-cleared-001"), OWNER_HOME));
        assertThat(allowed.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(allowed.device().id()).isEqualTo(owners);
        assertThat(latest(owners)).isEqualTo(components("canvas-v2"));
        assertThat(store.findByFingerprint(APP, fingerprint("canvas-v2"))).hasValueSatisfying(device -> assertThat(device.id()).isEqualTo(owners));
    }

    @Test
    void aNewDeviceRefusedStillKeepsItsOwnComponents() {
        Evaluation denied = pipeline.evaluate(request(laptop("canvas-v9", "tok-stranger-00000001"), ELSEWHERE));
        assertThat(denied.verdict()).isEqualTo(Verdict.DENY);
        assertThat(denied.device().isNew()).isTrue();
        assertThat(latest(denied.device().id())).isEqualTo(components("canvas-v9"));
        assertThat(store.findByFingerprint(APP, fingerprint("canvas-v9"))).hasValueSatisfying(device ->
                assertThat(device.id()).isEqualTo(denied.device().id()));
    }

    private Map<String, Object> latest(String deviceId) {
        return store.latest(APP, List.of(deviceId)).stream().findFirst().map(StoredDevice::components).orElseThrow();
    }

    private static String fingerprint(String canvas) {
        return Fingerprint.of(components(canvas)).orElseThrow();
    }

    private static SortedMap<String, Object> components(String canvas) {
        return new TreeMap<>(Map.of("platform", "MacIntel", "webgl_vendor", "Apple", "webgl_renderer", "Apple M2", "canvas", canvas, "audio", "a1",
                "fonts", "f1", "cores", 8L, "memory", 8L, "screen", "1512x982", "timezone", "Europe/Paris"));
    }

    private static DeviceSignals laptop(String canvas, String token) {
        return new DeviceSignals(Optional.of(token), components(canvas), List.of(), Optional.of("Europe/Paris"));
    }

    private static EvaluationRequest request(DeviceSignals signals, String ip) {
        return new EvaluationRequest(APP, "login", Optional.of("quinn"), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty(), signals, IpAddresses.parse(ip).orElseThrow(), Optional.of("computer"), Optional.empty());
    }
}
