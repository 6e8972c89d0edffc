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

    /** The first line of standard input, or null when there is none (the service then names the field). */
    String read() throws IOException {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
