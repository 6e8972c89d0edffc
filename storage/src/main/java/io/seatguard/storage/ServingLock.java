package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One server at a time on an embedded database: a lock on {@code seatguard.db.lock} beside the database,
 * held while the server runs.
 *
 * <p>Why: a server keeps what it wrote in memory (the keys it has stored, accounts' recent state and
 * activity), trusting that it is the database's only writer. Two servers started on one data folder
 * (a second {@code serve} on another port) each answered from their own memory: one called a user and a
 * device new that the other had just stored. SQLite's own locks keep the file intact but not the
 * servers' memory true, so the second server is refused at start. The command-line tools that write
 * directly ({@code operators create}) keep nothing in memory and take no lock.
 *
 * <p>The lock is the operating system's ({@code fcntl} on Linux): a server that is killed, even with
 * {@code kill -9}, lets go of it with its process, so the file left behind never blocks a restart. The
 * file holds the holder's process id, for the refusal's message.
 */
final class ServingLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ServingLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of an embedded database file. */
    static Path fileFor(Path database) {
        return database.resolveSibling(database.getFileName() + ".lock");
    }

    /** @throws IllegalStateException when another server holds it, naming that server's process when it can */
    static ServingLock acquire(Path database) {
        requireNonNull(database, "database is null");
        Path file = fileFor(database.toAbsolutePath().normalize());
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot open the lock file " + file + ": " + FileProblems.reason(e), e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            }
            catch (OverlappingFileLockException e) {
                throw inUse(database, "another server in this process");
            }
            if (lock == null) {
                throw inUse(database, "another process" + holder(file));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new ServingLock(file, channel, lock);
        }
        catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof IllegalStateException refused) {
                throw refused;
            }
            throw new IllegalStateException("cannot lock " + file + ": " + (e instanceof IOException io ? FileProblems.reason(io) : e.getMessage()), e);
        }
    }

    private static IllegalStateException inUse(Path database, String byWhom) {
        return new IllegalStateException("the embedded database " + database + " is already served by " + byWhom
                + "; one server per data folder: stop that one, or give this one another --data-dir (several nodes share one PostgreSQL)");
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d{1,10}") ? " (pid " + pid + ")" : "";
        }
        catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        }
        catch (IOException ignored) {
            // Closing releases whatever it held; nothing more to do.
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            lock.release();
        }
        catch (IOException ignored) {
            // Closing the channel below releases it as well.
        }
        closeQuietly(channel);
    }
}
