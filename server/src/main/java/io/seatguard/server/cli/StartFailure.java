package io.seatguard.server.cli;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * How {@code serve} says that {@code SeatguardServer.start} failed: one line after {@code seatguard: could
 * not start:}, no stack trace. The start has closed what it opened by then, whatever it threw.
 */
final class StartFailure {
    /** Causes named after the failure itself: enough to reach the root of an initializer's chain, and no cycle followed. */
    private static final int MOST_CAUSES = 3;

    private StartFailure() {}

    /**
     * Whether {@code failure} is left to the JVM (serve rethrows it: the JVM's own stack trace, exit status
     * 1) rather than said in a line: a {@link VirtualMachineError} other than a {@link StackOverflowError}
     * ({@code OutOfMemoryError}, {@code InternalError}) says the JVM itself may no longer work. Then the
     * line could fail to be built (an out-of-memory while concatenating), and it would read as a setting
     * to fix where the operator needs the JVM's report (and its {@code -XX:+HeapDumpOnOutOfMemoryError}
     * and the like) to see what broke. A StackOverflowError has unwound by the time it is caught and harmed
     * nothing else, as {@code http.UnexpectedErrors} answers it too.
     */
    static boolean leftToTheJvm(Throwable failure) {
        return failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError);
    }

    /**
     * What went wrong, on one line. A RuntimeException's message alone: those the start throws on purpose
     * (the port taken, the database refusing) are written for the operator. Anything else (an Error: a jar
     * missing from the class path, a library's initializer that threw) with its kind first, since {@code
     * org/sqlite/SQLiteConfig} alone says nothing, and with its causes, since an {@code
     * ExceptionInInitializerError} has no message of its own.
     */
    static String describe(Throwable failure) {
        if (failure instanceof RuntimeException && failure.getMessage() != null && !failure.getMessage().isBlank()) {
            return oneLine(failure.getMessage());
        }
        StringBuilder line = new StringBuilder(kindAndMessage(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(failure);
        Throwable cause = failure.getCause();
        for (int named = 0; cause != null && named < MOST_CAUSES && seen.add(cause); named++) {
            line.append(", caused by ").append(kindAndMessage(cause));
            cause = cause.getCause();
        }
        return line.toString();
    }

    private static String kindAndMessage(Throwable failure) {
        // An anonymous or local class has no simple name worth showing.
        String kind = failure.getClass().getSimpleName().isEmpty() ? failure.getClass().getName() : failure.getClass().getSimpleName();
        String message = failure.getMessage();
        return message == null || message.isBlank() ? kind : kind + ": " + oneLine(message);
    }

    /** A message spread over lines (an initializer's, a driver's), kept on the one line serve prints. */
    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
