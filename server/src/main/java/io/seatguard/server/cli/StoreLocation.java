package io.seatguard.server.cli;

import io.seatguard.storage.DatabaseKind;
import io.seatguard.storage.ExistingStore;
import io.seatguard.storage.JdbcTarget;
import io.seatguard.storage.NoStoreException;
import io.seatguard.storage.SqlDatabase;
import io.seatguard.storage.StorageSettings;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where a command that opens the store itself finds it: the embedded data folder, or PostgreSQL. Unlike
 * {@code serve}, a command makes no store unless told to ({@link #openOrMake}, for {@code operators create
 * --new-store}): one it cannot find is refused ({@link ExistingStore}), so that a mistyped {@code
 * --data-dir} or the wrong working directory is said, not written to.
 */
final class StoreLocation {
    @Option(names = "--data-dir", defaultValue = "${env:SEATGUARD_DATA_DIR:-./data}", description = "The embedded database's folder, as for serve (env SEATGUARD_DATA_DIR; default ${DEFAULT-VALUE}; empty is the default).")
    String dataDir;

    @Option(names = "--database-url", defaultValue = "${env:SEATGUARD_DATABASE_URL}", description = "The database URL, as for serve: PostgreSQL, or jdbc:sqlite:/path/seatguard.db (env SEATGUARD_DATABASE_URL).")
    String databaseUrl;

    /**
     * Opens the store a server (or {@link #openOrMake}) made. A store of an earlier release is migrated
     * forward first, as the server's start would: the command is the newer binary, and its queries need
     * the newer tables.
     */
    SqlDatabase openExisting() throws StoreUnavailable {
        try {
            StorageSettings settings = settings();
            return opened(() -> SqlDatabase.openExisting(settings));
        }
        catch (NoStoreException e) {
            throw new StoreUnavailable(e.getMessage() + hint(), StoreUnavailable.REFUSED, e);
        }
    }

    /**
     * Opens the store, making it (the data folder, the file, the tables) when there is none, as the
     * server's start does: for whoever asked for a new store by name, to provision it before that start.
     */
    SqlDatabase openOrMake() throws StoreUnavailable {
        try {
            StorageSettings settings = settings();
            return opened(() -> SqlDatabase.open(settings));
        }
        catch (NoStoreException e) {
            // Another application's database where the store would be made: refused as serve refuses it.
            throw new StoreUnavailable(e.getMessage(), StoreUnavailable.REFUSED, e);
        }
    }

    /** The store {@code opening} opens, its faults said as a command says them: a URL that is none, or a database that does not answer. */
    private static SqlDatabase opened(java.util.function.Supplier<SqlDatabase> opening) throws StoreUnavailable {
        try {
            return opening.get();
        }
        catch (IllegalArgumentException e) {
            throw new StoreUnavailable("--database-url: " + e.getMessage(), StoreUnavailable.REFUSED, e);
        }
        catch (IllegalStateException e) {
            throw new StoreUnavailable(e.getMessage(), StoreUnavailable.FAILED, e);
        }
    }

    /**
     * The embedded database file, when the store is one and it is there (for backup, which copies the file
     * itself): {@code --data-dir}'s, or the file a {@code jdbc:sqlite:} URL names. Empty when the store is
     * in PostgreSQL.
     */
    Optional<Path> existingEmbeddedFile() throws StoreUnavailable {
        Path file = folder().resolve(StorageSettings.EMBEDDED_FILE_NAME);
        if (databaseUrl().isPresent()) {
            JdbcTarget target;
            try {
                target = JdbcTarget.parse(databaseUrl().get());
            }
            catch (IllegalArgumentException e) {
                throw new StoreUnavailable("--database-url: " + e.getMessage(), StoreUnavailable.REFUSED, e);
            }
            if (target.kind() == DatabaseKind.POSTGRESQL) {
                return Optional.empty();
            }
            file = target.sqliteFile().orElseThrow(() -> new StoreUnavailable("--database-url " + databaseUrl().get()
                    + " names no SQLite file by its path; name the server's as jdbc:sqlite:/path/seatguard.db", StoreUnavailable.REFUSED, null));
        }
        try {
            return Optional.of(ExistingStore.embeddedFile(file));
        }
        catch (NoStoreException e) {
            throw new StoreUnavailable(e.getMessage() + hint(), StoreUnavailable.REFUSED, e);
        }
    }

    /** A pool of two connections: a command does one thing at a time. */
    private StorageSettings settings() throws StoreUnavailable {
        Optional<String> fault = databaseUrl().flatMap(io.seatguard.server.config.SqliteUrl::fault);
        if (fault.isPresent()) {
            throw new StoreUnavailable("--database-url " + fault.get(), StoreUnavailable.REFUSED, null);
        }
        return new StorageSettings(databaseUrl(), folder(), 2);
    }

    /** {@code --data-dir}'s folder; one the embedded database cannot be opened in is refused as serve refuses it. */
    private Path folder() throws StoreUnavailable {
        try {
            return DataDirText.folder(dataDir);
        }
        catch (io.seatguard.server.config.ConfigException e) {
            throw new StoreUnavailable(e.getMessage(), StoreUnavailable.REFUSED, e);
        }
    }

    private String hint() {
        return databaseUrl().isPresent()
                ? " (set --database-url to the server's database; the server makes its tables at its first start)"
                : " (set --data-dir to the server's data folder; the server makes its database at its first start)";
    }

    /** The database URL (PostgreSQL's, or an explicit SQLite file's), when one is set and not blank. */
    private Optional<String> databaseUrl() {
        return databaseUrl == null || databaseUrl.isBlank() ? Optional.empty() : Optional.of(databaseUrl.trim());
    }
}
