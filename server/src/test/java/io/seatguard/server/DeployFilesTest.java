package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd unit and its settings file in {@code deploy/systemd} are what an operator copies, and
 * nothing else would run them: these tests keep them true to systemd and to the server. The unit passes
 * {@code systemd-analyze verify} without a warning; its command line, run as systemd would run it (its
 * JVM options and flags, its {@code Environment=}), starts a server that answers {@code /readyz}, and
 * {@code SIGTERM} stops it within {@code TimeoutStopSec} with a status the unit counts as success; the
 * example settings name only variables that docs/configuration.md documents (ConfigurationDocsTest keeps
 * that table true to the flags).
 */
class DeployFilesTest {
    private static final Path ROOT = Path.of("..");
    private static final Path UNIT = ROOT.resolve("deploy/systemd/seatguard.service");
    private static final Path SETTINGS = ROOT.resolve("deploy/systemd/seatguard.env.example");
    private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");
    private static final String JAR = "/opt/seatguard/seatguard.jar";

    @Test
    void theUnitPassesSystemdVerificationWithoutAWarning(@TempDir Path dir) throws Exception {
        requireSystemdAnalyze();
        // verify checks that ExecStart's program exists and may be run: point it at this test's JDK,
        // as an operator points it at theirs; every other line is checked as shipped.
        String unit = Files.readString(UNIT).replace(execStart().getFirst(), currentJava());
        Path copy = Files.writeString(dir.resolve("seatguard.service"), unit);
        Process verify = new ProcessBuilder(SYSTEMD_ANALYZE.toString(), "verify", copy.toString()).redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as("systemd-analyze verify: %s", output).isZero();
        assertThat(output).as("systemd-analyze verify printed warnings").isBlank();
    }

    @Test
    void theUnitsCommandStartsSeatguardAndSigtermStopsItAsTheUnitExpects(@TempDir Path dir) throws Exception {
        Map<String, String> unitEnvironment = environment();
        assertThat(unitEnvironment).containsEntry("SEATGUARD_DATA_DIR", "/var/lib/seatguard");
        List<String> command = unitCommand();
        // The unit's StateDirectory= becomes a folder of the test's; a free port and no STUN, so that the
        // test never competes with another server.
        Map<String, String> environment = new LinkedHashMap<>(unitEnvironment);
        environment.put("SEATGUARD_DATA_DIR", dir.resolve("state").toString());
        environment.put("SEATGUARD_NO_STUN", "true");
        // JSON logs, as the example settings have them.
        assertThat(Files.readString(SETTINGS)).containsPattern("(?m)^SEATGUARD_LOG_FORMAT=json$");
        environment.put("SEATGUARD_LOG_FORMAT", "json");
        try (ServerProcess server = ServerProcess.start(dir, port -> {
            Map<String, String> onPort = new LinkedHashMap<>(environment);
            onPort.put("SEATGUARD_PORT", Integer.toString(port));
            return new ServerProcess.Launch(command, onPort);
        })) {
            assertThat(server.send("GET", "/dev/outbox", null, Map.of()).status()).as("--production: no development outbox").isEqualTo(404);
            assertEveryLogLineIsJsonWithItsText(server);
            Process process = server.process();
            Instant stopAsked = Instant.now();
            process.destroy(); // SIGTERM, as systemctl stop sends
            assertThat(process.waitFor(timeoutStop().toSeconds(), TimeUnit.SECONDS)).as("stopped within TimeoutStopSec").isTrue();
            Set<Integer> success = new TreeSet<>(successExitStatus());
            success.add(0);
            assertThat(success).as("exit status %d after SIGTERM (in %s), log:%n%s", process.exitValue(), Duration.between(stopAsked, Instant.now()),
                    server.errorOutput()).contains(process.exitValue());
        }
    }

    /**
     * A bad setting (exit status 2) is not restarted: every start would fail the same way, and with
     * {@code Restart=on-failure} and {@code RestartSec=2} the unit stayed "activating (auto-restart)",
     * logging the same error every few seconds, instead of showing failed (each start took longer than
     * systemd's default start limit, 5 in 10 s, allows for). A start that failed otherwise (exit status
     * 1: PostgreSQL or Redis not answering yet) is still tried again.
     */
    @Test
    void aBadSettingFailsTheUnitInsteadOfRestartingIt(@TempDir Path dir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(unitCommand()).redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile());
        builder.environment().putAll(environment());
        builder.environment().put("SEATGUARD_DATA_DIR", dir.resolve("state").toString());
        builder.environment().put("SEATGUARD_PORT", "eighty");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("a bad setting: %s", Files.readString(dir.resolve("output.txt"))).isEqualTo(2);
        assertThat(single("Restart")).isEqualTo("on-failure");
        assertThat(Arrays.stream(single("RestartPreventExitStatus").split("\\s+")).map(Integer::valueOf).toList())
                .as("RestartPreventExitStatus= in %s", UNIT).contains(process.exitValue()).doesNotContain(1);
    }

    /** The unit's ExecStart as this test runs it: this run's JDK, and the server's main class from this run's classpath. */
    private static List<String> unitCommand() throws IOException {
        assertThat(execStart()).as("the unit runs the jar").contains("-jar", JAR);
        List<String> command = new ArrayList<>();
        command.add(currentJava());
        for (String word : execStart().subList(1, execStart().size())) {
            if (word.equals("-jar")) {
                continue;
            }
            if (word.equals(JAR)) {
                // The jar is built after the tests run: the same main class from this run's classpath.
                command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "io.seatguard.server.Main"));
                continue;
            }
            command.add(word);
        }
        return command;
    }

    /**
     * The example settings log JSON: one object a line, each with the line's text (formattedMessage)
     * besides its template (message) and values (arguments), so a search for the text log's words finds it.
     */
    private static void assertEveryLogLineIsJsonWithItsText(ServerProcess server) throws Exception {
        // The server answers /readyz a moment before it logs that it listens.
        Instant until = Instant.now().plusSeconds(20);
        while (!server.errorOutput().contains("Seatguard listening on") && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        List<com.fasterxml.jackson.databind.JsonNode> lines = new ArrayList<>();
        for (String line : server.errorOutput().lines().filter(line -> !line.isBlank()).toList()) {
            lines.add(io.seatguard.server.http.Json.MAPPER.readTree(line));
        }
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.isObject()).isTrue());
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("formattedMessage").asText()).startsWith("Seatguard listening on http://");
            assertThat(line.path("message").asText()).contains("{}");
        });
    }

    @Test
    void theExampleSettingsNameOnlyDocumentedVariables() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher variables = Pattern.compile("`(SEATGUARD_[A-Z0-9_]+)`").matcher(Files.readString(ROOT.resolve("docs/configuration.md")));
        while (variables.find()) {
            documented.add(variables.group(1));
        }
        Set<String> named = new TreeSet<>();
        for (String line : Files.readAllLines(SETTINGS)) {
            Matcher setting = Pattern.compile("^#?(SEATGUARD_[A-Z0-9_]+)=").matcher(line);
            if (setting.find()) {
                named.add(setting.group(1));
            }
        }
        assertThat(named).as("settings in %s", SETTINGS).contains("SEATGUARD_PUBLIC_URL", "SEATGUARD_TRUSTED_PROXIES", "SEATGUARD_ADMIN_TOKEN");
        assertThat(documented).as("variables documented in docs/configuration.md").containsAll(named);
    }

    /**
     * With {@code ProtectSystem=strict} the service may write in its {@code StateDirectory=} alone: the data
     * folder must be that one, and the example settings, which override the unit's {@code Environment=},
     * must not offer another (a restore into a new folder named there would open read-only).
     */
    @Test
    void theDataFolderIsTheOneFolderTheSandboxLetsSeatguardWrite() throws IOException {
        assertThat(single("ProtectSystem")).isEqualTo("strict");
        String stateDirectory = "/var/lib/" + single("StateDirectory");
        assertThat(environment()).containsEntry("SEATGUARD_DATA_DIR", stateDirectory);
        assertThat(single("WorkingDirectory")).as("where the JVM writes a crash report").isEqualTo(stateDirectory);
        assertThat(Files.readAllLines(SETTINGS)).noneMatch(line -> line.matches("^#?\\s*SEATGUARD_DATA_DIR\\s*=.*"));
    }

    private static void requireSystemdAnalyze() {
        boolean installed = Files.isExecutable(SYSTEMD_ANALYZE);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed).as("CI=true needs %s (apt-get install -y systemd)", SYSTEMD_ANALYZE).isTrue();
        }
        Assumptions.assumeTrue(installed, "systemd-analyze is not installed");
    }

    private static String currentJava() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    private static List<String> execStart() throws IOException {
        return Arrays.asList(single("ExecStart").split("\\s+"));
    }

    /** The unit's {@code Environment=} assignments (one per line here, unquoted). */
    private static Map<String, String> environment() throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String value : values("Environment")) {
            int equals = value.indexOf('=');
            environment.put(value.substring(0, equals), value.substring(equals + 1));
        }
        return environment;
    }

    private static List<Integer> successExitStatus() throws IOException {
        return Arrays.stream(single("SuccessExitStatus").split("\\s+")).map(Integer::valueOf).toList();
    }

    private static Duration timeoutStop() throws IOException {
        return Duration.ofSeconds(Long.parseLong(single("TimeoutStopSec")));
    }

    private static String single(String key) throws IOException {
        List<String> values = values(key);
        assertThat(values).as("%s= lines in %s", key, UNIT).hasSize(1);
        return values.getFirst();
    }

    private static List<String> values(String key) throws IOException {
        return Files.readAllLines(UNIT).stream().filter(line -> line.startsWith(key + "=")).map(line -> line.substring(key.length() + 1).strip()).toList();
    }
}
