package io.seatguard.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.account.AccountState;
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
 * An account a bot logs into from a new browser every time: its devices are read up to
 * {@link AccountState#DEVICE_LIMIT}, so the counts stop there, and a device it already has is still
 * recognised by its token however many others it gained.
 */
class DeviceLimitTest {
    private static final String APP = "app_test";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final InMemoryEvaluationStore store = new InMemoryEvaluationStore();
    private final IdGenerator ids = new IdGenerator(clock, new Random(11));
    private final EvaluationPipeline pipeline = InMemoryPipelines.standard(store, ids, clock);

    @Test
    void anAccountsDevicesAreCountedUpToTheLimitAndADeviceItHasIsStillFound() {
        Evaluation owner = evaluate(0);
        for (int browser = 1; browser < AccountState.DEVICE_LIMIT + 10; browser++) {
            clock.advance(Duration.ofMinutes(1));
            Evaluation evaluation = evaluate(browser);
            assertThat(evaluation.device().isNew()).as("browser %d", browser).isTrue();
            assertThat(evaluation.checks()).as("browser %d", browser)
                    .containsEntry("device_count", Math.min(browser + 1L, AccountState.DEVICE_LIMIT))
                    .containsEntry("computer_device_count", Math.min(browser + 1L, AccountState.DEVICE_LIMIT));
        }
        clock.advance(Duration.ofMinutes(1));
        Evaluation back = evaluate(0);
        assertThat(back.device().id()).isEqualTo(owner.device().id());
        assertThat(back.device().isNew()).isFalse();
        assertThat(back.checks()).containsEntry("is_new_device", false).containsEntry("device_count", (long) AccountState.DEVICE_LIMIT);
    }

    /** Browser {@code n}: its own token and components nothing like another's. */
    private Evaluation evaluate(int n) {
        DeviceSignals signals = new DeviceSignals(Optional.of("tok-bot-browser-" + n), new TreeMap<>(Map.of("platform", "Win32", "webgl_vendor",
                "Vendor " + n, "webgl_renderer", "GPU " + n, "canvas", "c" + n, "audio", "a" + n, "fonts", "f" + n, "cores", (long) (n % 64 + 1),
                "memory", (long) (n % 7 + 1), "screen", (1000 + n) + "x800", "timezone", "Europe/Paris")), List.of(), Optional.of("Europe/Paris"));
        return pipeline.evaluate(new EvaluationRequest(APP, "login", Optional.of("ann"), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty(), signals, IpAddresses.parse("198.51.100.7").orElseThrow(), Optional.of("computer test/1"), Optional.empty()));
    }
}
