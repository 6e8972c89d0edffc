package io.seatguard.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/**
 * A password read from standard input, one line, never from an argument: arguments show in {@code ps}
 * and in the shell's history. The flag is required so that a command never waits on a terminal unasked.
 */
final class PasswordFromStdin {
    @Option(names = "--password-stdin", required = true, description = "Read the password (12+ characters) from standard input, one line.")
    boolean passwordStdin;

    /**
     * What a command says when standard input ends before a line: the service's "password: must be 12 to
     * 1024 characters" read as if a short password had been typed, when none had (a script that forgot the
     * pipe, a container run without -i).
     */
    static final String NONE = "password: nothing on standard input; pipe the password in, e.g. printf '%s\\n' \"$PASSWORD\" | ./seatguard operators …";

    /** The first line of standard input, or null when there is none (then say {@link #NONE}). */
    String read() throws IOException {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
