package io.seatguard.server.cli;

import io.seatguard.storage.SqlDatabase;
import io.seatguard.storage.StorageSettings;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where a command that opens the store itself finds it: the embedded data folder, or PostgreSQL. */
final class StoreLocation {
    @Option(names = "--data-dir", defaultValue = "${env:SEATGUARD_DATA_DIR:-./data}", description = "The embedded database's folder, as for serve (env SEATGUARD_DATA_DIR; default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database-url", defaultValue = "${env:SEATGUARD_DATABASE_URL}", description = "PostgreSQL URL, as for serve (env SEATGUARD_DATABASE_URL).")
    String databaseUrl;

    /** Opens the store with a pool of two connections: a command does one thing at a time. */
    SqlDatabase open() {
        return SqlDatabase.open(new StorageSettings(postgres(), dataDir, 2));
    }

    /** The PostgreSQL URL, when one is set and not blank. */
    Optional<String> postgres() {
        return databaseUrl == null || databaseUrl.isBlank() ? Optional.empty() : Optional.of(databaseUrl.trim());
    }
}
