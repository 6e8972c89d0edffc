package io.seatguard.server.cli;

import io.seatguard.core.net.Cidr;
import io.seatguard.server.SeatguardServer;
import io.seatguard.server.config.ConfigException;
import io.seatguard.server.config.ServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seatguard serve}: starts the server and keeps it running until the process is told to stop. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the Seatguard server.")
public final class ServeCommand implements Callable<Integer> {
    /** The trusted proxies' value that trusts none. */
    static final String NO_PROXY = "none";

    @Option(names = "--host", defaultValue = "${env:SEATGUARD_HOST:-127.0.0.1}", description = "Address to listen on (env SEATGUARD_HOST; default ${DEFAULT-VALUE}). Use 0.0.0.0 to accept outside connections (with --production, or --allow-dev-on-network).")
    String host;

    @Option(names = "--port", defaultValue = "${env:SEATGUARD_PORT:-8080}", description = "Port to listen on (env SEATGUARD_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "${env:SEATGUARD_DATA_DIR:-./data}", description = "Folder for the embedded database, made 0700 when missing (env SEATGUARD_DATA_DIR; default ${DEFAULT-VALUE}; empty is the default).")
    String dataDir;

    @Option(names = "--database-url", defaultValue = "${env:SEATGUARD_DATABASE_URL}", description = "PostgreSQL URL, e.g. postgresql://user@host:5432/db (env SEATGUARD_DATABASE_URL). Without it, SQLite in the data folder.")
    String databaseUrl;

    @Option(names = "--redis-url", defaultValue = "${env:SEATGUARD_REDIS_URL}", description = "Redis URL for presence across nodes, e.g. redis://127.0.0.1:6379 (env SEATGUARD_REDIS_URL).")
    String redisUrl;

    @Option(names = "--admin-token", defaultValue = "${env:SEATGUARD_ADMIN_TOKEN}", description = "Admin token (env SEATGUARD_ADMIN_TOKEN). Without it one is generated on first start and printed once.")
    String adminToken;

    @Option(names = "--trusted-proxies", split = ",", defaultValue = "${env:SEATGUARD_TRUSTED_PROXIES:-127.0.0.0/8,::1}", description = "Comma-separated proxies (CIDRs) whose X-Forwarded-For is believed, or none for none (env SEATGUARD_TRUSTED_PROXIES; default ${DEFAULT-VALUE}).")
    List<String> trustedProxies;

    @Option(names = "--max-body-bytes", defaultValue = "${env:SEATGUARD_MAX_BODY_BYTES:-65536}", description = "Largest request body accepted (env SEATGUARD_MAX_BODY_BYTES; default ${DEFAULT-VALUE}).")
    int maxBodyBytes;

    @Option(names = "--presence-window", defaultValue = "${env:SEATGUARD_PRESENCE_WINDOW:-90}", description = "Seconds a session stays live after its last heartbeat or evaluation, 45 to 3600 (env SEATGUARD_PRESENCE_WINDOW; default ${DEFAULT-VALUE}).")
    long presenceWindowSeconds;

    @Option(names = "--presence-max-live-per-app", defaultValue = "${env:SEATGUARD_PRESENCE_MAX_LIVE_PER_APP:-1000000}", description = "Most live sessions an app keeps over all its accounts; past it a new unsigned (unvouched) session is not kept live until there is room, while signed and server-mode ones always are, 100 to 100000000 (env SEATGUARD_PRESENCE_MAX_LIVE_PER_APP; default ${DEFAULT-VALUE}).")
    long presenceMaxLivePerApp;

    @Option(names = "--risk-weights", defaultValue = "${env:SEATGUARD_RISK_WEIGHTS}", description = "Points per risk signal, e.g. concurrent_sessions=50,new_ip=0 (env SEATGUARD_RISK_WEIGHTS; defaults in docs/risk.md).")
    String riskWeights;

    @Option(names = "--public-url", defaultValue = "${env:SEATGUARD_PUBLIC_URL}", description = "The scheme and host (with :port if not the default) people reach this server at, and nothing more, e.g. https://seatguard.example.com (env SEATGUARD_PUBLIC_URL).")
    String publicUrl;

    @Option(names = "--retention-days", defaultValue = "${env:SEATGUARD_RETENTION_DAYS:-90}", description = "Days evaluations are kept, 0 to 3650; 0 keeps them forever (env SEATGUARD_RETENTION_DAYS; default ${DEFAULT-VALUE}).")
    int retentionDays;

    @Option(names = "--pattern-thresholds", defaultValue = "${env:SEATGUARD_PATTERN_THRESHOLDS}", description = "Pattern levels as pattern=suspicious:dangerous, comma-separated, e.g. many_devices=5:10 (env SEATGUARD_PATTERN_THRESHOLDS; defaults in docs/patterns.md).")
    String patternThresholds;

    @Option(names = "--webhook-allow-private", defaultValue = "${env:SEATGUARD_WEBHOOK_ALLOW_PRIVATE:-false}", description = "Allow webhook URLs that resolve to addresses that are not globally reachable (private, loopback, ...) (env SEATGUARD_WEBHOOK_ALLOW_PRIVATE).")
    boolean webhookAllowPrivate;

    @Option(names = "--sqlite-synchronous", defaultValue = "${env:SEATGUARD_SQLITE_SYNCHRONOUS:-full}", description = "Embedded storage only: full flushes every group commit to the disk (survives power loss); normal flushes at checkpoints (survives a crash of Seatguard, may lose the last commits on power loss) and is faster (env SEATGUARD_SQLITE_SYNCHRONOUS; default ${DEFAULT-VALUE}).")
    String sqliteSynchronous;

    @Option(names = "--browser-rate-limit", defaultValue = "${env:SEATGUARD_BROWSER_RATE_LIMIT:-1200}", description = "Browser calls (client id, no secret key) one client address (IPv4, or IPv6 /64) may make to one app a minute, on each node; over it they answer 429 with Retry-After; 0 for no limit (env SEATGUARD_BROWSER_RATE_LIMIT; default ${DEFAULT-VALUE}).")
    int browserRateLimit;

    @Option(names = "--allow-dev-on-network", defaultValue = "${env:SEATGUARD_ALLOW_DEV_ON_NETWORK:-false}", description = "Start in development mode (outbox, demo) even when --host may be reached from a network, e.g. in a container or on a trusted LAN (env SEATGUARD_ALLOW_DEV_ON_NETWORK). Without it, a --host other than loopback needs --production.")
    boolean allowDevOnNetwork;

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Mixin
    ChallengeOptions challenges = new ChallengeOptions();

    @Override
    public Integer call() {
        ServerConfig config;
        try {
            config = config();
        }
        catch (ConfigException e) {
            System.err.println("seatguard: " + e.getMessage());
            return 2;
        }
        SeatguardServer server;
        try {
            server = SeatguardServer.start(config);
        }
        catch (Throwable e) {
            // An Error too (a jar missing from the class path: NoClassDefFoundError), which printed the JVM's
            // raw stack trace in place of this line (found in review); start has closed what it opened.
            if (StartFailure.leftToTheJvm(e)) {
                throw e;
            }
            System.err.println("seatguard: could not start: " + StartFailure.describe(e));
            return 1;
        }
        printBanner(server, config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "seatguard-shutdown"));
        try {
            stopped.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    ServerConfig config() {
        List<Cidr> proxies = trustedProxies();
        ServerConfig config = ServerConfig.builder(DataDirText.folder(dataDir))
                // Spaces around it dropped, as around every setting but the secrets (SpacesAroundNumbersAndSwitches).
                .host(host.strip())
                .port(port)
                .databaseUrl(blankToEmpty(databaseUrl))
                .redisUrl(blankToEmpty(redisUrl))
                .adminToken(blankToEmpty(adminToken))
                .trustedProxies(proxies)
                .maxBodyBytes(maxBodyBytes)
                .publicUrl(blankToEmpty(publicUrl))
                .presenceWindow(java.time.Duration.ofSeconds(presenceWindowSeconds))
                .presenceMaxLivePerApp(presenceMaxLivePerApp)
                .riskWeights(riskWeights())
                .network(network.settings())
                .challenges(challenges.settings())
                .retentionDays(retentionDays)
                .patternThresholds(patternThresholds())
                .webhookAllowPrivate(webhookAllowPrivate)
                .sqliteSynchronous(sqliteSynchronous())
                .browserRateLimit(browserRateLimit)
                .build();
        refuseDevelopmentOnNetwork(config);
        return config;
    }

    /**
     * The proxies {@code X-Forwarded-For} is believed from; {@code none} for none. Empty used to mean none, so
     * that {@code SEATGUARD_TRUSTED_PROXIES=}, which compose files and Helm charts write for "not set", turned
     * off the loopback default; an empty variable is now unset, as every other is ({@link EmptyVariablesAreUnset}),
     * and a list typed empty ({@code --trusted-proxies=}) is refused rather than read either way.
     */
    private List<Cidr> trustedProxies() {
        List<String> given = trustedProxies.stream().map(String::strip).filter(text -> !text.isEmpty()).toList();
        if (given.isEmpty()) {
            throw new ConfigException("the trusted proxies (--trusted-proxies, SEATGUARD_TRUSTED_PROXIES) are empty: give addresses or CIDR ranges,"
                    + " comma-separated, or none to trust no proxy");
        }
        if (given.stream().anyMatch(text -> text.equalsIgnoreCase(NO_PROXY))) {
            if (given.size() > 1) {
                throw new ConfigException("the trusted proxies (--trusted-proxies, SEATGUARD_TRUSTED_PROXIES): none trusts no proxy, and cannot"
                        + " be listed with addresses");
            }
            return List.of();
        }
        List<Cidr> proxies = new ArrayList<>();
        for (String text : given) {
            proxies.add(Cidr.parse(text).orElseThrow(() -> new ConfigException("the trusted proxies (--trusted-proxies, SEATGUARD_TRUSTED_PROXIES): '" + text + "' " + Cidr.fault(text).orElseThrow())));
        }
        return proxies;
    }

    /**
     * Development mode serves the outbox (which shows verification codes) and the demo (which writes
     * policies) to anyone who reaches the server: fine on loopback, where the README's first command
     * listens, not on a network unless the operator says so.
     */
    private void refuseDevelopmentOnNetwork(ServerConfig config) {
        if (!config.challenges().production() && !allowDevOnNetwork && !LoopbackHost.isLoopbackOnly(config.host())) {
            throw new ConfigException("--host " + config.host() + " may be reached from a network, where development mode would show anyone the"
                    + " development outbox (/dev/outbox, with verification codes) and the demo (/demo). Add --production (SEATGUARD_PRODUCTION=true)"
                    + " to run for real, or --allow-dev-on-network (SEATGUARD_ALLOW_DEV_ON_NETWORK=true) to try development mode on a network you trust");
        }
    }

    private io.seatguard.storage.SqliteSynchronous sqliteSynchronous() {
        try {
            return io.seatguard.storage.SqliteSynchronous.parse(sqliteSynchronous);
        }
        catch (IllegalArgumentException e) {
            throw new ConfigException("--sqlite-synchronous (SEATGUARD_SQLITE_SYNCHRONOUS) " + e.getMessage());
        }
    }

    private io.seatguard.core.pattern.PatternThresholds patternThresholds() {
        try {
            return io.seatguard.core.pattern.PatternThresholds.parse(patternThresholds);
        }
        catch (IllegalArgumentException e) {
            throw new ConfigException("the pattern thresholds (--pattern-thresholds, SEATGUARD_PATTERN_THRESHOLDS): " + e.getMessage());
        }
    }

    private io.seatguard.core.risk.RiskWeights riskWeights() {
        try {
            return io.seatguard.core.risk.RiskWeights.parse(riskWeights);
        }
        catch (IllegalArgumentException e) {
            throw new ConfigException("the risk weights (--risk-weights, SEATGUARD_RISK_WEIGHTS): " + e.getMessage());
        }
    }

    private static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The geolocation source and its date, or why there is none, with DB-IP's attribution. */
    private static String ipDataLine(SeatguardServer server) {
        return server.ipDataStatus().stream()
                .filter(source -> source.kind().equals("geoip") && source.loaded())
                .findFirst()
                .map(source -> source.name() + " (data " + source.date().map(Object::toString).orElse("undated")
                        + "; IP Geolocation by DB-IP, https://db-ip.com, when it is DB-IP's)")
                .orElse("no geolocation data (see docs/ip-intelligence.md)");
    }

    private static void printBanner(SeatguardServer server, ServerConfig config) {
        System.out.println(banner(server, config));
        System.out.flush();
    }

    /** What the start prints: where the server is, and on a first start its new secrets (shown once). */
    public static String banner(SeatguardServer server, ServerConfig config) {
        StringBuilder text = new StringBuilder();
        text.append("\nSeatguard is running at ").append(server.url()).append('\n');
        text.append("  storage:     ").append(server.storageDescription()).append('\n');
        if (server.generatedAdminToken().isPresent()) {
            text.append("  admin token: ").append(server.generatedAdminToken().get())
                    .append("\n               (shown once; only its hash is stored. Pass it as SEATGUARD_ADMIN_TOKEN to ./seatguard apps …)\n");
        }
        else if (config.adminToken().isPresent()) {
            text.append("  admin token: the one you configured\n");
        }
        else {
            text.append("  admin token: stored from the first start (start with --admin-token to replace it)\n");
        }
        if (server.setUpByAnotherNode()) {
            // Nothing to show here: the secrets are stored as hashes only, and that node showed them.
            text.append("  first start: another node set this store up as it started; its banner shows the admin token, dashboard password\n")
                    .append("               and default app keys it made (once: only their hashes are stored)\n");
        }
        server.createdOperator().ifPresent(operator -> text
                .append("  dashboard:   ").append(server.url()).append("/dashboard  sign in as ").append(operator.email())
                .append(" with ").append(operator.password()).append("\n               (shown once; add operators with ./seatguard operators create)\n"));
        server.createdDefaultApp().ifPresent(created -> text
                .append("  default app: ").append(created.app().id()).append('\n')
                .append("    client_id:  ").append(created.app().clientId()).append("   (for browsers)\n")
                .append("    secret_key: ").append(created.secretKey()).append("   (for your backend; shown once)\n")
                .append("    identity_secret: ").append(created.app().identitySecrets().current().orElse("none"))
                .append("   (signs the identity your pages evaluate; shown once)\n"));
        if (config.redisUrl().isPresent()) {
            text.append("  presence:    Redis (shared by every node; sessions live ").append(config.presenceWindow().toSeconds())
                    .append(" s after their last sign of life)\n");
        }
        String stunHost = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        server.stunPort().ifPresent(port -> text.append("  stun:        udp ").append(stunHost).append(':').append(port)
                .append("   (the SDK finds the browser's real network through it)\n"));
        text.append("  ip data:     ").append(ipDataLine(server)).append('\n');
        if (server.demoApp().isPresent()) {
            text.append("  demo:        ").append(server.url()).append("/demo   (sign in as alice, bob or carol; password demo)\n");
        }
        text.append("  try:         curl -s ").append(server.url()).append("/readyz\n");
        return text.toString();
    }
}
