package io.seatguard.storage;

/**
 * When the embedded database's commits reach the disk (SQLite's {@code synchronous} setting, in WAL mode).
 *
 * <p>Both keep the database consistent after any crash, and both keep every acknowledged evaluation
 * when the Seatguard process dies ({@code kill -9}): a commit is in the operating system's hands before
 * the caller is answered. They differ only when the machine itself stops (power loss, kernel crash).
 */
public enum SqliteSynchronous {
    /** Each group commit is flushed to the disk (fsync) before it is acknowledged: survives power loss. The default. */
    FULL,
    /**
     * The log is flushed at checkpoints only: the last commits before a power loss or kernel crash may
     * be lost (never corrupted). Cheaper per commit; see docs/benchmarks.md.
     */
    NORMAL;

    /** Parses "full" or "normal", in any case. */
    public static SqliteSynchronous parse(String text) {
        for (SqliteSynchronous value : values()) {
            if (value.name().equalsIgnoreCase(text.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("must be full or normal, not '" + text + "'");
    }
}
