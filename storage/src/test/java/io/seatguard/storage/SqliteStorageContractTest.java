package io.seatguard.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on the embedded SQLite file. */
class SqliteStorageContractTest extends StorageContract {
    @TempDir
    Path dataDir;

    @Override
    SqlDatabase openDatabase() {
        return SqlDatabase.open(StorageSettings.embedded(dataDir));
    }

    @Override
    SqlDatabase reopenDatabase() {
        return openDatabase();
    }

    @Override
    DatabaseKind expectedKind() {
        return DatabaseKind.SQLITE;
    }
}
