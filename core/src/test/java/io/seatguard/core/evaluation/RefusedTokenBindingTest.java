package io.seatguard.core.evaluation;

import static io.seatguard.core.evaluation.RefusesElsewhere.APP;
import static io.seatguard.core.evaluation.RefusesElsewhere.ELSEWHERE;
import static io.seatguard.core.evaluation.RefusesElsewhere.OWNER_HOME;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceSignals;
import io.seatguard.core.identity.Fingerprint;
import io.seatguard.core.net.IpAddresses;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A token the service has not seen, shown with a known device's components, joins that device only when
 * the evaluation lets the device in (found in review, session of helper 4). Before, a denied or challenged
 * login did it too: whoever copied the owner's components (all of them are readable by any page the owner
 * visits) got a token of the owner's device from a login the service refused, and with it the owner's
 * device id from then on, whatever components it showed later (a token wins over components that are
 * merely too few or drifted), and it replaced the device's latest components with its own.
 */
class RefusedTokenBindingTest {
    private final RefusesElsewhere world = new RefusesElsewhere(7);

    @Test
    void aDeniedLoginWithCopiedComponentsGetsNoTokenOfTheOwnersDevice() {
        String owners = world.pipeline.evaluate(request("login", laptop("tok-quinn-laptop-0001"), OWNER_HOME)).device().id();
        world.clock.advance(Duration.ofHours(2));

        Evaluation denied = world.pipeline.evaluate(request("login", laptop("tok-copier-000000001"), ELSEWHERE));
        assertThat(denied.verdict()).isEqualTo(Verdict.DENY);
        assertThat(denied.device().id()).as("the components are the owner's: judged as the owner's device").isEqualTo(owners);
        assertThat(world.store.findByTokenHash(APP, Fingerprint.sha256Hex("tok-copier-000000001"))).as("the refused login's token joins no device").isEmpty();

        // What the token would have been worth: the owner's device id without the owner's components.
        world.clock.advance(Duration.ofHours(2));
        Evaluation later = world.pipeline.evaluate(request("access", thin("tok-copier-000000001"), OWNER_HOME));
        assertThat(later.device().id()).isNotEqualTo(owners);
        assertThat(later.device().isNew()).isTrue();
    }

    @Test
    void aChallengedLoginBindsNoTokenEitherAndTheAllowedOneAfterItDoes() {
        world.refuseWith(Verdict.CHALLENGE);
        String owners = world.pipeline.evaluate(request("login", laptop("tok-quinn-laptop-0001"), OWNER_HOME)).device().id();
        world.clock.advance(Duration.ofHours(2));

        // The owner's own browser, storage cleared, challenged away from home.
        Evaluation challenged = world.pipeline.evaluate(request("login", laptop("tok-quinn-cleared-001"), ELSEWHERE));
        assertThat(challenged.verdict()).isEqualTo(Verdict.CHALLENGE);
        assertThat(challenged.device().id()).isEqualTo(owners);
        assertThat(world.store.findByTokenHash(APP, Fingerprint.sha256Hex("tok-quinn-cleared-001"))).isEmpty();

        // Back home, allowed: the components still find the device, and now the token joins it.
        world.clock.advance(Duration.ofMinutes(10));
        Evaluation allowed = world.pipeline.evaluate(request("login", laptop("tok-quinn-cleared-001"), OWNER_HOME));
        assertThat(allowed.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(allowed.device().id()).isEqualTo(owners);
        assertThat(world.store.findByTokenHash(APP, Fingerprint.sha256Hex("tok-quinn-cleared-001"))).hasValueSatisfying(device ->
                assertThat(device.id()).isEqualTo(owners));
    }

    @Test
    void aNewDeviceKeepsItsOwnTokenWhenRefused() {
        // No existing device is at stake: the token is the new device's, and its next try is the same device.
        Evaluation first = world.pipeline.evaluate(request("login", laptop("tok-stranger-00000001"), ELSEWHERE));
        assertThat(first.verdict()).isEqualTo(Verdict.DENY);
        assertThat(first.device().isNew()).isTrue();
        world.clock.advance(Duration.ofMinutes(10));
        Evaluation again = world.pipeline.evaluate(request("login", thin("tok-stranger-00000001"), ELSEWHERE));
        assertThat(again.device().id()).isEqualTo(first.device().id());
    }

    private static DeviceSignals laptop(String token) {
        return new DeviceSignals(Optional.of(token), new TreeMap<>(Map.of("platform", "MacIntel", "webgl_vendor", "Apple", "webgl_renderer", "Apple M2",
                "canvas", "canvas-v1", "audio", "a1", "fonts", "f1", "cores", 8L, "memory", 8L, "screen", "1512x982", "timezone", "Europe/Paris")),
                List.of(), Optional.of("Europe/Paris"));
    }

    /** Too few components to be compared with anything: only a token can say whose they are. */
    private static DeviceSignals thin(String token) {
        return new DeviceSignals(Optional.of(token), new TreeMap<>(Map.of("timezone", "Europe/Paris", "screen", "1512x982")), List.of(),
                Optional.of("Europe/Paris"));
    }

    private static EvaluationRequest request(String action, DeviceSignals signals, String ip) {
        return new EvaluationRequest(APP, action, Optional.of("quinn"), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty(), signals, IpAddresses.parse(ip).orElseThrow(), Optional.of("computer"), Optional.empty());
    }
}
