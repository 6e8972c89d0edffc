package io.seatguard.server.cli;

import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a whole number or a switch ({@code true}/{@code false}) without the spaces around it, typed or from
 * a {@code SEATGUARD_*} variable alike: picocli refused {@code SEATGUARD_PORT=" 8080"} (an environment file
 * or a YAML value with a stray space) as "' 8080' is not an int", while the text settings beside it (the
 * URLs, the data folder, the lists) had their spaces dropped, and {@code apps} read the same variable with
 * them dropped (review finding). One rule now: spaces around a value are dropped for every setting but the
 * secrets (docs/configuration.md). Decimals need nothing: {@link Double#valueOf} drops them itself. A value
 * that is still not one after that is refused in picocli's own words.
 */
public final class SpacesAroundNumbersAndSwitches {
    private SpacesAroundNumbersAndSwitches() {}

    /** On {@code commandLine} and every subcommand it has now (picocli hands converters only to those). */
    public static void register(CommandLine commandLine) {
        commandLine.registerConverter(Integer.class, text -> stripped(text, Integer::valueOf, "an int"));
        commandLine.registerConverter(int.class, text -> stripped(text, Integer::valueOf, "an int"));
        commandLine.registerConverter(Long.class, text -> stripped(text, Long::valueOf, "a long"));
        commandLine.registerConverter(long.class, text -> stripped(text, Long::valueOf, "a long"));
        commandLine.registerConverter(Boolean.class, SpacesAroundNumbersAndSwitches::aSwitch);
        commandLine.registerConverter(boolean.class, SpacesAroundNumbersAndSwitches::aSwitch);
    }

    private static <T> T stripped(String text, Function<String, T> parse, String kind) {
        try {
            return parse.apply(text.strip());
        }
        catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not " + kind);
        }
    }

    /** As picocli reads one: true or false in any case, nothing else (not 1, not yes). */
    private static Boolean aSwitch(String text) {
        String value = text.strip();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw new TypeConversionException("'" + text + "' is not a boolean");
    }
}
