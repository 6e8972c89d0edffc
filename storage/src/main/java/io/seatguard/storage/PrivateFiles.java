package io.seatguard.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's folder and files, for the server's user alone: the database holds webhook
 * signing secrets, the challenge code key and the demo app's key in clear.
 *
 * <p>The folder is made {@code 0700} and the database file {@code 0600} before SQLite opens it. SQLite
 * makes the write-ahead log ({@code -wal}) and shared-memory ({@code -shm}) files itself, with the
 * database file's permission bits (its unix VFS copies them), so they are {@code 0600} too; ones left by
 * an earlier version, made {@code 0644}, are narrowed here. A folder that exists already is left as
 * the operator made it: the files in it are what is narrowed. Where the file system has no POSIX
 * permissions nothing is changed, and a file this user may not {@code chmod} is only warned about.
 */
public final class PrivateFiles {
    private static final Logger log = LoggerFactory.getLogger(PrivateFiles.class);
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** The folder, made {@code 0700} (its parents as usual) when it does not exist. */
    public static Path folder(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        if (absolute.getParent() != null) {
            try {
                Files.createDirectories(absolute.getParent());
            }
            catch (IOException e) {
                // Its message was the path alone ("… : /srv/afile"): say which file is where a folder must be
                // (the reason is what callers print, so it names the file itself, not only the folder asked for).
                Path file = fileInTheWay(absolute.getParent());
                if (file != null) {
                    throw new FileAlreadyExistsException(file.toString(), null, file + " is a file, not a folder");
                }
                throw e;
            }
        }
        try {
            Files.createDirectory(absolute, attributes(absolute, FOLDER));
        }
        catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                // The exception's own message is only the path, which said nothing to whoever read it.
                throw new FileAlreadyExistsException(absolute.toString(), null, "a file by that name is in the way; it must be a folder");
            }
        }
        return absolute;
    }

    /** The nearest of the path and its parents that exists, when that is not a folder. */
    private static Path fileInTheWay(Path path) {
        for (Path at = path; at != null; at = at.getParent()) {
            if (Files.exists(at)) {
                return Files.isDirectory(at) ? null : at;
            }
        }
        return null;
    }

    /**
     * A new, empty file readable by its owner only, made atomically: {@link FileAlreadyExistsException}
     * when the name is taken, whoever took it.
     */
    public static Path createNew(Path file) throws IOException {
        return Files.createFile(file, attributes(file, FILE));
    }

    /** The database file made {@code 0600} (empty, which SQLite takes as a new database) or narrowed, with its companions. */
    static void database(Path file) throws IOException {
        try {
            createNew(file);
        }
        catch (FileAlreadyExistsException e) {
            narrow(file);
        }
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(companion)) {
                narrow(companion);
            }
        }
    }

    private static void narrow(Path file) {
        if (!posix(file)) {
            return;
        }
        try {
            // Only a file that needs it: a chmod of a file already 0600 changes nothing, and fails for a user
            // who does not own it, which warned "chmod 600 it" about a file that was (found in review).
            if (Files.getPosixFilePermissions(file).equals(FILE)) {
                return;
            }
            Files.setPosixFilePermissions(file, FILE);
        }
        catch (IOException e) {
            log.warn("could not make {} readable by its owner only ({}); it holds secrets: chmod 600 it", file, FileProblems.reason(e));
        }
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> permissions) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
