package io.seatguard.intel.ip;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** An I/O failure in words for /readyz and the log, which name the file themselves. */
final class IoFailure {
    private IoFailure() {}

    /** File-system exceptions carry only the path as their message, which says nothing of what went wrong. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "access denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
