package io.seatguard.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What went wrong with a file, in words. Java's file exceptions say it by their class and carry the path
 * as their message: "cannot create the database file /d/seatguard.db: /d/seatguard.db" named the path
 * twice and never said "permission denied" (found in review).
 */
public final class FileProblems {
    private FileProblems() {}

    /** The reason, without the path: "permission denied", "no such file or folder", or the system's own words. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied" + otherReason((FileSystemException) e);
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder" + otherReason((FileSystemException) e);
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder" + otherReason((FileSystemException) e);
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getReason() != null ? exists.getReason() : "it exists already";
        }
        if (e instanceof FileSystemException system) {
            return system.getReason() != null ? system.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String otherReason(FileSystemException e) {
        return e.getReason() != null && !e.getReason().isBlank() ? " (" + e.getReason() + ")" : "";
    }
}
