package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.storage.StorageReadiness.State;
import org.junit.jupiter.api.Test;

/** What {@code /readyz} answers for each state of storage (ReadinessUnderAFullPoolTest measures the states). */
class ReadinessStatesTest {
    @Test
    void aSaturatedPoolLeavesTheNodeReadyAndOnlyAnUnreachableDatabaseDoesNot() {
        assertThat(OpsHandlers.ready(State.OK)).isTrue();
        // Every node shares the database: a 503 here would take them all out of the load balancer at the peak.
        assertThat(OpsHandlers.ready(State.SATURATED)).isTrue();
        assertThat(OpsHandlers.ready(State.UNREACHABLE)).isFalse();
    }
}
