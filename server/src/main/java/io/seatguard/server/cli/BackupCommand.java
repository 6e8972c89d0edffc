package io.seatguard.server.cli;

import static java.util.Objects.requireNonNull;

import io.seatguard.server.http.Json;
import io.seatguard.storage.FileProblems;
import io.seatguard.storage.LeftoverWriteAheadLog;
import io.seatguard.storage.PrivateFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sqlite.SQLiteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backup --to FILE}: one consistent copy of the embedded database, taken while the server runs.
 *
 * <p>Why {@code VACUUM INTO}: it reads the database in one read transaction, so the copy is the state
 * of one moment, commits still in the WAL included, and the server's writer goes on meanwhile. Copying
 * {@code seatguard.db} as a file misses what is still in {@code seatguard.db-wal}, and SQLite's backup
 * API restarts each time another connection writes, so under steady load it may never finish.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the embedded database to a new file, while the server runs or not (PostgreSQL: use pg_dump).")
public final class BackupCommand implements Callable<Integer> {
    static final int REFUSED = StoreUnavailable.REFUSED;

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, description = "The copy's path: a new file in an existing folder, made readable by its owner only.")
    Path to;

    /** {@code --data-dir}, or a {@code jdbc:sqlite:} file's URL; with a PostgreSQL URL the command refuses: pg_dump is the tool there. */
    @Mixin
    StoreLocation store;

    /**
     * Run once VACUUM INTO has written the copy, before it is put on the disk: a test's way to act on the
     * copy's folder, or to end the copy with a failure no catch above names. Given at construction, so that
     * a test's hook belongs to its own command and cannot be changed under a run.
     */
    private final Runnable copyWritten;

    /** The command as picocli makes it. */
    public BackupCommand() {
        this(() -> {});
    }

    BackupCommand(Runnable copyWritten) {
        this.copyWritten = requireNonNull(copyWritten, "copyWritten is null");
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path database;
        try {
            Optional<Path> embedded = store.existingEmbeddedFile();
            if (embedded.isEmpty()) {
                err.println("seatguard: backup copies embedded storage; with this --database-url the data is in PostgreSQL: use pg_dump");
                return REFUSED;
            }
            database = embedded.get();
        }
        catch (StoreUnavailable e) {
            err.println("seatguard: " + e.getMessage());
            return e.exitStatus;
        }
        Path target = to.toAbsolutePath();
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            boolean fileInTheWay = target.getParent() != null && Files.exists(target.getParent());
            err.println("seatguard: the folder of " + target + (fileInTheWay ? ", " + target.getParent() + ", is a file, not a folder" : " does not exist"));
            return REFUSED;
        }
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            err.println("seatguard: " + target + " exists already; give the copy a new file name");
            return REFUSED;
        }
        try {
            // A copy read through another database's log would carry that log's pages: refused as serve refuses it.
            LeftoverWriteAheadLog.refuse(database);
        }
        catch (IllegalStateException e) {
            err.println("seatguard: " + e.getMessage());
            return 1;
        }
        // The copy is written under a name of its own in the same folder, and given the --to name only
        // once it is whole and on the disk. A backup killed halfway (kill -9, a full disk, a reboot) left a
        // file at the --to name with no tables: restored, it started a brand-new store without complaint
        // (found in review). What a killed run leaves is named *.incomplete-<pid>-<random>, never the backup's name.
        Path partial = target.resolveSibling(target.getFileName() + INCOMPLETE + ProcessHandle.current().pid() + "-"
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 40));
        // Made at once and readable by its owner only (it holds the database's secrets); VACUUM INTO fills the empty file.
        try {
            PrivateFiles.createNew(partial);
        }
        catch (IOException e) {
            // The file made first has a name of this run's own, which the user never gave: name the copy
            // and its folder, and the reason in words (the exception's message was that name alone).
            err.println("seatguard: cannot write the copy " + target + ": its folder " + target.getParent() + " takes no new file ("
                    + FileProblems.reason(e) + ")");
            return 1;
        }
        SQLiteConfig config = new SQLiteConfig();
        // The server's writer may hold the write lock for a commit; the copy only needs to begin reading.
        config.setBusyTimeout(10_000);
        boolean published = false;
        try {
            try (Connection connection = config.createConnection("jdbc:sqlite:" + database);
                    PreparedStatement copy = connection.prepareStatement("VACUUM INTO ?")) {
                copy.setString(1, partial.toString());
                copy.execute();
            }
            copyWritten.run();
            DurableFiles.sync(partial);
            long bytes = Files.size(partial);
            if (!DurableFiles.publish(partial, target, err)) {
                err.println("seatguard: " + target + " exists already; give the copy a new file name");
                return REFUSED;
            }
            published = true;
            spec.commandLine().getOut().println("{\"file\":" + jsonString(target.toString()) + ",\"bytes\":" + bytes + "}");
            return 0;
        }
        catch (SQLException | IOException e) {
            // A file's failure named the temporary file alone; the copy's name and the reason say more.
            String reason = e instanceof IOException io ? FileProblems.reason(io) : e.getMessage();
            err.println("seatguard: the copy failed, so nothing was written to " + target + ": " + reason);
            return 1;
        }
        finally {
            // A copy that stopped halfway must not be mistaken for a backup later; this run made the file. In
            // every case: an unchecked exception (a driver's, an OutOfMemoryError) left it behind when only
            // the caught ones removed it (found in review). Once published, the temporary name is gone already,
            // or it is the whole copy under a second name, which publish tried to remove and named if it could not.
            if (!published) {
                deleteQuietly(partial, err);
            }
        }
    }

    /** What a copy under way is named after: {@code copy.db.incomplete-<pid>-<random>}. */
    static final String INCOMPLETE = ".incomplete-";

    private static void deleteQuietly(Path partial, PrintWriter err) {
        for (Path file : new Path[] {partial, partial.resolveSibling(partial.getFileName() + "-journal")}) {
            try {
                Files.deleteIfExists(file);
            }
            catch (IOException cleanup) {
                err.println("seatguard: remove the incomplete copy " + file + " (" + cleanup.getMessage() + ")");
            }
        }
    }

    private static String jsonString(String text) {
        return Json.MAPPER.getNodeFactory().textNode(text).toString();
    }
}
