package io.seatguard.server.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
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
     */
    static boolean publish(Path written, Path target) throws IOException {
        try {
            Files.createLink(target, written);
            Files.delete(written);
        }
        catch (FileAlreadyExistsException e) {
            return false;
        }
        catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            try {
                Files.move(written, target);
            }
            catch (FileAlreadyExistsException exists) {
                return false;
            }
        }
        syncFolder(target.toAbsolutePath().getParent());
        return true;
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
