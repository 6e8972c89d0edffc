package io.seatguard.server.cli;

import java.util.Optional;

/**
 * Arguments the JVM could not decode. Java reads its command line in the system locale's character set,
 * and under the C (POSIX) locale, what containers, cron, {@code sudo -u} and systemd units give a command
 * unless told otherwise, that is ASCII: every byte beyond it becomes U+FFFD. {@code apps create --name Café}
 * then made an app named "Caf\uFFFD\uFFFD", and {@code operators create --email} stored an email nobody
 * could sign in with (found in review). The bytes are gone before {@code main} runs, so the command is
 * refused, naming the locale and how to run it.
 */
public final class UndecodedArguments {
    /** Exit status of a refused command line, as picocli gives a bad option. */
    public static final int REFUSED = 2;

    private static final char REPLACEMENT = '\uFFFD';

    private UndecodedArguments() {}

    /**
     * What to say when an argument holds a character the locale could not decode, else empty.
     *
     * @param encoding the character set the JVM decoded the arguments with ({@code sun.jnu.encoding})
     */
    public static Optional<String> fault(String[] args, String encoding) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].indexOf(REPLACEMENT) >= 0) {
                return Optional.of(unreadable(which(args, i), encoding) + remedy(encoding));
            }
        }
        return Optional.empty();
    }

    /**
     * The argument named by its option, never quoted: the value may be a secret ({@code --smtp-url} with a
     * password beyond ASCII went whole to standard error, a service's journal; found in review).
     */
    private static String which(String[] args, int i) {
        String arg = args[i];
        if (arg.startsWith("--") && arg.indexOf('=') > 2) {
            return "the value of " + arg.substring(0, arg.indexOf('='));
        }
        if (i > 0 && args[i - 1].startsWith("-") && args[i - 1].indexOf('=') < 0) {
            return "the value of " + args[i - 1];
        }
        return "argument " + (i + 1);
    }

    /**
     * Under a UTF-8 locale U+FFFD stands for bytes that are not UTF-8 (or is typed as itself): advising a
     * UTF-8 locale then, as it did, sent the operator after a setting already made.
     */
    private static String remedy(String encoding) {
        return encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8")
                ? "give it as UTF-8 text (bytes in another character set, such as Latin-1, cannot be read; nor is U+FFFD taken as typed)"
                : "run the command under a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (the ./seatguard launcher does so under the C locale)";
    }

    /**
     * What to say when a {@code SEATGUARD_*} variable's value holds a character the locale could not decode,
     * else empty. Java decodes the environment as it does the command line: under a systemd unit's C locale,
     * {@code SEATGUARD_MAIL_FROM="Sécurité Acme <…>"} was taken as "S\uFFFD\uFFFDcurit\uFFFD\uFFFD Acme", put in every mail's
     * From, and nothing said so (found in review). The value is not repeated: some variables hold secrets.
     *
     * @param encoding the character set the JVM decoded the environment with ({@code sun.jnu.encoding})
     */
    public static Optional<String> fault(java.util.Map<String, String> environment, String encoding) {
        return environment.entrySet().stream()
                .filter(variable -> variable.getKey().startsWith("SEATGUARD_") && variable.getValue().indexOf(REPLACEMENT) >= 0)
                .map(java.util.Map.Entry::getKey).sorted().findFirst()
                .map(name -> unreadable(name, encoding) + "run Seatguard under a UTF-8 locale,"
                        + " e.g. LC_ALL=C.UTF-8 (Environment=LC_ALL=C.UTF-8 in a systemd unit; the ./seatguard launcher does so under the C locale)");
    }

    /** The message's start, naming what held the characters (never its value). */
    private static String unreadable(String what, String encoding) {
        return "seatguard: " + what + " holds characters this system's locale (character set " + encoding
                + ") cannot read, so Java received others in their place; ";
    }
}
