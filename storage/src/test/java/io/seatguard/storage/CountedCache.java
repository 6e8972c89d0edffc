package io.seatguard.storage;

import java.nio.file.Path;

/**
 * An embedded database with the account-state cache in front of it, as the server wires them, and a count
 * of the reads that get past the cache: what the cache tests compare with the database.
 */
final class CountedCache implements AutoCloseable {
    final SqlDatabase database;
    final CountingReads counting;
    final AccountStateCache cache;
    /** The keys the cache takes for never written; a test adds one to stand for a false positive. */
    final KnownKeys known;

    CountedCache(Path dataDir) {
        database = SqlDatabase.open(StorageSettings.embedded(dataDir));
        known = KnownKeys.sizedFor(database);
        known.load(database);
        counting = new CountingReads(new SqlAccountReader(database), new SqlDeviceDirectory(database));
        cache = new AccountStateCache(counting, counting, new SqlEvaluationStore(database), known);
    }

    @Override
    public void close() {
        database.close();
    }
}
