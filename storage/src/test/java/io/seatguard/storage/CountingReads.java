package io.seatguard.storage;

import io.seatguard.core.account.AccountReader;
import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.LinkedDevice;
import io.seatguard.core.identity.DeviceDirectory;
import io.seatguard.core.identity.KnownDevice;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The database readers behind the caches, counting the queries that reach them. */
final class CountingReads implements AccountReader, DeviceDirectory {
    /** Every query. */
    final AtomicInteger reads = new AtomicInteger();
    /** Account loads and link lookups, apart. */
    final AtomicInteger accountLoads = new AtomicInteger();
    final AtomicInteger links = new AtomicInteger();
    /**
     * Run once, right after the next account load has read the database and before the cache uses what
     * it read: a change that lands in that gap (a logout, another write).
     */
    volatile Runnable afterNextAccountLoad;
    /** The same for the next read of devices' latest components. */
    volatile Runnable afterNextLatest;
    private final AccountReader accounts;
    private final DeviceDirectory devices;

    CountingReads(AccountReader accounts, DeviceDirectory devices) {
        this.accounts = accounts;
        this.devices = devices;
    }

    @Override
    public AccountState load(String appId, String userId, String ip, Optional<String> fingerprintId, Optional<String> deviceId, Instant since) {
        reads.incrementAndGet();
        accountLoads.incrementAndGet();
        AccountState loaded = accounts.load(appId, userId, ip, fingerprintId, deviceId, since);
        Runnable gap = afterNextAccountLoad;
        afterNextAccountLoad = null;
        runGap(gap);
        return loaded;
    }

    @Override
    public Optional<LinkedDevice> link(String appId, String userId, String deviceId) {
        reads.incrementAndGet();
        links.incrementAndGet();
        return accounts.link(appId, userId, deviceId);
    }

    @Override
    public Optional<KnownDevice> findByTokenHash(String appId, String tokenHash) {
        reads.incrementAndGet();
        return devices.findByTokenHash(appId, tokenHash);
    }

    @Override
    public Map<String, Integer> lowestRecentBrowserMajor(String appId, java.util.Collection<String> deviceIds, Instant since) {
        reads.incrementAndGet();
        return devices.lowestRecentBrowserMajor(appId, deviceIds, since);
    }

    @Override
    public Optional<KnownDevice> findByFingerprint(String appId, String fingerprintId) {
        reads.incrementAndGet();
        return devices.findByFingerprint(appId, fingerprintId);
    }

    @Override
    public Block block(String appId, String blockingKey, int limit) {
        reads.incrementAndGet();
        return devices.block(appId, blockingKey, limit);
    }

    @Override
    public java.util.Map<String, java.util.Set<String>> networksSince(String appId, java.util.Collection<String> deviceIds, Instant since) {
        reads.incrementAndGet();
        return devices.networksSince(appId, deviceIds, since);
    }

    @Override
    public int devicesOnNetwork(String appId, String network, Instant since, int limit) {
        reads.incrementAndGet();
        return devices.devicesOnNetwork(appId, network, since, limit);
    }

    @Override
    public java.util.List<io.seatguard.core.identity.DeviceToken> tokens(String appId, String deviceId, String tokenHash) {
        reads.incrementAndGet();
        return devices.tokens(appId, deviceId, tokenHash);
    }

    @Override
    public boolean wasLetIn(String appId, String deviceId) {
        reads.incrementAndGet();
        return devices.wasLetIn(appId, deviceId);
    }

    @Override
    public java.util.List<io.seatguard.core.identity.StoredDevice> latest(String appId, java.util.Collection<String> deviceIds) {
        reads.incrementAndGet();
        java.util.List<io.seatguard.core.identity.StoredDevice> latest = devices.latest(appId, deviceIds);
        Runnable gap = afterNextLatest;
        afterNextLatest = null;
        runGap(gap);
        return latest;
    }

    private static void runGap(Runnable gap) {
        if (gap != null) {
            gap.run();
        }
    }
}
