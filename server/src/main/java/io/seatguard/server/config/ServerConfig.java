package io.seatguard.server.config;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.net.Cidr;
import io.seatguard.core.pattern.PatternThresholds;
import io.seatguard.core.risk.RiskWeights;
import io.seatguard.server.http.Origins;
import io.seatguard.storage.JdbcTarget;
import io.seatguard.storage.RedisUrl;
import io.seatguard.storage.SqliteSynchronous;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the server is configured with, validated once at start (flags, then {@code SEATGUARD_*}
 * environment variables, then defaults; see docs/configuration.md).
 *
 * @param port 0 picks a free port (tests)
 * @param databaseUrl PostgreSQL (or explicit SQLite) URL; empty means SQLite in {@code dataDir}
 * @param redisUrl Redis for presence shared by several nodes; empty keeps presence in this process
 * @param presenceWindow how long a session stays live after its last heartbeat or evaluation
 * @param riskWeights points per risk signal (docs/risk.md)
 * @param adminToken when given, replaces the stored admin token; otherwise one is generated on first start
 * @param publicUrl the origin people reach this server at ({@code https://seatguard.example.com}, as browsers write it), used in
 *     printed URLs, challenge redirects and the default app's origins
 * @param network IP intelligence sources and the network and history checks' thresholds
 * @param challenges how verification codes are delivered, and the code limits
 * @param retentionDays evaluations recorded longer ago than this are deleted; 0 keeps them forever
 * @param patternThresholds where account patterns become suspicious and dangerous
 * @param webhookAllowPrivate whether webhook URLs may resolve to addresses that are not globally reachable
 * @param browserRateLimit browser calls one client address may make to one app a minute, on each node; 0 for no limit
 * @param presenceMaxLivePerApp the most live sessions an app keeps before it refuses new unvouched ones
 *     ({@link io.seatguard.core.presence.Presence#DEFAULT_MAX_LIVE_PER_APP})
 */
public record ServerConfig(
        String host,
        int port,
        Path dataDir,
        Optional<String> databaseUrl,
        Optional<String> redisUrl,
        Optional<String> adminToken,
        List<Cidr> trustedProxies,
        int maxBodyBytes,
        Optional<String> publicUrl,
        Duration presenceWindow,
        RiskWeights riskWeights,
        NetworkSettings network,
        ChallengeSettings challenges,
        int retentionDays,
        PatternThresholds patternThresholds,
        boolean webhookAllowPrivate,
        SqliteSynchronous sqliteSynchronous,
        int browserRateLimit,
        long presenceMaxLivePerApp) {
    public static final int DEFAULT_PORT = 8080;
    /** Only this machine may name the client address in {@code X-Forwarded-For} unless the operator says otherwise. */
    static final List<Cidr> LOOPBACK = List.of(Cidr.parse("127.0.0.0/8").orElseThrow(), Cidr.parse("::1").orElseThrow());
    public static final int DEFAULT_RETENTION_DAYS = 90;
    static final int MAX_RETENTION_DAYS = 3650;
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final int MIN_ADMIN_TOKEN_LENGTH = 16;
    /**
     * Twenty calls a second, held for a minute, from one address to one app: a person's browser makes a few
     * calls per page and a heartbeat every 30 s, so this leaves room for an office or a carrier's NAT of
     * many people, and bounds what one address can write by a hundred times below what one node can take.
     */
    public static final int DEFAULT_BROWSER_RATE_LIMIT = 1_200;
    static final int MAX_BROWSER_RATE_LIMIT = 1_000_000;
    /** Three missed heartbeats (the SDK beats every 30 s) end a session. */
    public static final Duration DEFAULT_PRESENCE_WINDOW = Duration.ofSeconds(90);
    /** Shorter than two heartbeats would end live sessions between beats. */
    static final Duration MIN_PRESENCE_WINDOW = Duration.ofSeconds(45);
    static final Duration MAX_PRESENCE_WINDOW = Duration.ofHours(1);
    /**
     * Below a hundred, an app's own few unsigned tabs would be refused at a busy moment; above a hundred
     * million, the cap bounds nothing one node's memory or one Redis could hold.
     */
    static final long MIN_PRESENCE_MAX_LIVE_PER_APP = 100;
    static final long MAX_PRESENCE_MAX_LIVE_PER_APP = 100_000_000;

    public ServerConfig {
        host = ListenHost.require(requireNonNull(host, "host is null"));
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(databaseUrl, "databaseUrl is null");
        requireNonNull(redisUrl, "redisUrl is null");
        requireNonNull(adminToken, "adminToken is null");
        trustedProxies = List.copyOf(requireNonNull(trustedProxies, "trustedProxies is null"));
        requireNonNull(publicUrl, "publicUrl is null");
        requireNonNull(presenceWindow, "presenceWindow is null");
        requireNonNull(riskWeights, "riskWeights is null");
        requireNonNull(network, "network is null");
        requireNonNull(challenges, "challenges is null");
        requireNonNull(patternThresholds, "patternThresholds is null");
        requireNonNull(sqliteSynchronous, "sqliteSynchronous is null");
        if (retentionDays < 0 || retentionDays > MAX_RETENTION_DAYS) {
            throw new ConfigException("the retention (--retention-days, SEATGUARD_RETENTION_DAYS) must be between 0 (keep forever) and " + MAX_RETENTION_DAYS + " days, not " + retentionDays);
        }
        if (presenceWindow.compareTo(MIN_PRESENCE_WINDOW) < 0 || presenceWindow.compareTo(MAX_PRESENCE_WINDOW) > 0) {
            throw new ConfigException("the presence window (--presence-window, SEATGUARD_PRESENCE_WINDOW) must be between " + MIN_PRESENCE_WINDOW.toSeconds() + " and " + MAX_PRESENCE_WINDOW.toSeconds()
                    + " seconds, not " + presenceWindow.toSeconds());
        }
        if (presenceMaxLivePerApp < MIN_PRESENCE_MAX_LIVE_PER_APP || presenceMaxLivePerApp > MAX_PRESENCE_MAX_LIVE_PER_APP) {
            throw new ConfigException("the most live sessions per app (--presence-max-live-per-app, SEATGUARD_PRESENCE_MAX_LIVE_PER_APP) must be between "
                    + MIN_PRESENCE_MAX_LIVE_PER_APP + " and " + MAX_PRESENCE_MAX_LIVE_PER_APP + ", not " + presenceMaxLivePerApp);
        }
        if (browserRateLimit < 0 || browserRateLimit > MAX_BROWSER_RATE_LIMIT) {
            throw new ConfigException("the browser rate limit (--browser-rate-limit, SEATGUARD_BROWSER_RATE_LIMIT) must be between 0 (no limit) and " + MAX_BROWSER_RATE_LIMIT + " calls a minute, not "
                    + browserRateLimit);
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("the port (--port, SEATGUARD_PORT) must be between 0 and 65535, not " + port);
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > 16 * 1024 * 1024) {
            throw new ConfigException("the largest body (--max-body-bytes, SEATGUARD_MAX_BODY_BYTES) must be between 1 KiB (1024) and 16 MiB (16777216), not " + maxBodyBytes);
        }
        if (adminToken.isPresent() && adminToken.get().length() < MIN_ADMIN_TOKEN_LENGTH) {
            throw new ConfigException("the admin token (--admin-token, SEATGUARD_ADMIN_TOKEN) must be at least " + MIN_ADMIN_TOKEN_LENGTH + " characters");
        }
        adminToken.ifPresent(token -> HeaderSafeToken.requireSendable(token, "the admin token (--admin-token, SEATGUARD_ADMIN_TOKEN)"));
        databaseUrl.ifPresent(ServerConfig::requireDatabaseUrl);
        redisUrl.flatMap(RedisUrl::fault).ifPresent(fault -> {
            throw new ConfigException("the Redis URL (--redis-url, SEATGUARD_REDIS_URL): " + fault);
        });
        publicUrl = publicUrl.map(ServerConfig::requirePublicUrl);
    }

    /**
     * The name given in SMTP's EHLO: the operator's, else the public URL's host when one is configured and is
     * a domain name, else none, and the mail library says the machine's host name ({@link SmtpHeloName}).
     */
    public Optional<String> smtpHeloName() {
        return challenges.smtpHeloName().or(() -> publicUrl.flatMap(SmtpHeloName::ofPublicUrl));
    }

    /**
     * Challenge redirects are {@code <public-url>/challenge/ch_…}: a query, fragment or path would land in
     * the middle of them, and user info would send browsers elsewhere. The one rule for an origin
     * ({@link Origins#exactly}), written as browsers write it; a trailing slash is dropped.
     */
    private static String requirePublicUrl(String url) {
        String site = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return Origins.exactly(site).orElseThrow(() -> new ConfigException("--public-url must be http(s)://host, with :port if not the scheme's"
                + " default, and nothing else (no user, path, query or fragment), e.g. https://seatguard.example.com; not '" + url + "'"));
    }

    /** A database URL the storage could not open is a setting's fault: said before anything starts. */
    private static void requireDatabaseUrl(String url) {
        try {
            JdbcTarget.parse(url);
        }
        catch (IllegalArgumentException e) {
            throw new ConfigException("the database URL: " + e.getMessage());
        }
        SqliteUrl.fault(url).ifPresent(fault -> {
            throw new ConfigException("the database URL (--database-url, SEATGUARD_DATABASE_URL) " + fault);
        });
    }

    /**
     * A builder holding the defaults of {@code ./seatguard serve} (docs/configuration.md), except that it
     * has no IP data ({@link NetworkSettings#NONE}) and no admin token: the settings one names are the
     * only ones that differ from a plain start.
     */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** A builder holding this configuration, to change a few settings of it. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds a {@link ServerConfig} from named settings, so that adding a setting changes this class and
     * the command line, not every place that needs a configuration. {@link #build()} validates.
     */
    public static final class Builder {
        private String host;
        private int port;
        private Path dataDir;
        private Optional<String> databaseUrl;
        private Optional<String> redisUrl;
        private Optional<String> adminToken;
        private List<Cidr> trustedProxies;
        private int maxBodyBytes;
        private Optional<String> publicUrl;
        private Duration presenceWindow;
        private RiskWeights riskWeights;
        private NetworkSettings network;
        private ChallengeSettings challenges;
        private int retentionDays;
        private PatternThresholds patternThresholds;
        private boolean webhookAllowPrivate;
        private SqliteSynchronous sqliteSynchronous;
        private int browserRateLimit;
        private long presenceMaxLivePerApp;

        private Builder(Path dataDir) {
            host = "127.0.0.1";
            port = DEFAULT_PORT;
            this.dataDir = dataDir;
            databaseUrl = Optional.empty();
            redisUrl = Optional.empty();
            adminToken = Optional.empty();
            trustedProxies = LOOPBACK;
            maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
            publicUrl = Optional.empty();
            presenceWindow = DEFAULT_PRESENCE_WINDOW;
            riskWeights = RiskWeights.defaults();
            network = NetworkSettings.NONE;
            challenges = ChallengeSettings.DEVELOPMENT;
            retentionDays = DEFAULT_RETENTION_DAYS;
            patternThresholds = PatternThresholds.DEFAULTS;
            webhookAllowPrivate = false;
            sqliteSynchronous = SqliteSynchronous.FULL;
            browserRateLimit = DEFAULT_BROWSER_RATE_LIMIT;
            presenceMaxLivePerApp = io.seatguard.core.presence.Presence.DEFAULT_MAX_LIVE_PER_APP;
        }

        private Builder(ServerConfig config) {
            host = config.host;
            port = config.port;
            dataDir = config.dataDir;
            databaseUrl = config.databaseUrl;
            redisUrl = config.redisUrl;
            adminToken = config.adminToken;
            trustedProxies = config.trustedProxies;
            maxBodyBytes = config.maxBodyBytes;
            publicUrl = config.publicUrl;
            presenceWindow = config.presenceWindow;
            riskWeights = config.riskWeights;
            network = config.network;
            challenges = config.challenges;
            retentionDays = config.retentionDays;
            patternThresholds = config.patternThresholds;
            webhookAllowPrivate = config.webhookAllowPrivate;
            sqliteSynchronous = config.sqliteSynchronous;
            browserRateLimit = config.browserRateLimit;
            presenceMaxLivePerApp = config.presenceMaxLivePerApp;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder dataDir(Path value) {
            dataDir = value;
            return this;
        }

        /** Empty keeps SQLite in the data folder. */
        public Builder databaseUrl(Optional<String> value) {
            databaseUrl = value;
            return this;
        }

        public Builder databaseUrl(String value) {
            return databaseUrl(Optional.of(value));
        }

        /** Empty keeps presence in this process. */
        public Builder redisUrl(Optional<String> value) {
            redisUrl = value;
            return this;
        }

        public Builder redisUrl(String value) {
            return redisUrl(Optional.of(value));
        }

        /** Empty keeps the stored token, or generates one on first start. */
        public Builder adminToken(Optional<String> value) {
            adminToken = value;
            return this;
        }

        public Builder adminToken(String value) {
            return adminToken(Optional.of(value));
        }

        public Builder trustedProxies(List<Cidr> value) {
            trustedProxies = value;
            return this;
        }

        public Builder maxBodyBytes(int value) {
            maxBodyBytes = value;
            return this;
        }

        public Builder publicUrl(Optional<String> value) {
            publicUrl = value;
            return this;
        }

        public Builder publicUrl(String value) {
            return publicUrl(Optional.of(value));
        }

        public Builder presenceWindow(Duration value) {
            presenceWindow = value;
            return this;
        }

        public Builder riskWeights(RiskWeights value) {
            riskWeights = value;
            return this;
        }

        public Builder network(NetworkSettings value) {
            network = value;
            return this;
        }

        public Builder challenges(ChallengeSettings value) {
            challenges = value;
            return this;
        }

        public Builder retentionDays(int value) {
            retentionDays = value;
            return this;
        }

        public Builder patternThresholds(PatternThresholds value) {
            patternThresholds = value;
            return this;
        }

        public Builder webhookAllowPrivate(boolean value) {
            webhookAllowPrivate = value;
            return this;
        }

        public Builder sqliteSynchronous(SqliteSynchronous value) {
            sqliteSynchronous = value;
            return this;
        }

        public Builder browserRateLimit(int value) {
            browserRateLimit = value;
            return this;
        }

        public Builder presenceMaxLivePerApp(long value) {
            presenceMaxLivePerApp = value;
            return this;
        }

        /** @throws ConfigException naming the first setting out of its bounds */
        public ServerConfig build() {
            return new ServerConfig(host, port, dataDir, databaseUrl, redisUrl, adminToken, trustedProxies, maxBodyBytes, publicUrl, presenceWindow,
                    riskWeights, network, challenges, retentionDays, patternThresholds, webhookAllowPrivate, sqliteSynchronous, browserRateLimit,
                    presenceMaxLivePerApp);
        }
    }
}
