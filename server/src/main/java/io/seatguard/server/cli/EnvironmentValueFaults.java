package io.seatguard.server.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Says a bad value that came from a {@code SEATGUARD_*} variable as that variable's. picocli said
 * {@code SEATGUARD_PRODUCTION=1} (an environment file's habit) as "Invalid value for option
 * '--production': '1' is not a boolean" and then printed the whole usage of {@code serve}: an operator
 * who never typed {@code --production} was left to guess where the '1' came from, in the journal, after
 * sixty lines of flags. A fault in what was typed is said as picocli says it.
 */
public final class EnvironmentValueFaults implements CommandLine.IParameterExceptionHandler {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)");

    private final CommandLine.IParameterExceptionHandler typed;

    public EnvironmentValueFaults(CommandLine.IParameterExceptionHandler typed) {
        this.typed = typed;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) throws Exception {
        Optional<String> variable = variableThatGave(ex, args);
        if (variable.isEmpty()) {
            return typed.handleParseException(ex, args);
        }
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        String option = ((OptionSpec) ex.getArgSpec()).longestName();
        String why = ex.getMessage().replaceFirst("^Invalid value for option '[^']*': ", "");
        err.println("seatguard: " + variable.get() + " is set to '" + System.getenv(variable.get()) + "', which " + option + " cannot take ("
                + why + "): correct or unset " + variable.get() + "; see " + command.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
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
