package io.seatguard.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on the machine's real PostgreSQL, in a schema of its own per test. */
class PostgresStorageContractTest extends StorageContract {
    @TempDir
    Path dataDir;

    private PostgresTestDatabase postgres;

    @Override
    SqlDatabase openDatabase() {
        postgres = PostgresTestDatabase.create();
        return reopenDatabase();
    }

    @Override
    SqlDatabase reopenDatabase() {
        return SqlDatabase.open(StorageSettings.of(postgres.url(), dataDir));
    }

    @Override
    java.sql.Connection rawConnection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(postgres.url());
    }

    @Override
    DatabaseKind expectedKind() {
        return DatabaseKind.POSTGRESQL;
    }

    @AfterEach
    void dropSchema() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
