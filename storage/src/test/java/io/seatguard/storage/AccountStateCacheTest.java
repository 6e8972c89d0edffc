package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.account.LinkedDevice;
import io.seatguard.core.evaluation.EvaluationWrite;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.testing.EvaluationSamples;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An account with more links than the store reads (a bot logging in from a new browser each time) is
 * answered from the links the cache keeps, as the store would answer it, with at most one lookup of the
 * named device's link; the store's own answers are in StorageContract, which also runs on the cache.
 */
class AccountStateCacheTest {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    private static final Instant WINDOW = T0.minus(Duration.ofDays(30));
    private static final int LIMIT = AccountState.DEVICE_LIMIT;

    @TempDir
    Path dataDir;

    private CountedCache store;
    private SqlDatabase database;
    private CountingReads counting;
    private AccountStateCache cache;

    @BeforeEach
    void open() {
        store = new CountedCache(dataDir);
        database = store.database;
        counting = store.counting;
        cache = store.cache;
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anAccountOverTheLimitIsAnsweredFromKeptLinksWithTheNamedDeviceAmongThem() {
        for (int i = 0; i < LIMIT + 5; i++) {
            cache.record(browser("dev-h" + i, T0.plusSeconds(i)));
        }
        AccountState first = load(Optional.empty(), WINDOW);
        assertThat(first.devices()).hasSize(LIMIT);
        assertThat(first.devicesTruncated()).isTrue();
        int loads = counting.accountLoads.get();

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < LIMIT + 5; i++) {
                AccountState named = load(Optional.of("dev-h" + i), WINDOW);
                assertThat(named.devices()).as("naming dev-h%d", i).hasSize(LIMIT).extracting(LinkedDevice::deviceId).contains("dev-h" + i)
                        .doesNotHaveDuplicates();
                assertThat(named.devicesTruncated()).isTrue();
            }
        }
        assertThat(counting.accountLoads.get()).as("no account read after the first").isEqualTo(loads);
        assertThat(counting.links.get()).as("at most one lookup per device never kept, and none on the second round").isLessThanOrEqualTo(LIMIT + 5);

        assertThat(load(Optional.of("dev-nobody"), WINDOW).devices()).as("a device not linked is not made up").hasSize(LIMIT)
                .extracting(LinkedDevice::deviceId).doesNotContain("dev-nobody");
    }

    @Test
    void linksWrittenThroughTheCacheAreAnsweredAsTheStoreHasThem() {
        for (int i = 0; i <= LIMIT; i++) {
            cache.record(browser("dev-h" + i, T0.plusSeconds(i)));
        }
        load(Optional.empty(), WINDOW);
        cache.record(browser("dev-attached", T0.plusSeconds(500)));
        // A later visit of a device that was linked attached, written without attaching: the store keeps it attached.
        cache.record(notAttaching("dev-h3", false, T0.plusSeconds(600)));
        cache.record(notAttaching("dev-detached", true, T0.plusSeconds(700)));

        for (String device : new String[] {"dev-attached", "dev-h3", "dev-detached"}) {
            LinkedDevice cached = link(load(Optional.of(device), WINDOW), device);
            LinkedDevice stored = link(new SqlAccountReader(database).load("app_a", "horde", "198.51.100.1", Optional.empty(), Optional.of(device),
                    WINDOW), device);
            assertThat(cached).as(device).isEqualTo(stored);
        }
        assertThat(link(load(Optional.of("dev-detached"), WINDOW), "dev-detached").status()).as("a carried logout: never let in under this id")
                .isEqualTo(LinkStatus.REFUSED);
        assertThat(link(load(Optional.of("dev-h3"), WINDOW), "dev-h3").status()).isEqualTo(LinkStatus.ATTACHED);
    }

    @Test
    void aWindowTheKeptLinksCannotFillIsReadFromTheStore() {
        for (int i = 0; i < LIMIT + 5; i++) {
            cache.record(browser("dev-h" + i, T0.plusSeconds(i)));
        }
        load(Optional.empty(), WINDOW);
        int loads = counting.accountLoads.get();
        AccountState recent = load(Optional.empty(), T0.plusSeconds(LIMIT + 2));
        assertThat(recent.devices()).as("three links in that window").extracting(LinkedDevice::deviceId)
                .containsExactlyInAnyOrder("dev-h" + (LIMIT + 2), "dev-h" + (LIMIT + 3), "dev-h" + (LIMIT + 4));
        assertThat(recent.devicesTruncated()).isFalse();
        assertThat(counting.accountLoads.get()).as("read from the store").isEqualTo(loads + 1);
    }

    @Test
    void keptLinksStayBoundedWhateverIsNamed() {
        for (int i = 0; i < 3 * AccountStateCache.MAX_KEPT_LINKS; i++) {
            cache.record(browser("dev-h" + i, T0.plusSeconds(i)));
        }
        for (int i = 0; i < 3 * AccountStateCache.MAX_KEPT_LINKS; i++) {
            AccountState named = load(Optional.of("dev-h" + i), WINDOW);
            assertThat(named.devices()).hasSize(LIMIT).extracting(LinkedDevice::deviceId).contains("dev-h" + i);
        }
        assertThat(cache.keptLinks("app_a", "horde")).isBetween(LIMIT + 1, AccountStateCache.MAX_KEPT_LINKS);
    }

    /** What a heartbeat asks (is this device logged out?): answered from the kept links wherever they can tell. */
    @Test
    void aDevicesLinkIsAnsweredFromKeptLinksWhereTheyTell() {
        for (int i = 0; i < 3; i++) {
            cache.record(browser("dev-few" + i, T0.plusSeconds(i)));
        }
        cache.load("app_a", "horde", "198.51.100.1", Optional.empty(), Optional.empty(), WINDOW);
        int loads = counting.accountLoads.get();
        assertThat(cache.link("app_a", "horde", "dev-few1")).map(LinkedDevice::status).contains(LinkStatus.ATTACHED);
        assertThat(cache.link("app_a", "horde", "dev-elsewhere")).as("every link is kept: not linked").isEmpty();
        assertThat(counting.links.get()).isZero();

        for (int i = 0; i < LIMIT + 5; i++) {
            cache.record(browser("dev-h" + i, T0.plusSeconds(10 + i)));
        }
        cache.record(notAttaching("dev-out", true, T0.plusSeconds(400)));
        assertThat(cache.link("app_a", "horde", "dev-out")).as("not kept: looked up").map(LinkedDevice::status).contains(LinkStatus.REFUSED);
        assertThat(cache.link("app_a", "horde", "dev-out")).as("kept since").map(LinkedDevice::status).contains(LinkStatus.REFUSED);
        assertThat(cache.link("app_a", "horde", "dev-elsewhere")).as("some links kept: looked up").isEmpty();
        assertThat(counting.links.get()).isEqualTo(2);
        assertThat(counting.accountLoads.get()).as("no account read").isEqualTo(loads);
    }

    /**
     * Writes (new devices, later visits, attached and not) racing reads that name devices, on an account
     * over the limit: once they are done, every link the cache answers is the store's.
     */
    @Test
    void racingWritesAndReadsLeaveEveryAnsweredLinkAsStored() throws Exception {
        for (int i = 0; i <= LIMIT; i++) {
            cache.record(browser("dev-h" + i, T0.plusSeconds(i)));
        }
        load(Optional.empty(), WINDOW);
        int devices = 300;
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(T0.plusSeconds(1_000).toEpochMilli());
        java.util.Set<String> created = java.util.concurrent.ConcurrentHashMap.newKeySet();
        // A later visit names a device only once its first write returned: a visit written before it would be
        // refused, rightly, for naming a device that is not stored (DeletedSinceRead), which a browser cannot do.
        java.util.Set<String> stored = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long seed = t;
                done.add(pool.submit(() -> {
                    java.util.Random random = new java.util.Random(seed);
                    for (int n = 0; n < 400; n++) {
                        String device = "dev-r" + random.nextInt(devices);
                        Instant at = Instant.ofEpochMilli(clock.addAndGet(1_000));
                        if (random.nextInt(3) == 0) {
                            load(Optional.of(device), WINDOW);
                        }
                        else if (created.add(device)) {
                            cache.record(random.nextBoolean() ? browser(device, at) : notAttaching(device, true, at));
                            stored.add(device);
                        }
                        else if (stored.contains(device)) {
                            cache.record(random.nextBoolean() ? visit(device, false, at) : notAttaching(device, false, at));
                        }
                        else {
                            load(Optional.of(device), WINDOW);
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        SqlAccountReader store = new SqlAccountReader(database);
        for (int i = 0; i < devices; i++) {
            String device = "dev-r" + i;
            assertThat(cache.link("app_a", "horde", device)).as(device).isEqualTo(store.link("app_a", "horde", device));
        }
    }

    /**
     * A device logged out while another request reads the account: the read saw it attached, and the
     * cache must not keep that over the logout (it would answer the device as attached, and the write
     * throttle would then write the link attached again).
     */
    @Test
    void aLogoutThatLandsWhileTheAccountIsReadIsNotUndoneByTheRead() {
        cache.record(browser("dev-out", T0));
        io.seatguard.core.account.DeviceLinks links = cache.invalidating(new SqlDeviceLinks(database));
        counting.afterNextAccountLoad = () -> assertThat(links.detach("app_a", "horde", "dev-out", T0)).isTrue();

        assertThat(link(load(Optional.of("dev-out"), WINDOW), "dev-out").status()).as("what the read saw").isEqualTo(LinkStatus.ATTACHED);
        assertThat(link(load(Optional.of("dev-out"), WINDOW), "dev-out").status()).as("the logout, as stored").isEqualTo(LinkStatus.DETACHED);
    }

    /**
     * A challenged login links nothing (the cache keeps no link either), and passing its challenge attaches
     * the device outside any evaluation: the cached account must answer the link at once.
     */
    @Test
    void aDeviceAttachedByAPassedChallengeIsAnsweredAtOnce() {
        cache.record(browser("dev-own", T0));
        EvaluationWrite challenged = visit("dev-challenged", true, T0.plusSeconds(10));
        cache.record(new EvaluationWrite(challenged.evaluation(), challenged.device(), false,
                new io.seatguard.core.evaluation.Touches(true, true, true, true, false, true), challenged.components()));
        assertThat(load(Optional.of("dev-challenged"), WINDOW).device("dev-challenged")).as("cached, without the link").isEmpty();

        io.seatguard.core.account.DeviceLinks links = cache.invalidating(new SqlDeviceLinks(database));
        assertThat(links.attach("app_a", "horde", "dev-challenged", challenged.evaluation().id(), T0.plusSeconds(10), T0.plusSeconds(60), true)).isTrue();
        assertThat(link(load(Optional.of("dev-challenged"), WINDOW), "dev-challenged").status()).isEqualTo(LinkStatus.ATTACHED);
    }

    /** A write committed while the account is read, before its entry is filled, is not lost to the older read. */
    @Test
    void aWriteThatLandsWhileTheAccountIsReadIsNotLostByTheRead() {
        cache.record(browser("dev-one", T0));
        counting.afterNextAccountLoad = () -> cache.record(browser("dev-two", T0.plusSeconds(1)));

        assertThat(load(Optional.empty(), WINDOW).devices()).as("what the read saw").extracting(LinkedDevice::deviceId).containsExactly("dev-one");
        assertThat(load(Optional.empty(), WINDOW).devices()).extracting(LinkedDevice::deviceId).containsExactlyInAnyOrder("dev-one", "dev-two");
        assertThat(load(Optional.empty(), WINDOW).devices()).as("and kept once read whole").extracting(LinkedDevice::deviceId)
                .containsExactlyInAnyOrder("dev-one", "dev-two");
    }

    /** A bot rotating addresses on one account cannot grow its entry without bound, and answers stay the store's. */
    @Test
    void anAccountsKeptAddressesStayBoundedAndStillAnswerAsStored() {
        cache.record(browser("dev-one", T0));
        load(Optional.empty(), WINDOW);
        for (int i = 0; i < 3 * AccountStateCache.MAX_KEYS; i++) {
            String ip = "2001:db8:" + Integer.toHexString(i) + "::1";
            assertThat(cache.load("app_a", "horde", ip, Optional.of("fp-" + i), Optional.empty(), WINDOW).ip()).as(ip).isEmpty();
            assertThat(cache.keptKeys("app_a", "horde")).isLessThanOrEqualTo(2 * AccountStateCache.MAX_KEYS + 2);
        }
        SqlAccountReader stored = new SqlAccountReader(database);
        AccountState seen = load(Optional.empty(), WINDOW);
        assertThat(seen.ip()).as("the address written, read again after the maps started over").isPresent()
                .isEqualTo(stored.load("app_a", "horde", "198.51.100.1", Optional.empty(), Optional.empty(), WINDOW).ip());
    }

    /** A shared network (a carrier's NAT, an office) is asked about by every visitor from it. */
    @Test
    void aNetworkFoundSharedIsAnsweredFromMemoryForALittleLaterSinceAndOneBelowTheLimitIsAlwaysRead() {
        String network = eightDevicesOnOneNetwork();
        int reads = counting.reads.get();

        assertThat(cache.devicesOnNetwork("app_a", network, WINDOW, 8)).isEqualTo(8);
        assertThat(cache.devicesOnNetwork("app_a", network, WINDOW.plus(AccountStateCache.SHARED_NETWORK_REUSE), 8)).isEqualTo(8);
        assertThat(cache.devicesOnNetwork("app_a", network, WINDOW.minus(Duration.ofDays(1)), 8)).as("an earlier since counts more, never fewer")
                .isEqualTo(8);
        assertThat(counting.reads.get()).as("one read for the three").isEqualTo(reads + 1);

        assertThat(cache.devicesOnNetwork("app_a", network, T0.plusSeconds(4), 8)).as("a since further on is read: dev-n4 to dev-n7").isEqualTo(4);
        assertThat(counting.reads.get()).isEqualTo(reads + 2);

        assertThat(cache.devicesOnNetwork("app_a", network, WINDOW, 9)).as("below this limit").isEqualTo(8);
        assertThat(cache.devicesOnNetwork("app_a", network, WINDOW, 9)).isEqualTo(8);
        assertThat(cache.devicesOnNetwork("app_b", network, WINDOW, 8)).as("another app's network").isZero();
        assertThat(counting.reads.get()).as("a count below the limit is read every time").isEqualTo(reads + 5);
    }

    /** An erasure or a pruning pass deletes evaluations that counted towards a shared network. */
    @Test
    void aNetworkFoundSharedIsCountedAgainOnceItsAppsEvaluationsWereDeleted() {
        String network = eightDevicesOnOneNetwork();
        int reads = counting.reads.get();
        assertThat(cache.devicesOnNetwork("app_a", network, WINDOW, 8)).isEqualTo(8);
        assertThat(cache.devicesOnNetwork("app_b", network, WINDOW, 0)).as("at limit 0 any count has reached it: kept too").isZero();
        assertThat(counting.reads.get()).isEqualTo(reads + 2);

        cache.forgetSharedNetworks("app_b");
        assertThat(cache.devicesOnNetwork("app_a", network, WINDOW, 8)).as("another app's erasure").isEqualTo(8);
        assertThat(counting.reads.get()).isEqualTo(reads + 2);

        cache.forgetSharedNetworks("app_a");
        assertThat(cache.devicesOnNetwork("app_a", network, WINDOW, 8)).isEqualTo(8);
        assertThat(counting.reads.get()).as("read again after app_a's erasure").isEqualTo(reads + 3);

        cache.forgetSharedNetworks();
        assertThat(cache.devicesOnNetwork("app_a", network, WINDOW, 8)).isEqualTo(8);
        assertThat(cache.devicesOnNetwork("app_b", network, WINDOW, 0)).isZero();
        assertThat(counting.reads.get()).as("read again after pruning, in every app").isEqualTo(reads + 5);
    }

    /** Records dev-n0 to dev-n7 in app_a, one a second from T0, all from the network returned. */
    private String eightDevicesOnOneNetwork() {
        for (int i = 0; i < 8; i++) {
            cache.record(browser("dev-n" + i, T0.plusSeconds(i)));
        }
        return "198.51.100.0/24";
    }

    private AccountState load(Optional<String> deviceId, Instant since) {
        return cache.load("app_a", "horde", "198.51.100.1", Optional.empty(), deviceId, since);
    }

    private static LinkedDevice link(AccountState state, String deviceId) {
        return state.devices().stream().filter(link -> link.deviceId().equals(deviceId)).findFirst().orElseThrow();
    }

    /** A new browser's first visit, attaching it to the account. */
    private static EvaluationWrite browser(String deviceId, Instant at) {
        return visit(deviceId, true, at);
    }

    private static EvaluationWrite visit(String deviceId, boolean newDevice, Instant at) {
        return EvaluationSamples.write("app_a", "ev-" + deviceId + "-" + at.toEpochMilli(), "horde", deviceId, newDevice,
                "tok-" + deviceId + "-xxxxxxxx", null, DeviceType.COMPUTER, "198.51.100.1", at);
    }

    private static EvaluationWrite notAttaching(String deviceId, boolean newDevice, Instant at) {
        EvaluationWrite write = visit(deviceId, newDevice, at);
        return new EvaluationWrite(write.evaluation(), write.device(), false, write.touches(), write.components());
    }
}
