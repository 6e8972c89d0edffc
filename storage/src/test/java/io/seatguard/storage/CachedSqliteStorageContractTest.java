package io.seatguard.storage;

/**
 * The storage contract through {@link AccountStateCache}: the cache must answer every read exactly as the
 * database would, including after writes it had to merge, throttle or refuse.
 */
class CachedSqliteStorageContractTest extends SqliteStorageContractTest {
    @Override
    void wire() {
        super.wire();
        AccountStateCache cache = new AccountStateCache(accounts, devices, evaluations);
        accounts = cache;
        devices = cache;
        evaluations = cache;
        links = cache.invalidating(links);
    }
}
