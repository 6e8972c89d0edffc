package io.seatguard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.ServerProcess;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Review finding: a {@code SEATGUARD_*} variable set to nothing ({@code SEATGUARD_PORT=}, as compose files
 * and Helm charts write "not set") was read three ways: an empty port, sqlite-synchronous or mail sender
 * was refused, an empty trusted-proxies list trusted no proxy, and other empty values counted as unset.
 * Now every one counts as unset. Run in a process of its own ({@link ServeSettingsProbe}), since the
 * variables are the process's and picocli reads them itself.
 */
class EmptyVariablesAreUnsetTest {
    private static final Pattern VARIABLE = Pattern.compile("^\\$\\{env:(SEATGUARD_[A-Z0-9_]+)");

    /**
     * Every variable serve reads, of every kind of setting (numbers such as the port, switches such as
     * production, text with a default such as the host, the mail sender and sqlite-synchronous, text without
     * one such as the database URL, lists such as the trusted proxies and SEATGUARD_IP_LISTS), set empty or
     * to spaces at once, gives serve's defaults.
     */
    @Test
    void everyVariableSetEmptyOrToSpacesIsTheSameAsUnset() throws Exception {
        TreeSet<String> variables = servesVariables();
        assertThat(variables).as("serve's variables, read from its options").hasSizeGreaterThan(30).contains("SEATGUARD_PORT", "SEATGUARD_TRUSTED_PROXIES");
        // This JVM's own variables are unset when the tests run, as every ServeCommandTest assumes.
        ServeCommand unset = new ServeCommand();
        new CommandLine(unset).parseArgs();
        String network = unset.config().network().toString();
        for (String empty : List.of("", "   ")) {
            Map<String, String> environment = new TreeMap<>();
            variables.forEach(variable -> environment.put(variable, empty));
            Run run = probe(environment);
            assertThat(run.err()).as("every variable '%s'", empty).isEmpty();
            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("defaults but the network: true", "network: " + network, "trusted proxies: [127.0.0.0/8, ::1/128]");
        }
    }

    /** The one setting an empty value used to turn to something else, not refuse: it trusted no proxy. "No proxy" is now said as none. */
    @Test
    void anEmptyTrustedProxiesListIsTheDefaultAndNoneTrustsNoProxy() throws Exception {
        Run empty = probe(Map.of("SEATGUARD_TRUSTED_PROXIES", ""));
        assertThat(empty.exit()).isZero();
        assertThat(empty.out()).contains("trusted proxies: [127.0.0.0/8, ::1/128]");
        Run none = probe(Map.of("SEATGUARD_TRUSTED_PROXIES", "none"));
        assertThat(none.exit()).isZero();
        assertThat(none.out()).contains("trusted proxies: []");
    }

    /** A flag typed empty is what was typed: still refused, naming the flag. */
    @Test
    void aFlagTypedEmptyIsStillJudgedAsTyped() throws Exception {
        Run port = probe(Map.of(), "--port=");
        assertThat(port.exit()).isEqualTo(2);
        assertThat(port.err()).contains("'--port'");
        Run host = probe(Map.of("SEATGUARD_HOST", ""), "--host=");
        assertThat(host.exit()).isEqualTo(2);
        assertThat(host.err()).contains("host (--host, SEATGUARD_HOST) is empty");
    }

    private static TreeSet<String> servesVariables() {
        TreeSet<String> variables = new TreeSet<>(List.of("SEATGUARD_IP_LISTS"));
        for (OptionSpec option : new CommandLine(new ServeCommand()).getCommandSpec().options()) {
            if (option.userObject() instanceof Field field && field.isAnnotationPresent(CommandLine.Option.class)) {
                Matcher variable = VARIABLE.matcher(field.getAnnotation(CommandLine.Option.class).defaultValue());
                if (variable.find()) {
                    variables.add(variable.group(1));
                }
            }
        }
        return variables;
    }

    record Run(int exit, String out, String err) {}

    /** {@link ServeSettingsProbe} with {@code args}, and only {@code environment} of the SEATGUARD_* variables. */
    static Run probe(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(ServerProcess.mainCommand());
        command.set(command.indexOf("io.seatguard.server.Main"), ServeSettingsProbe.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("SEATGUARD_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }
}
