package io.seatguard.server.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Says a bad value on one line, naming where it came from. picocli said {@code SEATGUARD_PRODUCTION=1}
 * (an environment file's habit) as "Invalid value for option '--production': '1' is not a boolean" and
 * then printed the whole usage of {@code serve}: an operator who never typed {@code --production} was
 * left to guess where the '1' came from, in the journal, after sixty lines of flags. A value from a
 * {@code SEATGUARD_*} variable is said as that variable's. A fault in what was typed ({@code --port x},
 * a flag given twice, an unknown option) is picocli's message, with its suggestions, on one line too:
 * the usage it printed after it pushed the one line that mattered out of a service's short log view,
 * and {@code --help} shows the usage to whoever asks.
 */
public final class EnvironmentValueFaults implements CommandLine.IParameterExceptionHandler {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)");
    private static final int MOST_SUGGESTIONS = 3;

    public EnvironmentValueFaults() {}

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        String help = "see " + command.getCommandSpec().qualifiedName() + " --help";
        Optional<String> variable = variableThatGave(ex, args);
        if (variable.isPresent()) {
            String option = ((OptionSpec) ex.getArgSpec()).longestName();
            String why = ex.getMessage().replaceFirst("^Invalid value for option '[^']*': ", "");
            err.println("seatguard: " + variable.get() + " is set to '" + System.getenv(variable.get()) + "', which " + option + " cannot take ("
                    + why + "): correct or unset " + variable.get() + "; " + help);
        }
        else {
            err.println("seatguard: " + ex.getMessage().strip().replaceAll("\\s*[\\r\\n]+\\s*", " ") + suggestions(ex) + "; " + help);
        }
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** What picocli would suggest for an unknown option or subcommand ("did you mean --port?"), or nothing. */
    private static String suggestions(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException unmatched) || unmatched.getSuggestions().isEmpty()) {
            return "";
        }
        List<String> some = unmatched.getSuggestions().stream().limit(MOST_SUGGESTIONS).toList();
        return " (did you mean " + String.join(" or ", some) + "?)";
    }

    /** The variable an option's bad value came from: the option has one, it is set, and the option was not typed. */
    private static Optional<String> variableThatGave(ParameterException ex, String[] args) {
        // The declared default, ${env:…} and all: the spec's own is the value the variable gave.
        if (!(ex.getArgSpec() instanceof OptionSpec option) || !(option.userObject() instanceof java.lang.reflect.Field field)
                || field.getAnnotation(CommandLine.Option.class) == null) {
            return Optional.empty();
        }
        Matcher matcher = VARIABLE.matcher(field.getAnnotation(CommandLine.Option.class).defaultValue());
        if (!matcher.find() || System.getenv(matcher.group(1)) == null) {
            return Optional.empty();
        }
        boolean typed = Arrays.stream(args).anyMatch(arg -> Arrays.stream(option.names()).anyMatch(name -> arg.equals(name) || arg.startsWith(name + "=")));
        return typed ? Optional.empty() : Optional.of(matcher.group(1));
    }
}
