package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShutdownStepsTest {
    @Test
    void aStepThatFailsIsLoggedByNameAndTheNextStepRunsAllTheSame() throws Exception {
        List<String> ran = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        LogLines.during(ShutdownSteps.class, lines, () -> {
            ShutdownSteps.run("presence", () -> {
                throw new IllegalStateException("socket already closed");
            });
            ShutdownSteps.run("storage", () -> ran.add("storage"));
            return null;
        });
        assertThat(ran).containsExactly("storage");
        assertThat(lines).containsExactly("Stopping presence failed: java.lang.IllegalStateException: socket already closed");
    }
}
