package io.seatguard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.server.Main;
import io.seatguard.server.config.ServerConfig;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Review finding: {@code SEATGUARD_PORT=" 8080"} (a stray space in an environment file or a YAML value) was
 * refused, as was every number and switch, and a host, with spaces around it, while the URLs, folders and
 * lists beside them had theirs dropped. Spaces around a value are now dropped for every setting but the
 * secrets, typed or from its variable alike ({@link SpacesAroundNumbersAndSwitches}).
 */
class SpacesAroundSettingsTest {
    private static final Pattern WITH_FALLBACK = Pattern.compile("^\\$\\{env:(SEATGUARD_[A-Z0-9_]+):-(.*)}$", Pattern.DOTALL);

    /** Every variable of serve that has a default (numbers, switches, the host, the mail sender, lists…), set to it with spaces around. */
    @Test
    void everyVariableSetToItsDefaultWithSpacesAroundIsItsDefault() throws Exception {
        Map<String, String> environment = new TreeMap<>();
        for (OptionSpec option : new CommandLine(new ServeCommand()).getCommandSpec().options()) {
            if (option.userObject() instanceof Field field && field.isAnnotationPresent(CommandLine.Option.class)) {
                Matcher declared = WITH_FALLBACK.matcher(field.getAnnotation(CommandLine.Option.class).defaultValue());
                if (declared.matches()) {
                    environment.put(declared.group(1), "  " + declared.group(2) + " \t");
                }
            }
        }
        assertThat(environment).as("serve's variables with a default").hasSizeGreaterThan(20)
                .containsKeys("SEATGUARD_PORT", "SEATGUARD_HOST", "SEATGUARD_PRODUCTION", "SEATGUARD_TRAVEL_SPEED", "SEATGUARD_MAIL_FROM");
        ServeCommand unset = new ServeCommand();
        new CommandLine(unset).parseArgs();
        EmptyVariablesAreUnsetTest.Run run = EmptyVariablesAreUnsetTest.probe(environment);
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("defaults but the network: true", "network: " + unset.config().network(), "trusted proxies: [127.0.0.0/8, ::1/128]");
    }

    /** Not only defaults: a value other than the default is read too, not taken for unset. */
    @Test
    void aNumberOrSwitchFromItsVariableIsReadWithoutTheSpacesAround() throws Exception {
        EmptyVariablesAreUnsetTest.Run run = EmptyVariablesAreUnsetTest.probe(Map.of("SEATGUARD_PORT", " 8081", "SEATGUARD_PRODUCTION", "true "));
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("port: 8081, production: true");
    }

    @Test
    void typedValuesAreReadWithoutTheSpacesAround() {
        ServerConfig config = serve("--host", " 127.0.0.1 ", "--port", " 8081 ", "--max-body-bytes", "\t2048 ", "--presence-window", " 120 ",
                "--retention-days", " 30", "--browser-rate-limit", "60 ", "--stun-port", " 3479 ", "--ip-data-refresh", " 600 ",
                "--velocity-window", " 600 ", "--code-attempts", " 3 ", "--code-resend-seconds", " 10 ", "--sqlite-synchronous", " normal ",
                "--mail-from", " Acme <no-reply@acme.example> ", "--travel-speed", " 1000 ");
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8081);
        assertThat(config.maxBodyBytes()).isEqualTo(2048);
        assertThat(config.presenceWindow()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.retentionDays()).isEqualTo(30);
        assertThat(config.browserRateLimit()).isEqualTo(60);
        assertThat(config.network().stunPort()).hasValue(3479);
        assertThat(config.network().refreshEvery()).isEqualTo(Duration.ofSeconds(600));
        assertThat(config.network().checks().velocityWindow()).isEqualTo(Duration.ofSeconds(600));
        assertThat(config.network().checks().maxTravelSpeedKmh()).isEqualTo(1000);
        assertThat(config.challenges().rules().maxAttempts()).isEqualTo(3);
        assertThat(config.challenges().mailFrom()).isEqualTo("Acme <no-reply@acme.example>");
        assertThat(config.sqliteSynchronous()).hasToString("NORMAL");
    }

    /** Only the spaces around go: a value that is still no number is refused, in picocli's words, quoting what was given. */
    @Test
    void aValueThatIsNoNumberOnceStrippedIsStillRefused() {
        assertThatThrownBy(() -> serve("--port", " 80 80 ")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("Invalid value for option '--port': ' 80 80 ' is not an int");
        assertThatThrownBy(() -> serve("--port", "")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("Invalid value for option '--port': '' is not an int");
    }

    /** Through the command line as {@link Main} builds it, where the rule is registered. */
    private static ServerConfig serve(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "serve";
        System.arraycopy(args, 0, command, 1, args.length);
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(command);
        return ((ServeCommand) parsed.subcommand().commandSpec().userObject()).config();
    }
}
