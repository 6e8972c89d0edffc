package io.seatguard.storage;

/**
 * The settings point at no store a Seatguard server made: no embedded database file, or a database
 * without Seatguard's tables. Tools that change a server's store ({@link SqlDatabase#openExisting}) refuse
 * it rather than make a new, empty store that no server reads.
 */
public final class NoStoreException extends RuntimeException {
    public NoStoreException(String message) {
        super(message);
    }
}
