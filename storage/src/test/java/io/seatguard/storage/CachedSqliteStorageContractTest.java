package io.seatguard.storage;

/**
 * The storage contract through {@link AccountStateCache}: the cache must answer every read exactly as the
 * database would, including after writes it had to merge, throttle or refuse.
 */
class CachedSqliteStorageContractTest extends SqliteStorageContractTest {
    private KnownKeys known;

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
        known = KnownKeys.sizedFor(database);
        known.load(database);
        AccountStateCache cache = new AccountStateCache(accounts, devices, new SqlEvaluationStore(database), known);
        accounts = cache;
        devices = cache;
        evaluations = cache;
        links = cache.invalidating(links);
        forgetDevices = cache::forgetDevices;
        ActivityCache recent = new ActivityCache(new SqlActivityReader(database), evaluations, known);
        evaluations = recent;
        activity = recent;
        // As SeatguardServer wires it.
        forgetErasedAccount = (appId, userId) -> {
            cache.forgetAccount(appId, userId);
            cache.forgetSharedNetworks(appId);
            cache.forgetDevices();
            recent.forget(appId, userId);
        };
    }

    /** As SeatguardServer wires one: in front of the store, so each write reaches it. */
    @Override
    io.seatguard.core.account.ActivityReader activityWith(io.seatguard.core.checks.CheckSettings settings) {
        ActivityCache cache = new ActivityCache(new SqlActivityReader(database, settings), evaluations, known);
        evaluations = cache;
        return cache;
    }

    /**
     * The database's own answer, for comparison; but for {@code countryUpToDate}, which the cache does not
     * report from memory (ActivityCache says why), so its evaluations run the country's upsert.
     */
    private io.seatguard.core.account.AccountActivity fromDatabase(String user, java.util.Optional<String> country, java.time.Instant at,
            java.time.Duration window) {
        return fromDatabase(user, country, at, window, false);
    }

    /** The same for an evaluation vouched for ({@code vouchedOnly}) or not. */
    private io.seatguard.core.account.AccountActivity fromDatabase(String user, java.util.Optional<String> country, java.time.Instant at,
            java.time.Duration window, boolean vouchedOnly) {
        io.seatguard.core.account.AccountActivity read = new SqlActivityReader(database).read("app_a", user, country, java.util.Optional.of("fp-" + user),
                at, window, vouchedOnly);
        return new io.seatguard.core.account.AccountActivity(read.lastLocated(), read.countrySeenBefore(), read.countries24h(), read.eventsInWindow(),
                read.fingerprintUsers(), false);
    }

    private void placed(String user, java.time.Instant at, String country, Double latitude) {
        placed(user, at, country, latitude, java.util.Optional.empty());
    }

    /** The same, with how its account came to be named: empty as a write that did not say, which counts as unsigned. */
    private void placed(String user, java.time.Instant at, String country, Double latitude,
            java.util.Optional<io.seatguard.core.evaluation.IdentityProof> identity) {
        io.seatguard.core.evaluation.EvaluationWrite plain = io.seatguard.core.testing.EvaluationSamples.write("app_a", id(), user, "dev-" + user,
                false, null, "fp-" + user, io.seatguard.core.identity.DeviceType.COMPUTER, "198.51.100.1", at, identity);
        io.seatguard.core.intel.Place place = new io.seatguard.core.intel.Place(java.util.Optional.ofNullable(country),
                latitude == null ? java.util.Optional.empty() : java.util.Optional.of(new io.seatguard.core.intel.Coordinates(latitude, 2.0, 25)));
        evaluations.record(withItsDevice(new io.seatguard.core.evaluation.EvaluationWrite(plain.evaluation(), plain.device(), true, plain.touches(),
                java.util.Map.of(), place)));
    }

    @org.junit.jupiter.api.Test
    void recentActivityFromMemoryEqualsTheDatabaseThroughWritesBackdatingAndADayOfEvents() {
        java.util.Random random = new java.util.Random(42);
        String[] countries = {"FR", "DE", null, "US", "FR"};
        java.time.Instant at = T0;
        for (int step = 0; step < 300; step++) {
            at = at.plusSeconds(60 + random.nextInt(3_600));
            java.util.Optional<String> asked = java.util.Optional.ofNullable(countries[random.nextInt(countries.length)]);
            java.time.Duration window = java.time.Duration.ofMinutes(1 + random.nextInt(24 * 60));
            org.assertj.core.api.Assertions.assertThat(activity.read("app_a", "erin", asked, java.util.Optional.of("fp-erin"), at, window))
                    .as("step " + step).isEqualTo(fromDatabase("erin", asked, at, window));
            // Mostly in order; now and then an event backdated by up to two days.
            java.time.Instant when = random.nextInt(10) == 0 ? at.minusSeconds(random.nextInt(172_800)) : at;
            placed("erin", when, countries[random.nextInt(countries.length)], random.nextBoolean() ? 40.0 + random.nextInt(10) : null);
        }
    }

    /**
     * The same with evaluations of every identity, read for unsigned and for vouched evaluations alike: the
     * cache keeps the vouched ones apart and must answer for them as the database's vouched reads do.
     */
    @org.junit.jupiter.api.Test
    void recentActivityOfVouchedEvaluationsFromMemoryEqualsTheDatabase() {
        java.util.Random random = new java.util.Random(43);
        String[] countries = {"FR", "DE", null, "US", "FR"};
        io.seatguard.core.evaluation.IdentityProof[] identities = io.seatguard.core.evaluation.IdentityProof.values();
        java.time.Instant at = T0;
        for (int step = 0; step < 300; step++) {
            at = at.plusSeconds(60 + random.nextInt(3_600));
            java.util.Optional<String> asked = java.util.Optional.ofNullable(countries[random.nextInt(countries.length)]);
            java.time.Duration window = java.time.Duration.ofMinutes(1 + random.nextInt(24 * 60));
            boolean vouchedOnly = random.nextBoolean();
            org.assertj.core.api.Assertions.assertThat(activity.read("app_a", "erin", asked, java.util.Optional.of("fp-erin"), at, window, vouchedOnly))
                    .as("step " + step + (vouchedOnly ? ", vouched" : "")).isEqualTo(fromDatabase("erin", asked, at, window, vouchedOnly));
            java.time.Instant when = random.nextInt(10) == 0 ? at.minusSeconds(random.nextInt(172_800)) : at;
            // Mostly unsigned, as a page's views are; now and then one that did not say (counted as unsigned).
            java.util.Optional<io.seatguard.core.evaluation.IdentityProof> identity = random.nextInt(8) == 0 ? java.util.Optional.empty()
                    : java.util.Optional.of(identities[random.nextInt(identities.length)]);
            placed("erin", when, countries[random.nextInt(countries.length)], random.nextBoolean() ? 40.0 + random.nextInt(10) : null, identity);
        }
    }

    /**
     * A vouched evaluation's device_count (and its per-type counts) from the cache's links equals the one
     * from the database's, through random attaches by vouched and unsigned evaluations, passes of vouched and
     * unsigned challenges, and logouts: the cache keeps each link's vouched mark as the store's upsert does.
     */
    @org.junit.jupiter.api.Test
    void vouchedDeviceCountsFromMemoryEqualTheDatabase() {
        java.util.Random random = new java.util.Random(44);
        io.seatguard.core.evaluation.IdentityProof[] identities = io.seatguard.core.evaluation.IdentityProof.values();
        io.seatguard.core.identity.DeviceType[] types = {io.seatguard.core.identity.DeviceType.COMPUTER, io.seatguard.core.identity.DeviceType.TABLET,
                io.seatguard.core.identity.DeviceType.MOBILE};
        SqlAccountReader database = new SqlAccountReader(this.database);
        java.time.Instant since = T0.minus(java.time.Duration.ofDays(30));
        java.time.Instant at = T0;
        java.util.Set<String> stored = new java.util.HashSet<>();
        for (int step = 0; step < 200; step++) {
            at = at.plusSeconds(1 + random.nextInt(600));
            int device = random.nextInt(12);
            String id = "dev-dc" + device;
            int move = random.nextInt(10);
            if (move < 7) {
                // Mostly unsigned page views, as an attack of them would be; now and then one that did not say.
                java.util.Optional<io.seatguard.core.evaluation.IdentityProof> identity = random.nextInt(8) == 0 ? java.util.Optional.empty()
                        : java.util.Optional.of(identities[random.nextInt(identities.length)]);
                evaluations.record(io.seatguard.core.testing.EvaluationSamples.write("app_a", id(), "dora", id, stored.add(id),
                        "tok-dora-" + device + "-xxxxxxx", "fp-dc" + device, types[device % types.length], "198.51.100.1", at, identity));
            }
            else if (move < 9) {
                links.attach("app_a", "dora", id, id(), at, at, random.nextBoolean());
            }
            else {
                links.detach("app_a", "dora", id, at);
            }
            for (boolean vouched : new boolean[] {false, true}) {
                var fromCache = io.seatguard.core.account.DeviceWindow.devicesInWindow(
                        accounts.load("app_a", "dora", "198.51.100.1", java.util.Optional.empty(), java.util.Optional.empty(), since),
                        java.util.Optional.empty(), false, at, io.seatguard.core.account.DeviceWindow.DEFAULT_LENGTH, vouched);
                var fromDatabase = io.seatguard.core.account.DeviceWindow.devicesInWindow(
                        database.load("app_a", "dora", "198.51.100.1", java.util.Optional.empty(), java.util.Optional.empty(), since),
                        java.util.Optional.empty(), false, at, io.seatguard.core.account.DeviceWindow.DEFAULT_LENGTH, vouched);
                org.assertj.core.api.Assertions.assertThat(fromCache).as("step " + step + (vouched ? ", vouched" : "")).isEqualTo(fromDatabase);
            }
        }
    }

    /**
     * docs/checks.md, {@code is_new_ip}: the cache knows an account's addresses as the database does, an IPv6
     * one by its /64 and an IPv4 one exactly, through privacy addresses rotating within a few /64s, IPv4 and
     * IPv4-mapped addresses, backdated events, and writes the throttle skips as the pipeline's would.
     */
    @org.junit.jupiter.api.Test
    void theAddressesKnownFromMemoryEqualTheDatabaseThroughRotatingIpv6Addresses() {
        java.util.Random random = new java.util.Random(45);
        SqlAccountReader database = new SqlAccountReader(this.database);
        java.time.Instant since = T0.minus(java.time.Duration.ofDays(30));
        java.util.function.Supplier<String> address = () -> switch (random.nextInt(6)) {
            case 0 -> "198.51.100." + (1 + random.nextInt(2));
            case 1 -> "::ffff:198.51.100." + (1 + random.nextInt(2));
            // A privacy address: a random interface identifier in one of three /64s.
            default -> "2001:db8:1:" + random.nextInt(3) + ":" + Integer.toHexString(random.nextInt(0x10000)) + ":"
                    + Integer.toHexString(random.nextInt(0x10000)) + "::" + Integer.toHexString(1 + random.nextInt(0xffff));
        };
        java.time.Instant at = T0;
        int known = 0;
        for (int step = 0; step < 300; step++) {
            at = at.plusSeconds(1 + random.nextInt(3_600));
            String asked = address.get();
            var fromCache = accounts.load("app_a", "rae", asked, java.util.Optional.empty(), java.util.Optional.empty(), since).ip();
            org.assertj.core.api.Assertions.assertThat(fromCache).as("step " + step + ", " + asked)
                    .isEqualTo(database.load("app_a", "rae", asked, java.util.Optional.empty(), java.util.Optional.empty(), since).ip());
            known += fromCache.isPresent() ? 1 : 0;
            // Mostly from the address just read; now and then another, or backdated by up to two days.
            String seenFrom = random.nextInt(4) == 0 ? address.get() : asked;
            java.time.Instant when = random.nextInt(10) == 0 ? at.minusSeconds(random.nextInt(172_800)) : at;
            io.seatguard.core.evaluation.EvaluationWrite write = io.seatguard.core.testing.EvaluationSamples.write("app_a", id(), "rae", "dev-rae",
                    step == 0, "tok-rae-browser-001", null, io.seatguard.core.identity.DeviceType.COMPUTER, seenFrom, when);
            var state = accounts.load("app_a", "rae", seenFrom, java.util.Optional.empty(), java.util.Optional.of("dev-rae"), since);
            io.seatguard.core.evaluation.Touches touches = io.seatguard.core.evaluation.WriteThrottle.touches(when, state, write.device(),
                    java.util.Optional.empty(), io.seatguard.core.identity.DeviceType.COMPUTER, true, false, false, true, true);
            evaluations.record(new io.seatguard.core.evaluation.EvaluationWrite(write.evaluation(), write.device(), true, touches, java.util.Map.of()));
        }
        org.assertj.core.api.Assertions.assertThat(known).as("addresses read that were known").isGreaterThan(100);
    }

    /**
     * The cache counts as its database reader does, up to the reader's limit: from memory for an account it
     * keeps each event of, and from the database for one busier than that.
     */
    @org.junit.jupiter.api.Test
    void theVelocityWindowIsCountedUpToTheLimitFromMemoryAndFromTheDatabase() {
        java.time.Duration horizon = io.seatguard.core.checks.CheckSettings.DEFAULTS.travelHorizon();
        int limit = ActivityCache.MAX_RECENT + 20;
        ActivityCache limited = new ActivityCache(new SqlActivityReader(database, horizon, limit), evaluations, known);
        ActivityCache limitedToThree = new ActivityCache(new SqlActivityReader(database, horizon, 3), limited, known);
        evaluations = limitedToThree;
        java.time.Instant at = T0;
        java.time.Duration window = java.time.Duration.ofDays(1);
        for (int i = 0; i < limit + 40; i++) {
            at = at.plusSeconds(10);
            placed("fay", at, "FR", null);
            java.time.Instant next = at.plusSeconds(1);
            if (i % 25 == 0 || i > ActivityCache.MAX_RECENT - 3) {
                long expected = Math.min(i + 1, limit);
                org.assertj.core.api.Assertions.assertThat(limited.read("app_a", "fay", java.util.Optional.empty(), java.util.Optional.empty(), next, window)
                        .eventsInWindow()).as("after " + (i + 1) + " events").hasValue(expected);
                org.assertj.core.api.Assertions.assertThat(limitedToThree.read("app_a", "fay", java.util.Optional.empty(), java.util.Optional.empty(), next,
                        window).eventsInWindow()).hasValue(Math.min(i + 1, 3));
            }
        }
    }

    /**
     * At a travel speed whose horizon is longer than a day, the latest located evaluation is still answered
     * from memory while it is within the day the cache keeps (every event after it is then there to count),
     * and read from the database, once per read, when it is older.
     */
    @org.junit.jupiter.api.Test
    void atASlowTravelSpeedOnlyALocatedEvaluationOlderThanTheDayKeptIsReadFromTheDatabase() {
        io.seatguard.core.account.ActivityReader slow = activityWith(new io.seatguard.core.checks.CheckSettings(100, 300,
                java.time.Duration.ofHours(1), 100));
        java.util.function.Function<java.time.Instant, java.util.Optional<java.time.Instant>> lastLocatedAt = at -> slow
                .read("app_a", "ivo", java.util.Optional.empty(), java.util.Optional.empty(), at, java.time.Duration.ofHours(1)).lastLocated()
                .map(io.seatguard.core.account.LocatedEvent::at);
        placed("ivo", T0, "FR", 48.0);
        placed("ivo", T0.plus(java.time.Duration.ofHours(12)), null, null);
        java.time.Instant withinTheDay = T0.plus(java.time.Duration.ofHours(13));
        lastLocatedAt.apply(withinTheDay);
        long before = database.reads();
        org.assertj.core.api.Assertions.assertThat(lastLocatedAt.apply(withinTheDay)).contains(T0);
        org.assertj.core.api.Assertions.assertThat(database.reads() - before).as("within the day kept: from memory").isZero();
        placed("ivo", T0.plus(java.time.Duration.ofHours(30)), null, null);
        before = database.reads();
        org.assertj.core.api.Assertions.assertThat(lastLocatedAt.apply(T0.plus(java.time.Duration.ofHours(31)))).contains(T0);
        org.assertj.core.api.Assertions.assertThat(database.reads() - before).as("older than the day kept: one read").isEqualTo(1);
    }

    /**
     * The same agreement at the slowest travel speed, whose horizon (over eight days) reaches located
     * evaluations older than the day the cache keeps: few of them placed, some backdated by up to two days,
     * read for unsigned and vouched evaluations alike.
     */
    @org.junit.jupiter.api.Test
    void recentActivityFromMemoryEqualsTheDatabaseAtTheSlowestTravelSpeed() {
        io.seatguard.core.checks.CheckSettings slowest = new io.seatguard.core.checks.CheckSettings(100, 300, java.time.Duration.ofHours(1), 100);
        io.seatguard.core.account.ActivityReader slow = activityWith(slowest);
        SqlActivityReader database = new SqlActivityReader(this.database, slowest);
        java.util.Random random = new java.util.Random(46);
        io.seatguard.core.evaluation.IdentityProof[] identities = io.seatguard.core.evaluation.IdentityProof.values();
        java.time.Instant at = T0;
        for (int step = 0; step < 300; step++) {
            at = at.plusSeconds(60 + random.nextInt(4 * 3_600));
            java.time.Duration window = java.time.Duration.ofMinutes(1 + random.nextInt(24 * 60));
            boolean vouchedOnly = random.nextBoolean();
            io.seatguard.core.account.AccountActivity read = database.read("app_a", "ida", java.util.Optional.of("FR"), java.util.Optional.of("fp-ida"),
                    at, window, vouchedOnly);
            org.assertj.core.api.Assertions.assertThat(slow.read("app_a", "ida", java.util.Optional.of("FR"), java.util.Optional.of("fp-ida"), at, window,
                    vouchedOnly)).as("step " + step + (vouchedOnly ? ", vouched" : ""))
                    .isEqualTo(new io.seatguard.core.account.AccountActivity(read.lastLocated(), read.countrySeenBefore(), read.countries24h(),
                            read.eventsInWindow(), read.fingerprintUsers(), false));
            java.time.Instant when = random.nextInt(10) == 0 ? at.minusSeconds(random.nextInt(172_800)) : at;
            placed("ida", when, random.nextBoolean() ? "FR" : null, random.nextInt(12) == 0 ? 40.0 + random.nextInt(10) : null,
                    java.util.Optional.of(identities[random.nextInt(identities.length)]));
        }
    }

    @org.junit.jupiter.api.Test
    void theAccountsSharingAFingerprintAreRecountedWhenAnotherAccountShowsIt() {
        java.util.Optional<String> fp = java.util.Optional.of("fp-shared");
        java.time.Duration hour = java.time.Duration.ofHours(1);
        org.assertj.core.api.Assertions.assertThat(activity.read("app_a", "u1", java.util.Optional.empty(), fp, T0, hour).fingerprintUsers())
                .as("never written").hasValue(0);
        for (int account = 1; account <= 3; account++) {
            java.time.Instant at = T0.plusSeconds(60L * account);
            evaluations.record(io.seatguard.core.testing.EvaluationSamples.write("app_a", id(), "u" + account, "dev-shared", account == 1, null,
                    "fp-shared", io.seatguard.core.identity.DeviceType.COMPUTER, "198.51.100.1", at));
            for (int read = 0; read < 2; read++) {
                java.util.OptionalLong cached = activity.read("app_a", "u" + account, java.util.Optional.empty(), fp, at.plusSeconds(1), hour)
                        .fingerprintUsers();
                org.assertj.core.api.Assertions.assertThat(cached).as("after account " + account).hasValue(account)
                        .isEqualTo(new SqlActivityReader(database).read("app_a", "u" + account, java.util.Optional.empty(), fp, at.plusSeconds(1), hour)
                                .fingerprintUsers());
            }
        }
    }

    /**
     * Review finding: an erasure drops every count of a fingerprint's accounts, but Caffeine's invalidateAll
     * neither waits for nor drops a count being read meanwhile; one read before the erased account's rows
     * went was kept, and the erased account counted until the next write of that fingerprint. Here the
     * count is read, the account erased and forgotten, and only then the count handed to the cache.
     */
    @org.junit.jupiter.api.Test
    void aCountReadBeforeAnErasureIsNotKeptAfterIt() throws Exception {
        java.util.Optional<io.seatguard.core.evaluation.IdentityProof> server = java.util.Optional.of(io.seatguard.core.evaluation.IdentityProof.SERVER);
        for (String user : java.util.List.of("gone-1", "gone-2", "kept")) {
            evaluations.record(withItsDevice(io.seatguard.core.testing.EvaluationSamples.write("app_a", id(), user, "dev-" + user, false, null, "fp-race",
                    io.seatguard.core.identity.DeviceType.COMPUTER, "198.51.100.1", T0, server)));
        }
        SqlActivityReader sql = new SqlActivityReader(database);
        long left = 3;
        for (boolean vouchedOnly : new boolean[] {true, false}) {
            String gone = vouchedOnly ? "gone-1" : "gone-2";
            java.util.concurrent.CountDownLatch read = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch erased = new java.util.concurrent.CountDownLatch(1);
            ActivityCache cache = new ActivityCache(sql, evaluations, known, (appId, fingerprintId, vouched) -> {
                long counted = sql.fingerprintUsers(appId, fingerprintId, vouched);
                read.countDown();
                try {
                    erased.await();
                }
                catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return counted;
            });
            java.util.concurrent.CompletableFuture<java.util.OptionalLong> counting = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> cache.accountsOnFingerprint("app_a", "fp-race", vouchedOnly));
            read.await();
            org.assertj.core.api.Assertions.assertThat(new SqlAccountRecords(database).erase("app_a", gone)).isTrue();
            cache.forget("app_a", gone);
            erased.countDown();
            left--;
            org.assertj.core.api.Assertions.assertThat(counting.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("read again after the erasure")
                    .hasValue(left);
            org.assertj.core.api.Assertions.assertThat(cache.accountsOnFingerprint("app_a", "fp-race", vouchedOnly))
                    .as("the count kept is the database's, without the erased account" + (vouchedOnly ? ", vouched" : ""))
                    .hasValue(sql.fingerprintUsers("app_a", "fp-race", vouchedOnly)).hasValue(left);
        }
    }

    /**
     * An account with more events in a day than the cache keeps (one under attack, say) is still answered
     * exactly: the velocity window from the database, the rest from memory, through days whose countries
     * change, events without a country or a location, and backdated ones.
     */
    @org.junit.jupiter.api.Test
    void anAccountBusierThanTheCacheKeepsIsStillAnsweredExactly() {
        java.util.Random random = new java.util.Random(7);
        String[] countries = {"FR", "BE", null, "DE"};
        java.time.Instant at = T0;
        for (int i = 0; i <= 3 * ActivityCache.MAX_RECENT; i++) {
            at = at.plusSeconds(i < 2 * ActivityCache.MAX_RECENT ? 30 : 600);
            java.time.Instant when = random.nextInt(20) == 0 ? at.minusSeconds(random.nextInt(7_200)) : at;
            // The first stretch only in France, so the later days' countries differ from the ever-seen ones.
            String country = i < ActivityCache.MAX_RECENT ? "FR" : countries[random.nextInt(countries.length)];
            // An attack of unsigned evaluations, with now and then one the backend vouched for: the vouched
            // ones fit in memory while every evaluation's window overflows it.
            java.util.Optional<io.seatguard.core.evaluation.IdentityProof> identity = java.util.Optional.of(random.nextInt(10) == 0
                    ? io.seatguard.core.evaluation.IdentityProof.SERVER : io.seatguard.core.evaluation.IdentityProof.UNSIGNED);
            placed("busy", when, country, random.nextInt(3) == 0 ? null : 48.0, identity);
            if (i % 50 == 0 || i > ActivityCache.MAX_RECENT && i % 7 == 0) {
                java.time.Instant next = at.plusSeconds(1);
                java.util.Optional<String> asked = java.util.Optional.ofNullable(countries[random.nextInt(countries.length)]);
                java.time.Duration window = java.time.Duration.ofMinutes(1 + random.nextInt(24 * 60));
                for (boolean vouchedOnly : new boolean[] {false, true}) {
                    org.assertj.core.api.Assertions.assertThat(activity.read("app_a", "busy", asked, java.util.Optional.of("fp-busy"), next, window,
                            vouchedOnly)).as("event " + i + (vouchedOnly ? ", vouched" : "")).isEqualTo(fromDatabase("busy", asked, next, window, vouchedOnly));
                }
            }
        }
    }

    /** An account whose vouched evaluations alone are more than the cache keeps in a day: their window is counted by the database too. */
    @org.junit.jupiter.api.Test
    void anAccountWithMoreVouchedEventsThanTheCacheKeepsIsStillAnsweredExactly() {
        java.time.Instant at = T0;
        for (int i = 0; i <= ActivityCache.MAX_RECENT + 10; i++) {
            at = at.plusSeconds(60);
            placed("signed", at, i % 2 == 0 ? "FR" : null, i % 3 == 0 ? 48.0 : null,
                    java.util.Optional.of(io.seatguard.core.evaluation.IdentityProof.SIGNED));
            if (i % 100 == 0 || i > ActivityCache.MAX_RECENT - 3) {
                java.time.Instant next = at.plusSeconds(1);
                for (boolean vouchedOnly : new boolean[] {false, true}) {
                    org.assertj.core.api.Assertions.assertThat(activity.read("app_a", "signed", java.util.Optional.of("FR"), java.util.Optional.of("fp-signed"),
                            next, java.time.Duration.ofHours(24), vouchedOnly)).as("event " + i)
                            .isEqualTo(fromDatabase("signed", java.util.Optional.of("FR"), next, java.time.Duration.ofHours(24), vouchedOnly));
                }
            }
        }
    }
}
