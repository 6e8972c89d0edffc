package io.seatguard.server.cli;

import io.seatguard.storage.FileProblems;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file written under a temporary name, put on the disk, then given its real name without ever
 * replacing a file of that name: what a crash leaves is either the whole file or none at that name.
 */
final class DurableFiles {
    private DurableFiles() {}

    /** The file's bytes on the disk. */
    static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Gives {@code written} the name {@code target}, unless a file has that name already (then false, and
     * {@code written} is left as it is). A hard link, then removing the temporary name: {@code rename}
     * would silently replace a file made meanwhile (two backups to one name at once). Where links are not
     * supported, a move that refuses an existing target.
     *
     * <p>Once the link is made the file is published, whatever becomes of the temporary name: a temporary
     * name that cannot be removed is said on {@code err} and left, and the answer is still true. It used
     * to fall through to the move, whose answer then rested on how the JDK treats two names of one file
     * (on Linux it does nothing, and backup went on to call the whole copy an "incomplete copy" to remove;
     * a move that looked at the target first would have said "exists already"; found in review).
     */
    static boolean publish(Path written, Path target, PrintWriter err) throws IOException {
        try {
            Files.createLink(target, written);
        }
        catch (FileAlreadyExistsException e) {
            return false;
        }
        catch (UnsupportedOperationException | FileSystemException e) {
            try {
                Files.move(written, target);
            }
            catch (FileAlreadyExistsException exists) {
                return false;
            }
            syncFolder(target.toAbsolutePath().getParent());
            return true;
        }
        removeTemporaryName(written, target, err);
        syncFolder(target.toAbsolutePath().getParent());
        return true;
    }

    /** The published file's second name, removed if it can be; otherwise left for the user, who is told which file it is. */
    private static void removeTemporaryName(Path written, Path target, PrintWriter err) {
        try {
            Files.delete(written);
        }
        catch (IOException e) {
            err.println("seatguard: warning: " + target + " is written, but its temporary name " + written + " could not be removed ("
                    + FileProblems.reason(e) + "); delete that file: it is the same copy under a second name");
        }
    }

    /** The folder's entries on the disk, so that the new name survives a power cut. Not every system opens folders: best effort there. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
        catch (IOException e) {
            // Windows cannot open a folder as a channel; its file system orders the rename itself.
        }
    }
}
