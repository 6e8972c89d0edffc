package io.seatguard.server;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.seatguard.core.app.AppService;
import io.seatguard.core.app.CreatedApp;
import io.seatguard.core.checks.CheckRegistry;
import io.seatguard.core.checks.CheckSettings;
import io.seatguard.core.evaluation.EvaluationPipeline;
import io.seatguard.intel.ip.IpIntelService;
import io.seatguard.intel.ip.SourceStatus;
import io.seatguard.server.config.NetworkSettings;
import io.seatguard.server.intel.IntelRefresher;
import io.seatguard.server.stun.StunServer;
import java.util.OptionalInt;
import io.seatguard.storage.SqlActivityReader;
import io.seatguard.core.identity.DeviceResolver;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.net.ClientIpResolver;
import io.seatguard.core.operator.PasswordHasher;
import io.seatguard.core.policy.Backtest;
import io.seatguard.core.challenge.ChallengeIssuer;
import io.seatguard.core.challenge.ChallengeMachine;
import io.seatguard.core.challenge.ChallengeService;
import io.seatguard.core.challenge.VerificationCodes;
import io.seatguard.core.history.AccountRecords;
import io.seatguard.server.challenge.AttemptLimits;
import io.seatguard.server.challenge.ErasureForgetsAttemptLimits;
import io.seatguard.server.challenge.RedisAttemptBuckets;
import io.seatguard.server.challenge.ChallengePages;
import io.seatguard.server.challenge.CodeDelivery;
import io.seatguard.server.challenge.DevOutbox;
import io.seatguard.server.challenge.OutboxPage;
import io.seatguard.server.challenge.OwnerNotices;
import io.seatguard.server.config.ChallengeSettings;
import io.seatguard.storage.SqlAccountRecords;
import io.seatguard.storage.SqlActivityStats;
import io.seatguard.storage.SqlChallengeStore;
import io.seatguard.storage.SqlHistory;
import io.seatguard.storage.SqlPatterns;
import io.seatguard.storage.SqlWebhooks;
import io.seatguard.server.http.WebhookServices;
import io.seatguard.server.http.JsonBody;
import io.seatguard.server.demo.DemoApp;
import io.seatguard.server.dashboard.Argon2Hasher;
import io.seatguard.server.dashboard.DashboardPages;
import io.seatguard.server.dashboard.AccountPages;
import io.seatguard.server.dashboard.AppPages;
import io.seatguard.server.dashboard.DashboardSite;
import io.seatguard.server.dashboard.ListPages;
import io.seatguard.server.dashboard.OperatorPages;
import io.seatguard.server.dashboard.PasswordPage;
import io.seatguard.server.dashboard.TotpCodes;
import io.seatguard.server.dashboard.TwoFactorPage;
import io.seatguard.server.dashboard.OverviewPage;
import io.seatguard.server.dashboard.PolicyPages;
import io.seatguard.server.dashboard.WebhookPages;
import io.seatguard.core.operator.OperatorService;
import io.seatguard.core.setup.FirstStart;
import io.seatguard.storage.SqlFirstStartStore;
import io.seatguard.storage.SqlOperatorStore;
import io.seatguard.server.demo.DemoSite;
import io.seatguard.sdk.SeatguardClient;
import java.util.function.Supplier;
import io.seatguard.server.webhook.CachedSubscriptions;
import io.seatguard.server.webhook.DisabledEndpointCounts;
import io.seatguard.server.webhook.WebhookDispatcher;
import io.seatguard.server.webhook.WebhookTargets;
import io.seatguard.storage.SqlOwnerNotices;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import io.seatguard.core.policy.CachedPolicyBook;
import io.seatguard.core.policy.ListService;
import io.seatguard.core.policy.PolicyEngine;
import io.seatguard.core.policy.PolicyFields;
import io.seatguard.core.policy.PolicyService;
import io.seatguard.intel.YauaaUserAgentParser;
import io.seatguard.server.config.ServerConfig;
import io.seatguard.server.http.AppDirectory;
import io.seatguard.server.http.HttpApi;
import io.seatguard.server.http.Route;
import io.seatguard.server.http.Routes;
import io.seatguard.core.account.AccountReader;
import io.seatguard.core.account.DeviceLinks;
import io.seatguard.core.evaluation.EvaluationStore;
import io.seatguard.core.identity.DeviceDirectory;
import io.seatguard.core.presence.Heartbeats;
import io.seatguard.core.presence.InMemoryPresence;
import io.seatguard.core.presence.Presence;
import io.seatguard.core.presence.SessionEndingDeviceLinks;
import io.seatguard.core.risk.RiskScorer;
import io.seatguard.storage.RedisHealth;
import io.seatguard.storage.RedisPresence;
import io.seatguard.storage.AccountStateCache;
import io.seatguard.storage.ActivityCache;
import io.seatguard.core.account.ActivityReader;
import io.seatguard.storage.DatabaseKind;
import io.seatguard.storage.KnownKeys;
import io.seatguard.storage.SqlAccountReader;
import io.seatguard.storage.SqlAppStore;
import io.seatguard.storage.SqlDatabase;
import io.seatguard.storage.SqlListStore;
import io.seatguard.storage.SqlPolicyStore;
import io.seatguard.storage.SqlDeviceDirectory;
import io.seatguard.storage.SqlDeviceLinks;
import io.seatguard.storage.SqlEvaluationStore;
import io.seatguard.storage.StorageSettings;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: storage opened and migrated, every adapter wired to the core, the HTTP server
 * listening. The only class that knows every module.
 */
public final class SeatguardServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SeatguardServer.class);

    /**
     * A policy is checked when it is written; a setting lowered since (--event-count-limit) can leave
     * one that would now be refused and silently never matches. The operator hears of it at start.
     */
    private static void warnAboutPoliciesRefusedNow(AppService apps, PolicyService policies) {
        for (var app : apps.list()) {
            for (PolicyService.Invalid invalid : policies.invalidNow(app.id())) {
                log.warn("app {}: {}. It stays stored as written; change or delete it", app.id(), invalid.describe());
            }
        }
    }

    private final SqlDatabase database;
    private final ServerMetrics metrics;
    private final Javalin http;
    private final List<Route> routes;
    private final Optional<String> generatedAdminToken;
    private final Optional<CreatedApp> createdDefaultApp;
    private final String url;

    private final Presence presence;
    private final AttemptLimits limits;
    private final IntelRefresher refresher;
    private final IpIntelService intel;
    private final Optional<StunServer> stun;
    private final OwnerNotices ownerNotices;
    private final Optional<DemoApp> demoApp;
    private final Optional<CreatedOperator> createdOperator;
    private final boolean setUpByAnotherNode;

    /** The operator the first start made, with its password (shown once in the banner). */
    public record CreatedOperator(String email, String password) {}

    /** The email of the operator the first start makes. */
    static final String FIRST_OPERATOR = OperatorService.FIRST_START_EMAIL;
    private final RetentionPruner retention;
    private final WebhookDispatcher dispatcher;

    private SeatguardServer(SqlDatabase database, ServerMetrics metrics, Presence presence, AttemptLimits limits, IntelRefresher refresher,
            IpIntelService intel,
            StunServer stun, Javalin http, List<Route> routes, Optional<String> generatedAdminToken, Optional<CreatedApp> createdDefaultApp, String url,
            OwnerNotices ownerNotices, RetentionPruner retention, WebhookDispatcher dispatcher, Optional<DemoApp> demoApp,
            Optional<CreatedOperator> createdOperator, boolean setUpByAnotherNode) {
        this.createdOperator = createdOperator;
        this.setUpByAnotherNode = setUpByAnotherNode;
        this.demoApp = demoApp;
        this.dispatcher = dispatcher;
        this.retention = retention;
        this.stun = Optional.ofNullable(stun);
        this.ownerNotices = ownerNotices;
        this.presence = presence;
        this.limits = limits;
        this.refresher = refresher;
        this.intel = intel;
        this.database = database;
        this.metrics = metrics;
        this.http = http;
        this.routes = routes;
        this.generatedAdminToken = generatedAdminToken;
        this.createdDefaultApp = createdDefaultApp;
        this.url = url;
    }

    /** The settings entry holding the key verification codes are hashed with, unless {@code --code-key} gives one. */
    static final String CODE_KEY_SETTING = "challenge_code_key";

    public static SeatguardServer start(ServerConfig config) {
        return start(config, InstantSource.system());
    }

    public static SeatguardServer start(ServerConfig config, InstantSource clock) {
        return start(config, clock, HttpApi.STOP_TIMEOUT);
    }

    /** @param httpStopTimeout how long {@link #close} lets requests in flight finish; shorter in tests that stop a busy server */
    static SeatguardServer start(ServerConfig config, InstantSource clock, Duration httpStopTimeout) {
        return start(config, clock, httpStopTimeout, new Argon2Hasher());
    }

    /**
     * @param passwords hashes operators' passwords: Argon2id at its full cost everywhere but in the tests'
     *     servers (TestServer), where every start's first operator and every sign-in paid it, a quarter of
     *     the server tests' CPU
     */
    static SeatguardServer start(ServerConfig config, InstantSource clock, Duration httpStopTimeout, PasswordHasher passwords) {
        requireNonNull(config, "config is null");
        requireNonNull(passwords, "passwords is null");
        // The metrics before the store, and bound to it inside the try below: made between the two, an Error
        // (a metrics library whose class will not load) left the store open, its lock held and its writer's
        // non-daemon thread keeping the process alive, where nothing cleaned up after it (found in review).
        ServerMetrics metrics = new ServerMetrics();
        // The user-agent rules take seconds to build: built beside the store's migrations and the IP data's
        // loading, they are ready (or nearly) by the time the pipeline below asks for them.
        YauaaUserAgentParser.prepareInBackground();
        SqlDatabase database;
        try {
            database = SqlDatabase.openForServer(new StorageSettings(config.databaseUrl(), config.dataDir(), 8, config.sqliteSynchronous()));
        }
        catch (Throwable e) {
            ShutdownSteps.run("metrics", metrics::close);
            throw e;
        }
        Presence presence = null;
        AttemptLimits limits = null;
        IpIntelService intel = null;
        IntelRefresher refresher = null;
        StunServer stun = null;
        OwnerNotices ownerNotices = null;
        RetentionPruner retention = null;
        WebhookDispatcher dispatcher = null;
        Javalin http = null;
        // Known once the server listens; challenge redirects read it.
        AtomicReference<String> publicUrl = new AtomicReference<>(config.publicUrl().orElse(""));
        // Done once this start has made (or found) what a first start makes.
        CompletableFuture<Void> storeSetUp = new CompletableFuture<>();
        try {
            metrics.bindWriter(database::writerStats);
            metrics.bindLogRestarts(database::logRestartStats);
            metrics.bindOutages(database::outageStats);
            metrics.bindReads(database::reads);
            IdGenerator ids = new IdGenerator(clock, new SecureRandom());
            AppService apps = new AppService(new SqlAppStore(database), ids, clock);
            // A configured token applies at once. One made here is stored only once the start has
            // succeeded (below): a first start that fails later (Redis down, the port taken) would
            // otherwise keep the hash of a token it never showed, and the next start would say it is stored.
            config.adminToken().ifPresent(apps::useAdminToken);
            // A store with no app is new. If it is not new by the time this start sets it up (below),
            // another node starting at the same time did, and the banner says so.
            boolean newStore = apps.list().isEmpty();
            // The configured challenge rules: a logout or a newer challenge settles, as the machine does, the
            // challenges whose last code ran out before ending the rest (SqlChallengeStore.settleSpent).
            SqlEvaluationStore sqlEvaluations = new SqlEvaluationStore(database, config.challenges().rules());
            EvaluationStore evaluations = sqlEvaluations;
            DeviceDirectory devices = new SqlDeviceDirectory(database);
            AccountReader accounts = new SqlAccountReader(database);
            DeviceLinks deviceLinks = new SqlDeviceLinks(database, config.challenges().rules());
            BiConsumer<String, String> forgetAccount = (appId, userId) -> {};
            CheckSettings checkSettings = config.network().checks();
            ActivityReader activity = new SqlActivityReader(database, checkSettings);
            Runnable afterPrune = () -> {};
            if (database.kind() == DatabaseKind.SQLITE) {
                // Embedded storage has one process, so every write passes through this cache and keeps
                // it exact. With PostgreSQL another node may write, so reads go to the database.
                // Keys never written (a first visit) are answered from memory too; see KnownKeys.
                KnownKeys known = KnownKeys.sizedFor(database);
                known.loadInBackground(database);
                AccountStateCache cache = new AccountStateCache(accounts, devices, sqlEvaluations, known);
                evaluations = cache;
                devices = cache;
                accounts = cache;
                deviceLinks = cache.invalidating(deviceLinks);
                // The account's recent activity too, for the network and history checks.
                ActivityCache recentActivity = new ActivityCache(new SqlActivityReader(database, checkSettings), evaluations, known);
                evaluations = recentActivity;
                activity = recentActivity;
                forgetAccount = (appId, userId) -> {
                    cache.forgetAccount(appId, userId);
                    cache.forgetSharedNetworks(appId);
                    cache.forgetDevices();
                    recentActivity.forget(appId, userId);
                };
                afterPrune = () -> {
                    recentActivity.forgetAll();
                    cache.forgetSharedNetworks();
                    cache.forgetDevices();
                };
            }
            // One node keeps presence in memory; several share it through Redis.
            // Each use of Redis has a link of its own; readiness and metrics report each.
            Map<String, RedisHealth> redisLinks = new LinkedHashMap<>();
            if (config.redisUrl().isPresent()) {
                RedisPresence shared = RedisPresence.connect(config.redisUrl().get(), config.presenceWindow(), config.presenceMaxLivePerApp());
                redisLinks.put("presence", shared.health());
                presence = shared;
            }
            else {
                presence = new InMemoryPresence(config.presenceWindow(), config.presenceMaxLivePerApp());
            }
            metrics.bindPresenceRefusals(presence::refusedOverAppCap);
            DeviceLinks loggingOut = new SessionEndingDeviceLinks(deviceLinks, presence);
            NetworkSettings network = config.network();
            intel = IpIntelService.start(network.intel(), clock);
            metrics.bindIpSources(intel::status);
            refresher = new IntelRefresher(intel, network.refreshEvery());
            CheckRegistry checks = CheckRegistry.standard(network.checks());
            SqlPolicyStore policyStore = new SqlPolicyStore(database);
            SqlListStore listStore = new SqlListStore(database);
            CachedPolicyBook policyBook = new CachedPolicyBook(policyStore, listStore, clock, CachedPolicyBook.DEFAULT_MAX_AGE);
            PolicyService policies = new PolicyService(policyStore, listStore, PolicyFields.of(checks), ids, clock, policyBook::forget);
            ListService lists = new ListService(listStore, policyStore, ids, clock, policyBook::forget);
            warnAboutPoliciesRefusedNow(apps, policies);
            SqlChallengeStore challengeStore = new SqlChallengeStore(database);
            SqlWebhooks webhookStore = new SqlWebhooks(database);
            CachedSubscriptions subscriptions = new CachedSubscriptions(webhookStore, clock);
            metrics.bindWebhookEndpoints(new DisabledEndpointCounts(webhookStore::disabledCounts, clock), webhookStore::autoDisabled);
            WebhookTargets webhookTargets = new WebhookTargets(config.webhookAllowPrivate());
            ChallengeSettings challengeSettings = config.challenges();
            Optional<DevOutbox> outbox = challengeSettings.production() ? Optional.empty() : Optional.of(new DevOutbox(clock));
            CodeDelivery delivery = CodeDelivery.from(challengeSettings, config.smtpHeloName(), outbox, metrics.sendOutcomes());
            // Like presence: one node limits attempts in memory; several share the limits through Redis.
            // Made before the owner notices, which count unsigned ones per client address on the same limits.
            // The code key also names the shared buckets (their HMAC), so Redis never holds an address in clear.
            byte[] codeKey = challengeSettings.codeKey().orElseGet(() -> apps.ensureSecret(CODE_KEY_SETTING)).getBytes(StandardCharsets.UTF_8);
            if (config.redisUrl().isPresent()) {
                RedisAttemptBuckets buckets = RedisAttemptBuckets.connect(config.redisUrl().get(), codeKey);
                redisLinks.put("attempt_limits", buckets.health());
                limits = AttemptLimits.shared(buckets);
            }
            else {
                limits = AttemptLimits.local();
            }
            ownerNotices = new OwnerNotices(new SqlOwnerNotices(database), delivery, apps, limits, metrics.sendOutcomes());
            EvaluationPipeline pipeline = new EvaluationPipeline(
                    YauaaUserAgentParser.shared(),
                    // Time-ordered: a new device's rows and index entries go to the end of each B-tree (architecture.md).
                    new DeviceResolver(devices, ids::newTimeOrderedId),
                    accounts,
                    checks,
                    new PolicyEngine(policyBook),
                    evaluations,
                    ids,
                    clock,
                    presence,
                    new RiskScorer(config.riskWeights()))
                    .withNetwork(intel, activity, network.checks())
                    .withChallenges(new ChallengeIssuer(ids, publicUrl::get, challengeStore), ownerNotices)
                    .withPatternThresholds(config.patternThresholds())
                    .withWebhooks(subscriptions);
            ChallengeService challenges = new ChallengeService(challengeStore,
                    new ChallengeMachine(challengeSettings.rules(), new VerificationCodes(codeKey, new SecureRandom())), challengeSettings.rules(),
                    delivery, loggingOut, clock);
            ClientIpResolver clientIps = new ClientIpResolver(config.trustedProxies());
            // An erasure, from the API or the dashboard, drops the account's attempt-limit buckets too.
            AccountRecords accountRecords = new ErasureForgetsAttemptLimits(new SqlAccountRecords(database), limits);
            metrics.bindRedis(redisLinks);
            ChallengePages challengePages = new ChallengePages(challenges, apps, delivery, clientIps, limits, publicUrl::get);
            Heartbeats heartbeats = new Heartbeats(presence, devices, accounts, clock);
            OperatorService operators = new OperatorService(new SqlOperatorStore(database), passwords, ids, clock, new TotpCodes());
            DashboardPages dashboard = new DashboardPages(operators, apps, sqlEvaluations, evaluations, challenges, clientIps, clock, publicUrl::get);
            // Each lets one backtest per app run on this node at a time: one for the API, one for the dashboard.
            // Shared, a read-only operator (who may backtest a draft) looping on the dashboard's button kept the
            // app's own backend and its managers' API backtests refused as rate-limited.
            Backtest backtest = new Backtest(sqlEvaluations, policyBook, clock);
            Backtest dashboardBacktest = new Backtest(sqlEvaluations, policyBook, clock);
            // The demo plays an integrator: its own app, and the Java SDK calling this server over loopback.
            AtomicReference<String> internalUrl = new AtomicReference<>();
            AtomicReference<List<String>> demoOrigins = new AtomicReference<>(List.of());
            // The demo's app is made only once this start has set the store up (below), with the origins known
            // by then: a request to the demo any sooner waits. Made before, it would be a new store's first
            // app, and the first start would then make no default app.
            Supplier<DemoApp> demoApp = memoize(() -> {
                storeSetUp.join();
                return DemoApp.ensure(apps, demoOrigins.get());
            });
            Supplier<SeatguardClient> demoApi = memoize(() -> SeatguardClient.builder(internalUrl.get(), demoApp.get().secretKey()).build());
            // The demo (its pages, accounts and app) exists outside production mode only.
            Optional<DemoSite> demo = challengeSettings.production()
                    ? Optional.empty()
                    : Optional.of(new DemoSite(demoApp, demoOrigins::get, demoApi, policies, new JsonBody(config.maxBodyBytes()), clock,
                            () -> apps.find(demoApp.get().app().id()).flatMap(app -> app.identitySecrets().current()), publicUrl::get));
            WebhookServices webhookServices = new WebhookServices(webhookStore, webhookTargets, subscriptions, ids);
            // One cache of apps for browser calls; whatever changes an app on this node empties it.
            AppDirectory directory = new AppDirectory(apps);
            List<Route> routes = Routes.all(apps, directory, pipeline, evaluations, loggingOut, database, clientIps, heartbeats,
                    metrics, clock, config.maxBodyBytes(), config.browserRateLimit(), intel::status, redisLinks, policies, lists,
                    backtest, challenges, challengePages, outbox.map(OutboxPage::new),
                    accountRecords, new SqlHistory(database), forgetAccount, new SqlPatterns(database),
                    webhookServices, demo, new DashboardSite(dashboard,
                            new OverviewPage(dashboard, new SqlActivityStats(database), sqlEvaluations, presence, clock),
                            new AccountPages(dashboard, accountRecords, loggingOut, new SqlPatterns(database), new SqlHistory(database), presence, clock),
                            new PolicyPages(dashboard, policies, dashboardBacktest),
                            new ListPages(dashboard, lists), new AppPages(dashboard, apps, directory::invalidate), new WebhookPages(dashboard, webhookServices, clock),
                            new OperatorPages(dashboard, operators, apps), new PasswordPage(dashboard, operators),
                            new TwoFactorPage(dashboard, operators)));
            dispatcher = new WebhookDispatcher(webhookStore, webhookTargets, clock, WebhookDispatcher.DEFAULT_EVERY, metrics.sendOutcomes());
            retention = new RetentionPruner(accountRecords, config.retentionDays(), clock, afterPrune);
            try {
                http = JavalinStartFailureLine.heldDuring(
                        () -> HttpApi.create(config.host(), config.port(), config.maxBodyBytes(), httpStopTimeout, directory::heldOriginAllowed, routes, metrics).start(),
                        ListenFailure::portTaken);
            }
            catch (RuntimeException e) {
                throw ListenFailure.explained(e, config.host(), config.port());
            }
            if (network.stunPort().isPresent()) {
                stun = StunServer.start(config.host(), network.stunPort().getAsInt());
            }
            String url = config.publicUrl().orElse("http://" + displayHost(config.host()) + ":" + http.port());
            internalUrl.set("http://" + loopbackHost(config.host()) + ":" + http.port());
            publicUrl.set(url);
            // Last, so that only a start that succeeded makes what it shows once: the admin token, the
            // default app (its origins need the port), and the first operator, so the dashboard can be
            // opened at once. Nobody knows any of them before the banner. Once per store, however many
            // nodes start on it together (FirstStart).
            FirstStart.Made made = new FirstStart(apps, operators, new SqlFirstStartStore(database), ids)
                    .run(config.adminToken().isPresent(), defaultOrigins(url, http.port()), FIRST_OPERATOR);
            boolean setUpByAnotherNode = newStore && made.defaultApp().isEmpty();
            demoOrigins.set(defaultOrigins(url, http.port()));
            storeSetUp.complete(null);
            Optional<DemoApp> createdDemoApp = demo.isPresent() ? Optional.of(demoApp.get()) : Optional.empty();
            // The default and demo apps were made after the server began listening.
            directory.invalidate();
            Optional<CreatedOperator> createdOperator = made.operator().map(operator -> new CreatedOperator(operator.email(), operator.password()));
            if (setUpByAnotherNode) {
                log.info("Another node set this store up as this one started: that node's banner shows what it made");
            }
            // Only a store an earlier release left so: its operators command let one who manages nothing take the
            // first start's email, which then made no operator of its own. Said at every start until fixed, as
            // nobody can add apps or operators from the dashboard meanwhile.
            if (made.operator().isEmpty() && !operators.anyOperatorOfEveryApp()) {
                log.warn("No operator manages every app, and this start could not make one: {} is taken by an operator who is read-only or limited to"
                        + " apps. Add one who manages every app: ./seatguard operators create --email you@example.com --password-stdin", FIRST_OPERATOR);
            }
            log.info("Seatguard listening on {} with storage {}", url, database.description());
            return new SeatguardServer(database, metrics, presence, limits, refresher, intel, stun, http, routes, made.adminToken(), made.defaultApp(),
                    url, ownerNotices, retention, dispatcher, createdDemoApp, createdOperator, setUpByAnotherNode);
        }
        catch (Throwable e) {
            // Any failure, an Error too (an OutOfMemoryError, a library's ExceptionInInitializerError): only
            // RuntimeExceptions were cleaned up after, and an Error left the storage (its lock and non-daemon
            // writer), the threads, the STUN socket and the listening port open (found in review).
            try {
                // A request to the demo waiting for the store to be set up fails instead of waiting on.
                storeSetUp.completeExceptionally(e);
                if (http != null) {
                    Javalin started = http;
                    ShutdownSteps.run("the HTTP server", () -> HttpApi.stop(started));
                }
                stopBehindHttp(ownerNotices, retention, dispatcher, stun, refresher, presence, limits, database, metrics);
            }
            catch (Throwable cleanup) {
                // The start's own failure is the one to report, unchanged.
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The server's own pages (the demo) call the API from these origins. */
    private static List<String> defaultOrigins(String url, int port) {
        return url.startsWith("http://localhost:") || url.startsWith("http://127.0.0.1:")
                ? List.of("http://localhost:" + port, "http://127.0.0.1:" + port)
                : List.of(io.seatguard.server.http.Origins.of(url).orElse(url));
    }

    /** How this process reaches its own HTTP port: loopback when it listens everywhere. */
    private static String loopbackHost(String host) {
        if (host.equals("0.0.0.0") || host.equals("127.0.0.1") || host.equals("localhost")) {
            return "127.0.0.1";
        }
        if (host.equals("::") || host.equals("::1")) {
            return "[::1]";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static <T> Supplier<T> memoize(Supplier<T> make) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T current = value;
                if (current == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = make.get();
                        }
                        current = value;
                    }
                }
                return current;
            }
        };
    }

    /** The operator made on this (first) start, if any. */
    public Optional<CreatedOperator> createdOperator() {
        return createdOperator;
    }

    /**
     * Whether the store was new as this node began to start, and another node starting at the same time
     * set it up first: this one made no admin token, default app or operator, and has none of their
     * secrets to show (that node's banner shows them).
     */
    public boolean setUpByAnotherNode() {
        return setUpByAnotherNode;
    }

    /** The demo site's app and key (none in production mode), for tests. */
    public Optional<DemoApp> demoApp() {
        return demoApp;
    }

    private static String displayHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
    }

    /** One retention pass now, as the schedule runs it, caches told after (tests: a moved clock cannot wait for the schedule). */
    void pruneNow() {
        retention.passNow();
    }

    public int port() {
        return http.port();
    }

    public String url() {
        return url;
    }

    /** The IP intelligence sources and how their last load went (also at {@code /readyz}). */
    public List<SourceStatus> ipDataStatus() {
        return intel.status();
    }

    /** The UDP port STUN answers on; empty when STUN is off. */
    public OptionalInt stunPort() {
        return stun.map(s -> OptionalInt.of(s.port())).orElse(OptionalInt.empty());
    }

    /** Re-reads the IP data now, as the schedule would (operators' lists changed; tests). */
    public void refreshIpData() {
        intel.refresh();
    }

    public String storageDescription() {
        return database.description();
    }

    public List<Route> routes() {
        return routes;
    }

    /** The admin token generated at this start, shown once; empty when one was configured or already stored. */
    public Optional<String> generatedAdminToken() {
        return generatedAdminToken;
    }

    /** The default app created at this start (first start only), with its secret in clear. */
    public Optional<CreatedApp> createdDefaultApp() {
        return createdDefaultApp;
    }

    /**
     * Stops taking requests, lets in-flight ones finish (up to the HTTP server's stop timeout), then drains
     * pending writes and closes storage. Each step runs whatever an earlier one threw ({@link ShutdownSteps}).
     */
    @Override
    public void close() {
        ShutdownSteps.run("the HTTP server", () -> HttpApi.stop(http));
        stopBehindHttp(ownerNotices, retention, dispatcher, stun.orElse(null), refresher, presence, limits, database, metrics);
        log.info("Seatguard stopped");
    }

    /**
     * Stops what serves behind the HTTP server, each part whatever the one before threw; a part never
     * started (null, on a start that failed) is skipped. Storage is last but for metrics, which read it:
     * the writer commits what the parts before it still wrote.
     */
    private static void stopBehindHttp(OwnerNotices ownerNotices, RetentionPruner retention, WebhookDispatcher dispatcher, StunServer stun,
            IntelRefresher refresher, Presence presence, AttemptLimits limits, SqlDatabase database, ServerMetrics metrics) {
        if (ownerNotices != null) {
            ShutdownSteps.run("owner notices", ownerNotices::close);
        }
        if (retention != null) {
            ShutdownSteps.run("retention", retention::close);
        }
        if (dispatcher != null) {
            ShutdownSteps.run("webhook deliveries", dispatcher::close);
        }
        if (stun != null) {
            ShutdownSteps.run("STUN", stun::close);
        }
        if (refresher != null) {
            ShutdownSteps.run("IP data refresh", refresher::close);
        }
        if (presence instanceof AutoCloseable closeable) {
            ShutdownSteps.run("presence", closeable::close);
        }
        if (limits != null) {
            ShutdownSteps.run("attempt limits", limits::close);
        }
        ShutdownSteps.run("storage", database::close);
        ShutdownSteps.run("metrics", metrics::close);
    }
}
