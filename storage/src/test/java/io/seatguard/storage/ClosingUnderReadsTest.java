package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that stops while a request's read still waits on PostgreSQL (a table locked by a migration,
 * say) closes its pools under that read. Found stopping such a node with SIGTERM: the read failed as a
 * lost connection, and the log's last word on storage was that it was unreachable.
 */
class ClosingUnderReadsTest {
    @TempDir
    Path dataDir;

    @Test
    void aReadTheCloseCutsOffIsRefusedAsShuttingDownNotAsAnOutage() throws Exception {
        try (PostgresTestDatabase schema = PostgresTestDatabase.create()) {
            SqlDatabase database = SqlDatabase.open(StorageSettings.of(schema.url(), dataDir));
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> database.read(connection -> JdbcRunner
                    .queryOne(connection, "SELECT 1 FROM (SELECT pg_sleep(10)) AS slept", row -> row.getInt(1)).orElseThrow()));
            Thread.sleep(500);
            database.close();

            CompletionException failed = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, read::join);
            assertThat(failed.getCause()).isInstanceOf(SeatguardException.class).hasMessage("Storage is shutting down");
            assertThat(((SeatguardException) failed.getCause()).code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
            assertThat(database.outageStats().outages()).as("no outage was declared").isZero();
        }
    }
}
