package io.seatguard.core.evaluation;

import static io.seatguard.core.evaluation.RefusesElsewhere.APP;
import static io.seatguard.core.evaluation.RefusesElsewhere.ELSEWHERE;
import static io.seatguard.core.evaluation.RefusesElsewhere.OWNER_HOME;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceSignals;
import io.seatguard.core.identity.Fingerprint;
import io.seatguard.core.identity.StoredDevice;
import io.seatguard.core.net.IpAddresses;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final RefusesElsewhere world = new RefusesElsewhere(11);

    @Test
    void aDeniedCloseMatchLeavesTheOwnersDeviceItsFingerprintAndComponents() {
        String owners = world.pipeline.evaluate(request(laptop("canvas-v1", "tok-quinn-laptop-0001"), OWNER_HOME)).device().id();
        world.clock.advance(Duration.ofHours(2));

        Evaluation denied = world.pipeline.evaluate(request(laptop("canvas-v2", "tok-copier-000000001"), ELSEWHERE));
        assertThat(denied.verdict()).isEqualTo(Verdict.DENY);
        assertThat(denied.device().id()).as("close to the owner's: judged as the owner's device").isEqualTo(owners);
        assertThat(denied.device().confidence()).isLessThan(1.0);
        assertThat(latest(owners)).as("the owner's device keeps its own components").isEqualTo(components("canvas-v1"));
        assertThat(world.store.findByFingerprint(APP, fingerprint("canvas-v2"))).as("the copier's fingerprint is nobody's").isEmpty();

        // What the fingerprint would have been worth: the owner's device found exactly, with any new token.
        world.clock.advance(Duration.ofHours(2));
        Evaluation again = world.pipeline.evaluate(request(laptop("canvas-v2", "tok-copier-000000002"), ELSEWHERE));
        assertThat(again.device().confidence()).as("a close match again, not an exact one").isLessThan(1.0);
    }

    @Test
    void aChallengedCloseMatchChangesNothingAndTheAllowedOneAfterItUpdatesTheDevice() {
        world.refuseWith(Verdict.CHALLENGE);
        String owners = world.pipeline.evaluate(request(laptop("canvas-v1", "tok-quinn-laptop-0001"), OWNER_HOME)).device().id();
        world.clock.advance(Duration.ofHours(2));

        // The owner's own browser, updated and cleared, challenged away from home.
        Evaluation challenged = world.pipeline.evaluate(request(laptop("canvas-v2", "tok-quinn-cleared-001"), ELSEWHERE));
        assertThat(challenged.verdict()).isEqualTo(Verdict.CHALLENGE);
        assertThat(challenged.device().id()).isEqualTo(owners);
        assertThat(latest(owners)).isEqualTo(components("canvas-v1"));

        // Let in (back home, or after passing the challenge): found the same way, and now it takes both.
        world.clock.advance(Duration.ofMinutes(10));
        Evaluation allowed = world.pipeline.evaluate(request(laptop("canvas-v2", "tok-quinn-cleared-001"), OWNER_HOME));
        assertThat(allowed.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(allowed.device().id()).isEqualTo(owners);
        assertThat(latest(owners)).isEqualTo(components("canvas-v2"));
        assertThat(world.store.findByFingerprint(APP, fingerprint("canvas-v2"))).hasValueSatisfying(device -> assertThat(device.id()).isEqualTo(owners));
    }

    @Test
    void aNewDeviceRefusedStillKeepsItsOwnComponents() {
        Evaluation denied = world.pipeline.evaluate(request(laptop("canvas-v9", "tok-stranger-00000001"), ELSEWHERE));
        assertThat(denied.verdict()).isEqualTo(Verdict.DENY);
        assertThat(denied.device().isNew()).isTrue();
        assertThat(latest(denied.device().id())).isEqualTo(components("canvas-v9"));
        assertThat(world.store.findByFingerprint(APP, fingerprint("canvas-v9"))).hasValueSatisfying(device ->
                assertThat(device.id()).isEqualTo(denied.device().id()));
    }

    private Map<String, Object> latest(String deviceId) {
        return world.store.latest(APP, List.of(deviceId)).stream().findFirst().map(StoredDevice::components).orElseThrow();
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
