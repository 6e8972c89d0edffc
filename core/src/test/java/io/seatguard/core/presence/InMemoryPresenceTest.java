package io.seatguard.core.presence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.testing.PresenceContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryPresenceTest extends PresenceContract {
    @Override
    protected Presence create(Duration window) {
        return new InMemoryPresence(window);
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThatThrownBy(() -> new InMemoryPresence(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
