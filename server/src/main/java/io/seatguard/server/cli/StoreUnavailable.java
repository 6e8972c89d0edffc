package io.seatguard.server.cli;

/**
 * The store a command named cannot be used, said in a sentence for the command to print after {@code
 * seatguard:}, and the exit status to end with: {@link #REFUSED} for what was named (no store there, not a
 * database URL), {@link #FAILED} when the store is there but cannot be reached or read.
 */
final class StoreUnavailable extends Exception {
    /** As for a bad setting of {@code serve}, or a {@code backup} refused. */
    static final int REFUSED = 2;
    /** As for a {@code serve} whose database does not answer, or {@code apps} that reach no server. */
    static final int FAILED = 1;

    final int exitStatus;

    StoreUnavailable(String message, int exitStatus, Throwable cause) {
        super(message, cause, false, false);
        this.exitStatus = exitStatus;
    }
}
