package io.seatguard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/configuration.md is the operator's list of {@code serve}'s settings, and deploy/systemd's example
 * settings are checked against it: each flag of {@code serve} has its row there, with the environment
 * variable its {@code --help} names, and each row's flag is one {@code serve} takes. A default written
 * there, or in the README's table, as one literal is the one {@code serve} falls back to.
 */
class ConfigurationDocsTest {
    private static final Path DOC = Path.of("../docs/configuration.md");
    /** A table row: {@code | `--flag` | `SEATGUARD_VAR` | …}, the variable cell possibly empty. */
    private static final Pattern ROW = Pattern.compile("^\\| `(--[a-z0-9-]+)` \\| (?:`(SEATGUARD_[A-Z0-9_]+)`)? ?\\|", Pattern.MULTILINE);
    private static final Pattern HELP_VARIABLE = Pattern.compile("\\benv (SEATGUARD_[A-Z0-9_]+)");
    /** Every command prints them; they are not settings. */
    private static final java.util.Set<String> STANDARD = java.util.Set.of("--help", "--version");

    @Test
    void everyFlagOfServeIsDocumentedWithTheVariableItsHelpNames() throws IOException {
        Map<String, Optional<String>> documented = documented();
        Map<String, Optional<String>> code = fromHelp();
        assertThat(code).as("serve's flags, read from picocli").hasSizeGreaterThan(30);
        assertThat(documented).as("rows of %s against serve's flags and the variables their --help names", DOC).isEqualTo(code);
    }

    /**
     * A row whose default cell is one literal: {@code | `--port` | `SEATGUARD_PORT` | `8080` | …}, in
     * configuration.md and the README alike (README rows naming two flags are left to the row per flag).
     */
    private static final Pattern DEFAULT_ROW = Pattern.compile("^\\| `(--[a-z0-9-]+)` \\| [^|]*\\| `([^`|]+)` \\|", Pattern.MULTILINE);
    /** picocli's fallback as the option writes it: {@code ${env:SEATGUARD_PORT:-8080}}. */
    private static final Pattern FALLBACK = Pattern.compile("^\\$\\{env:[A-Z0-9_]+:-(.*)}$");

    /** Defaults made at start from other settings ({@code http://<host>:<port>}), not picocli fallbacks. */
    private static final java.util.Set<String> DERIVED = java.util.Set.of("--public-url");

    @Test
    void everyDefaultWrittenAsOneValueIsServesOwn() throws IOException {
        Map<String, String> fallbacks = new TreeMap<>();
        for (OptionSpec option : new CommandLine(new ServeCommand()).getCommandSpec().options()) {
            // The annotation's own text: picocli's defaultValue() is already resolved against this JVM's environment.
            String written = option.userObject() instanceof java.lang.reflect.Field field && field.isAnnotationPresent(CommandLine.Option.class)
                    ? field.getAnnotation(CommandLine.Option.class).defaultValue() : null;
            Matcher fallback = written == null ? null : FALLBACK.matcher(written);
            fallbacks.put(option.longestName(), fallback != null && fallback.matches() ? fallback.group(1) : "(none)");
        }
        int checked = 0;
        for (Path doc : java.util.List.of(DOC, Path.of("../README.md"))) {
            Matcher row = DEFAULT_ROW.matcher(Files.readString(doc));
            while (row.find()) {
                if (DERIVED.contains(row.group(1))) {
                    continue;
                }
                assertThat(fallbacks).as("%s names %s", doc, row.group(1)).containsKey(row.group(1));
                assertThat(row.group(2)).as("%s: the default of %s", doc, row.group(1)).isEqualTo(fallbacks.get(row.group(1)));
                checked++;
            }
        }
        assertThat(checked).as("rows with one default value").isGreaterThan(30);
    }

    private static Map<String, Optional<String>> documented() throws IOException {
        Map<String, Optional<String>> rows = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(DOC));
        while (row.find()) {
            assertThat(rows.put(row.group(1), Optional.ofNullable(row.group(2)))).as("a second row for %s", row.group(1)).isNull();
        }
        return rows;
    }

    private static Map<String, Optional<String>> fromHelp() {
        Map<String, Optional<String>> flags = new TreeMap<>();
        for (OptionSpec option : new CommandLine(new ServeCommand()).getCommandSpec().options()) {
            if (STANDARD.contains(option.longestName())) {
                continue;
            }
            Matcher variable = HELP_VARIABLE.matcher(String.join(" ", option.description()));
            flags.put(option.longestName(), variable.find() ? Optional.of(variable.group(1)) : Optional.empty());
        }
        return flags;
    }
}
