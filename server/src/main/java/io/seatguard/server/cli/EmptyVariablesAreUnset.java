package io.seatguard.server.cli;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Makes a {@code SEATGUARD_*} variable that is set but empty (or only spaces) count as unset, for every
 * option whose default names one ({@code ${env:SEATGUARD_PORT:-8080}}): its fallback then applies, or no
 * value when it has none. Compose files and Helm charts write {@code SEATGUARD_X=} for "not set" all the
 * time, and picocli, which takes {@code :-} as "when undefined" only, handed the option the empty text: an
 * empty port was refused as no number, an empty trusted-proxies list trusted no proxy, an empty
 * {@code SEATGUARD_SQLITE_SYNCHRONOUS} or {@code SEATGUARD_MAIL_FROM} was refused, while other empty
 * values counted as unset (review finding). One rule now, for every setting of every command. A flag typed
 * empty ({@code --port=}) is what was typed, and is judged as such: this only supplies defaults.
 */
public final class EmptyVariablesAreUnset implements CommandLine.IDefaultValueProvider {
    /** An option's declared default: a variable, with or without a fallback after {@code :-}. */
    private static final Pattern FROM_VARIABLE = Pattern.compile("^\\$\\{env:([A-Za-z0-9_]+)(?::-(.*))?}$", Pattern.DOTALL);

    private final Function<String, String> environment;

    /** Over this process's environment. */
    public EmptyVariablesAreUnset() {
        this(System::getenv);
    }

    EmptyVariablesAreUnset(Map<String, String> environment) {
        this(environment::get);
    }

    private EmptyVariablesAreUnset(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        Optional<Matcher> declared = declared(argument);
        if (declared.isEmpty() || !isEmpty(environment.apply(declared.get().group(1)))) {
            // Unset, or set to something: picocli resolves the declared default as it always did.
            return null;
        }
        // Empty text for an option without a fallback is what an unset variable gives it too: no value.
        String fallback = declared.get().group(2);
        return fallback == null ? "" : fallback;
    }

    private static boolean isEmpty(String value) {
        return value != null && value.isBlank();
    }

    /** The annotation's own text: the spec's {@code defaultValue()} is already resolved against the environment. */
    private static Optional<Matcher> declared(ArgSpec argument) {
        if (!(argument.userObject() instanceof Field field) || !field.isAnnotationPresent(CommandLine.Option.class)) {
            return Optional.empty();
        }
        Matcher matcher = FROM_VARIABLE.matcher(field.getAnnotation(CommandLine.Option.class).defaultValue());
        return matcher.matches() ? Optional.of(matcher) : Optional.empty();
    }
}
