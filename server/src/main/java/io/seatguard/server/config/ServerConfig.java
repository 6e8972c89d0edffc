package io.seatguard.server.config;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.net.Cidr;
import java.nio.file.Path;
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
 * @param publicUrl the URL people reach this server at, used in printed URLs and the default app's origins
 * @param network IP intelligence sources and the network and history checks' thresholds
 * @param challenges how verification codes are delivered, and the code limits
 * @param retentionDays evaluations recorded longer ago than this are deleted; 0 keeps them forever
 * @param patternThresholds where account patterns become suspicious and dangerous
 * @param webhookAllowPrivate whether webhook URLs may resolve to private or loopback addresses
 * @param browserRateLimit browser calls one client address may make to one app a minute, on each node; 0 for no limit
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
        java.time.Duration presenceWindow,
        io.seatguard.core.risk.RiskWeights riskWeights,
        NetworkSettings network,
        ChallengeSettings challenges,
        int retentionDays,
        io.seatguard.core.pattern.PatternThresholds patternThresholds,
        boolean webhookAllowPrivate,
        io.seatguard.storage.SqliteSynchronous sqliteSynchronous,
        int browserRateLimit) {
    public static final int DEFAULT_PORT = 8080;
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
    public static final java.time.Duration DEFAULT_PRESENCE_WINDOW = java.time.Duration.ofSeconds(90);
    /** Shorter than two heartbeats would end live sessions between beats. */
    static final java.time.Duration MIN_PRESENCE_WINDOW = java.time.Duration.ofSeconds(45);
    static final java.time.Duration MAX_PRESENCE_WINDOW = java.time.Duration.ofHours(1);

    public ServerConfig {
        requireNonNull(host, "host is null");
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
            throw new ConfigException("the retention must be between 0 (keep forever) and " + MAX_RETENTION_DAYS + " days, not " + retentionDays);
        }
        if (presenceWindow.compareTo(MIN_PRESENCE_WINDOW) < 0 || presenceWindow.compareTo(MAX_PRESENCE_WINDOW) > 0) {
            throw new ConfigException("the presence window must be between " + MIN_PRESENCE_WINDOW.toSeconds() + " and " + MAX_PRESENCE_WINDOW.toSeconds()
                    + " seconds, not " + presenceWindow.toSeconds());
        }
        if (browserRateLimit < 0 || browserRateLimit > MAX_BROWSER_RATE_LIMIT) {
            throw new ConfigException("the browser rate limit must be between 0 (no limit) and " + MAX_BROWSER_RATE_LIMIT + " calls a minute, not "
                    + browserRateLimit);
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("port must be between 0 and 65535, not " + port);
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > 16 * 1024 * 1024) {
            throw new ConfigException("max body size must be between 1 KiB and 16 MiB, not " + maxBodyBytes);
        }
        if (adminToken.isPresent() && adminToken.get().length() < MIN_ADMIN_TOKEN_LENGTH) {
            throw new ConfigException("the admin token must be at least " + MIN_ADMIN_TOKEN_LENGTH + " characters");
        }
        if (redisUrl.isPresent() && !redisUrl.get().matches("rediss?://\\S+")) {
            throw new ConfigException("the Redis URL must look like redis://host:6379 (or rediss:// for TLS)");
        }
        if (publicUrl.isPresent() && !publicUrl.get().matches("https?://[^/\\s]+")) {
            throw new ConfigException("the public URL must be a scheme and host without a path, e.g. https://seatguard.example.com");
        }
    }

    /**
     * Every setting but when SQLite's commits reach the disk, which is then each group commit ({@code FULL}),
     * and the browser rate limit, which is then its default.
     */
    public ServerConfig(String host, int port, Path dataDir, Optional<String> databaseUrl, Optional<String> redisUrl, Optional<String> adminToken,
            List<Cidr> trustedProxies, int maxBodyBytes, Optional<String> publicUrl, java.time.Duration presenceWindow,
            io.seatguard.core.risk.RiskWeights riskWeights, NetworkSettings network, ChallengeSettings challenges, int retentionDays,
            io.seatguard.core.pattern.PatternThresholds patternThresholds, boolean webhookAllowPrivate) {
        this(host, port, dataDir, databaseUrl, redisUrl, adminToken, trustedProxies, maxBodyBytes, publicUrl, presenceWindow, riskWeights, network,
                challenges, retentionDays, patternThresholds, webhookAllowPrivate, io.seatguard.storage.SqliteSynchronous.FULL,
                DEFAULT_BROWSER_RATE_LIMIT);
    }

    public ServerConfig withSqliteSynchronous(io.seatguard.storage.SqliteSynchronous synchronous) {
        return new ServerConfig(host, port, dataDir, databaseUrl, redisUrl, adminToken, trustedProxies, maxBodyBytes, publicUrl, presenceWindow,
                riskWeights, network, challenges, retentionDays, patternThresholds, webhookAllowPrivate, synchronous, browserRateLimit);
    }

    /** Defaults for an embedded server on a free port, for tests and tools. */
    public static ServerConfig embeddedForTests(Path dataDir) {
        return new ServerConfig("127.0.0.1", 0, dataDir, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(Cidr.parse("127.0.0.0/8").orElseThrow(), Cidr.parse("::1").orElseThrow()), DEFAULT_MAX_BODY_BYTES, Optional.empty(),
                DEFAULT_PRESENCE_WINDOW, io.seatguard.core.risk.RiskWeights.defaults(), NetworkSettings.NONE,
                ChallengeSettings.DEVELOPMENT, DEFAULT_RETENTION_DAYS,
                io.seatguard.core.pattern.PatternThresholds.DEFAULTS, false, io.seatguard.storage.SqliteSynchronous.FULL, DEFAULT_BROWSER_RATE_LIMIT);
    }

    public ServerConfig withDatabaseUrl(String url) {
        return new ServerConfig(host, port, dataDir, Optional.of(url), redisUrl, adminToken, trustedProxies, maxBodyBytes, publicUrl, presenceWindow, riskWeights, network, challenges, retentionDays, patternThresholds, webhookAllowPrivate, sqliteSynchronous, browserRateLimit);
    }

    public ServerConfig withRedisUrl(String url) {
        return new ServerConfig(host, port, dataDir, databaseUrl, Optional.of(url), adminToken, trustedProxies, maxBodyBytes, publicUrl, presenceWindow, riskWeights, network, challenges, retentionDays, patternThresholds, webhookAllowPrivate, sqliteSynchronous, browserRateLimit);
    }

    public ServerConfig withNetwork(NetworkSettings settings) {
        return new ServerConfig(host, port, dataDir, databaseUrl, redisUrl, adminToken, trustedProxies, maxBodyBytes, publicUrl, presenceWindow, riskWeights,
                settings, challenges, retentionDays, patternThresholds, webhookAllowPrivate, sqliteSynchronous, browserRateLimit);
    }

    public ServerConfig withChallenges(ChallengeSettings settings) {
        return new ServerConfig(host, port, dataDir, databaseUrl, redisUrl, adminToken, trustedProxies, maxBodyBytes, publicUrl, presenceWindow, riskWeights,
                network, settings, retentionDays, patternThresholds, webhookAllowPrivate, sqliteSynchronous, browserRateLimit);
    }

    public ServerConfig withWebhookAllowPrivate(boolean allow) {
        return new ServerConfig(host, port, dataDir, databaseUrl, redisUrl, adminToken, trustedProxies, maxBodyBytes, publicUrl, presenceWindow,
                riskWeights, network, challenges, retentionDays, patternThresholds, allow, sqliteSynchronous, browserRateLimit);
    }

    public ServerConfig withPublicUrl(String url) {
        return new ServerConfig(host, port, dataDir, databaseUrl, redisUrl, adminToken, trustedProxies, maxBodyBytes, Optional.of(url), presenceWindow,
                riskWeights, network, challenges, retentionDays, patternThresholds, webhookAllowPrivate, sqliteSynchronous, browserRateLimit);
    }

    public ServerConfig withAdminToken(String token) {
        return new ServerConfig(host, port, dataDir, databaseUrl, redisUrl, Optional.of(token), trustedProxies, maxBodyBytes, publicUrl, presenceWindow, riskWeights, network, challenges, retentionDays, patternThresholds, webhookAllowPrivate, sqliteSynchronous, browserRateLimit);
    }

    public ServerConfig withBrowserRateLimit(int perMinute) {
        return new ServerConfig(host, port, dataDir, databaseUrl, redisUrl, adminToken, trustedProxies, maxBodyBytes, publicUrl, presenceWindow,
                riskWeights, network, challenges, retentionDays, patternThresholds, webhookAllowPrivate, sqliteSynchronous, perMinute);
    }

    public ServerConfig withHost(String listenOn) {
        return new ServerConfig(listenOn, port, dataDir, databaseUrl, redisUrl, adminToken, trustedProxies, maxBodyBytes, publicUrl, presenceWindow,
                riskWeights, network, challenges, retentionDays, patternThresholds, webhookAllowPrivate, sqliteSynchronous, browserRateLimit);
    }
}
