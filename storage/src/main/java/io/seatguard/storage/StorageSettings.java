package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the data lives: a PostgreSQL (or explicit SQLite) URL, or by default a SQLite file in the data
 * folder; and, for SQLite, when its commits reach the disk.
 */
public record StorageSettings(Optional<String> databaseUrl, Path dataDir, int readPoolSize, SqliteSynchronous sqliteSynchronous) {
    public static final String EMBEDDED_FILE_NAME = "seatguard.db";

    public StorageSettings {
        requireNonNull(databaseUrl, "databaseUrl is null");
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(sqliteSynchronous, "sqliteSynchronous is null");
        if (readPoolSize < 1) {
            throw new IllegalArgumentException("readPoolSize must be at least 1");
        }
    }

    /** Commits flushed to the disk one group at a time ({@link SqliteSynchronous#FULL}). */
    public StorageSettings(Optional<String> databaseUrl, Path dataDir, int readPoolSize) {
        this(databaseUrl, dataDir, readPoolSize, SqliteSynchronous.FULL);
    }

    public static StorageSettings embedded(Path dataDir) {
        return new StorageSettings(Optional.empty(), dataDir, 8);
    }

    public static StorageSettings of(String databaseUrl, Path dataDir) {
        return new StorageSettings(Optional.of(databaseUrl), dataDir, 8);
    }
}
