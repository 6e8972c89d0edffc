package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.seatguard.core.app.App;
import io.seatguard.core.app.AppService;
import io.seatguard.storage.CacheBuilders;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Apps by client id for browser calls, cached briefly: browser traffic is the hot path and apps change
 * rarely. Another node's change (new origins) is seen within {@link #TTL}; this node's own changes at
 * once, as every place that changes an app here (the API, the dashboard, the server's start) calls
 * {@link #invalidate}.
 */
public final class AppDirectory {
    static final Duration TTL = Duration.ofSeconds(10);
    /**
     * How often one client id may bypass the cache. The client id is public: without a bound, every
     * request with a bad signature would be a read of the store.
     */
    static final Duration REREAD_INTERVAL = Duration.ofSeconds(1);

    private final AppService apps;
    private final LoadingCache<String, Optional<App>> byClientId;
    private final LoadingCache<String, Set<String>> allOrigins;
    /** Client ids read again from the store within the last {@link #REREAD_INTERVAL}. */
    private final Cache<String, Boolean> rereadRecently;

    public AppDirectory(AppService apps) {
        this.apps = requireNonNull(apps, "apps is null");
        this.byClientId = CacheBuilders.bounded(10_000).expireAfterWrite(TTL).build(apps::findByClientId);
        this.allOrigins = CacheBuilders.inline().expireAfterWrite(TTL).build(key -> apps.list().stream()
                .flatMap(app -> app.allowedOrigins().stream())
                .collect(Collectors.toUnmodifiableSet()));
        this.rereadRecently = CacheBuilders.bounded(10_000).expireAfterWrite(REREAD_INTERVAL).build();
    }

    Optional<App> byClientId(String clientId) {
        return byClientId.get(clientId);
    }

    /**
     * The app as stored now, bypassing the cache, which it then holds; for a browser call that the cached
     * app refuses but a change made on another node within {@link #TTL} may allow (a rotated identity secret).
     * At most once per {@link #REREAD_INTERVAL} per client id; otherwise the cached app.
     */
    Optional<App> reread(String clientId) {
        if (rereadRecently.asMap().putIfAbsent(clientId, Boolean.TRUE) != null) {
            return byClientId(clientId);
        }
        Optional<App> stored = apps.findByClientId(clientId);
        byClientId.put(clientId, stored);
        return stored;
    }

    /** Origins any app allows: what a CORS preflight, which carries no client id, can be judged by. */
    boolean anyAppAllows(String origin) {
        return allOrigins.get("all").contains(origin);
    }

    /** Forgets every cached app and origin: the next browser call reads them again. */
    public void invalidate() {
        byClientId.invalidateAll();
        allOrigins.invalidateAll();
    }
}
