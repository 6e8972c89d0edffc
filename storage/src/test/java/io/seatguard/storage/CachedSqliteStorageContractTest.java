package io.seatguard.storage;

/**
 * The storage contract through {@link AccountStateCache}: the cache must answer every read exactly as the
 * database would, including after writes it had to merge, throttle or refuse.
 */
class CachedSqliteStorageContractTest extends SqliteStorageContractTest {
    @org.junit.jupiter.api.Test
    void anAccountWithMoreLinksThanTheCacheKeepsIsReadFromTheDatabase() {
        java.time.Instant old = T0.minus(java.time.Duration.ofDays(60));
        for (int i = 0; i <= AccountStateCache.MAX_LINKS; i++) {
            evaluations.record(io.seatguard.core.testing.EvaluationSamples.write("app_a", id(), "resold", "dev-" + i, true, "tok-resold-" + i + "-xxxxxx",
                    null, io.seatguard.core.identity.DeviceType.COMPUTER, "198.51.100.1", i == 0 ? T0 : old));
        }
        java.time.Instant since = T0.minus(java.time.Duration.ofDays(30));
        for (int read = 0; read < 2; read++) {
            var state = accounts.load("app_a", "resold", "198.51.100.1", java.util.Optional.empty(), java.util.Optional.empty(), since);
            org.assertj.core.api.Assertions.assertThat(state.devices()).extracting(io.seatguard.core.account.LinkedDevice::deviceId).containsExactly("dev-0");
            org.assertj.core.api.Assertions.assertThat(state.userKnown()).isTrue();
        }
    }

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
