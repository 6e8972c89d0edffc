package io.seatguard.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceResolver;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.testing.InMemoryEvaluationStore;
import io.seatguard.core.testing.InMemoryPipelines;
import io.seatguard.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * "A token that lives on beside an older one is another install's" ({@link DeviceResolver#separate}).
 * Two phones of one model, one person, one home, one browser version: the second one's first visit
 * looks exactly like the first one's cleared storage, and gets its id. Once both tokens keep coming,
 * the second phone gets an id of its own. Cleared storage, private windows and one browser's tokens on
 * two origins of the app never do.
 */
class SecondInstallTest {
    private static final String APP = "app_test";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final InMemoryEvaluationStore store = new InMemoryEvaluationStore();
    private final IdGenerator ids = new IdGenerator(clock, new Random(7));
    private final EvaluationPipeline pipeline = InMemoryPipelines.standard(store, ids, clock);

    @Test
    void aSecondPhoneGivenTheFirstOnesIdGetsItsOwnOnceBothTokensLiveOn() {
        String first = evaluate("login", "tok-ann-phone-1").device().id();
        clock.advance(Duration.ofDays(1));
        assertThat(evaluate("login", "tok-ann-phone-2").device().id()).as("nothing tells them apart yet").isEqualTo(first);
        clock.advance(Duration.ofDays(1));
        assertThat(evaluate("access", "tok-ann-phone-1").device().id()).as("the older install keeps the id").isEqualTo(first);

        clock.advance(Duration.ofDays(1));
        Evaluation separated = evaluate("access", "tok-ann-phone-2");
        assertThat(separated.device().id()).isNotEqualTo(first);
        assertThat(separated.device().isNew()).isTrue();
        assertThat(separated.checks()).containsEntry("device_count", 2L);

        clock.advance(Duration.ofDays(1));
        Evaluation again = evaluate("access", "tok-ann-phone-2");
        assertThat(again.device().id()).as("the token is the new device's now").isEqualTo(separated.device().id());
        assertThat(again.device().isNew()).isFalse();
        clock.advance(Duration.ofDays(1));
        assertThat(evaluate("access", "tok-ann-phone-1").device().id()).isEqualTo(first);
    }

    @Test
    void clearedStorageLeavesTheOldTokenBehindAndStaysTheDevice() {
        String phone = evaluate("login", "tok-ann-phone-1").device().id();
        clock.advance(Duration.ofDays(1));
        assertThat(evaluate("access", "tok-ann-cleared").device().id()).isEqualTo(phone);
        for (int day = 0; day < 5; day++) {
            clock.advance(Duration.ofDays(1));
            assertThat(evaluate("access", "tok-ann-cleared").device().id()).as("day %d", day).isEqualTo(phone);
        }
    }

    @Test
    void aPrivateWindowUsedBesideItsBrowserForAnEveningStaysTheDevice() {
        String phone = evaluate("login", "tok-ann-phone-1").device().id();
        clock.advance(Duration.ofDays(1));
        assertThat(evaluate("access", "tok-ann-private").device().id()).isEqualTo(phone);
        clock.advance(Duration.ofHours(2));
        evaluate("access", "tok-ann-phone-1");
        clock.advance(Duration.ofHours(2));
        Evaluation later = evaluate("access", "tok-ann-private");
        assertThat(later.device().id()).as("the private token is younger than a day").isEqualTo(phone);
        assertThat(later.device().isNew()).isFalse();
    }

    @Test
    void aTokenThatJoinedWhileItsDeviceWasInUseIsThatBrowserOnAnotherOriginAndStays() {
        // Sign-in on one origin, then the app on another: one browser, a token per origin, seconds apart.
        String browser = evaluate("login", "tok-ann-auth-origin").device().id();
        clock.advance(Duration.ofSeconds(20));
        assertThat(evaluate("access", "tok-ann-app-origin").device().id()).isEqualTo(browser);
        for (int day = 0; day < 5; day++) {
            clock.advance(Duration.ofDays(1));
            assertThat(evaluate("login", "tok-ann-auth-origin").device().id()).as("day %d, sign-in origin", day).isEqualTo(browser);
            clock.advance(DeviceResolver.COMPANION_WINDOW.plusHours(2));
            Evaluation app = evaluate("access", "tok-ann-app-origin");
            assertThat(app.device().id()).as("day %d, app origin", day).isEqualTo(browser);
            assertThat(app.checks()).containsEntry("device_count", 1L);
        }
    }

    @Test
    void theTokensAreLookedAtOnlyWhenTheDeviceWasNotSeenForASession() {
        String first = evaluate("login", "tok-ann-phone-1").device().id();
        clock.advance(Duration.ofDays(1));
        evaluate("login", "tok-ann-phone-2");
        clock.advance(Duration.ofDays(1));
        evaluate("access", "tok-ann-phone-1");
        // Both live on, but the device was seen a minute ago: no read, still one id.
        clock.advance(Duration.ofMinutes(1));
        assertThat(evaluate("access", "tok-ann-phone-2").device().id()).isEqualTo(first);
        clock.advance(DeviceResolver.SESSION_GAP);
        assertThat(evaluate("access", "tok-ann-phone-2").device().id()).as("a session later").isNotEqualTo(first);
    }

    @Test
    void aTokenSeparatedFromALoggedOutDeviceIsLoggedOutToo() {
        String shared = evaluate("login", "tok-ann-phone-1").device().id();
        clock.advance(Duration.ofDays(1));
        evaluate("login", "tok-ann-phone-2");
        clock.advance(Duration.ofDays(1));
        evaluate("access", "tok-ann-phone-1");
        store.detach(APP, "ann", shared);

        clock.advance(Duration.ofDays(1));
        Evaluation separated = evaluate("access", "tok-ann-phone-2");
        assertThat(separated.device().id()).isNotEqualTo(shared);
        assertThat(separated.logout()).as("separation must not undo the logout").isTrue();
        clock.advance(Duration.ofHours(2));
        assertThat(evaluate("access", "tok-ann-phone-2").logout()).as("and the new device stays logged out").isTrue();
        Evaluation login = evaluate("login", "tok-ann-phone-2");
        assertThat(login.logout()).as("until it signs in again").isFalse();
        assertThat(login.checks()).as("never let in under its own id: a policy on new devices judges it, whatever the origin's logout")
                .containsEntry("is_new_device", true);
    }

    private Evaluation evaluate(String action, String token) {
        return pipeline.evaluate(NetworkTieBreakTest.annAtHome(action, token, Optional.of("mobile test/18")));
    }
}
