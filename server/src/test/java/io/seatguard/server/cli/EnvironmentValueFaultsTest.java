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

    /**
     * Review: a typed fault ("--port x", a flag given twice, "--stun-port 4294967296") printed picocli's
     * message and then the whole usage of serve, which pushed the message out of a service's short log
     * view (systemctl status shows the last lines). One line now, as for a variable's fault.
     */
    @Test
    void aBadValueTypedIsSaidOnOneLine() throws Exception {
        Run typed = serve(Map.of("SEATGUARD_PORT", "abc"), "--port", "x");
        assertThat(typed.exit()).isEqualTo(2);
        assertThat(typed.err().strip()).isEqualTo("seatguard: Invalid value for option '--port': 'x' is not an int; see seatguard serve --help");

        Run twice = serve(Map.of(), "--port", "8590", "--port", "8591");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err().strip()).isEqualTo("seatguard: option '--port' (<port>) should be specified only once; see seatguard serve --help");

        Run unknown = serve(Map.of(), "--stun-prot", "3478");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err().strip()).startsWith("seatguard: Unknown options: '--stun-prot', '3478'").contains("did you mean --stun-port")
                .endsWith("; see seatguard serve --help").doesNotContain("\n");
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
