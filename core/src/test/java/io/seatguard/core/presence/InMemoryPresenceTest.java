package io.seatguard.core.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryPresenceTest {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    private final InMemoryPresence presence = new InMemoryPresence(Duration.ofSeconds(90));

    @Test
    void aSessionIsLiveUntilItsWindowPassesWithoutAHeartbeat() {
        presence.touch("app", "ann", "tab-1", "dev-1", T0);
        assertThat(presence.live("app", "ann", T0.plusSeconds(89))).extracting(Presence.LiveSession::sessionId).containsExactly("tab-1");
        presence.touch("app", "ann", "tab-1", "dev-1", T0.plusSeconds(60));
        assertThat(presence.live("app", "ann", T0.plusSeconds(149))).hasSize(1);
        assertThat(presence.live("app", "ann", T0.plusSeconds(150))).isEmpty();
    }

    @Test
    void anEndedSessionIsGoneAtOnceAndOthersStay() {
        presence.touch("app", "ann", "tab-1", "dev-1", T0);
        presence.touch("app", "ann", "tab-2", "dev-2", T0);
        presence.end("app", "ann", "tab-1");
        presence.end("app", "ann", "never-seen");
        assertThat(presence.live("app", "ann", T0.plusSeconds(1))).extracting(Presence.LiveSession::deviceId).containsExactly("dev-2");
    }

    @Test
    void accountsAndAppsAreApartAndALateBeatDoesNotRewindASession() {
        presence.touch("app", "ann", "tab-1", "dev-1", T0.plusSeconds(30));
        presence.touch("app", "ann", "tab-1", "dev-1", T0);
        assertThat(presence.live("app", "ann", T0.plusSeconds(100))).hasSize(1);
        assertThat(presence.live("app", "bob", T0)).isEmpty();
        assertThat(presence.live("other", "ann", T0)).isEmpty();
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThatThrownBy(() -> new InMemoryPresence(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
