package io.seatguard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A bad value from a {@code SEATGUARD_*} variable (an environment file's {@code SEATGUARD_PRODUCTION=1})
 * was said as picocli says a typed flag's, "Invalid value for option '--production'", then the two
 * hundred lines of serve's usage: the operator never typed --production. Run as the launcher runs it,
 * in a process of its own, since the variables are the process's.
 */
class EnvironmentValueFaultsTest {
    @Test
    void aBadValueFromAVariableIsSaidAsTheVariablesWithoutTheUsage() throws Exception {
        Run production = serve(Map.of("SEATGUARD_PRODUCTION", "1"));
        assertThat(production.exit()).isEqualTo(2);
        assertThat(production.err().strip()).isEqualTo("seatguard: SEATGUARD_PRODUCTION is set to '1', which --production cannot take ('1' is not a"
                + " boolean): correct or unset SEATGUARD_PRODUCTION; see seatguard serve --help");

        Run port = serve(Map.of("SEATGUARD_PORT", "80 80"));
        assertThat(port.exit()).isEqualTo(2);
        assertThat(port.err()).startsWith("seatguard: SEATGUARD_PORT is set to '80 80', which --port cannot take").doesNotContain("Usage:");
    }

    @Test
    void aBadValueTypedIsSaidAsBeforeWithTheUsage() throws Exception {
        Run typed = serve(Map.of("SEATGUARD_PORT", "abc"), "--port", "x");
        assertThat(typed.exit()).isEqualTo(2);
        assertThat(typed.err()).startsWith("Invalid value for option '--port': 'x' is not an int").contains("Usage: seatguard serve");
    }

    private record Run(int exit, String err) {}

    /** {@code Main serve args} with only {@code environment} of the SEATGUARD_* variables; a bad value ends it before it starts. */
    private static Run serve(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(ServerProcess.mainCommand("serve"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("SEATGUARD_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ended").isTrue();
        return new Run(process.exitValue(), err);
    }
}
