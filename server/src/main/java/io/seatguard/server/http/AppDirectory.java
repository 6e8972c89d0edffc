package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

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

    private final AppService apps;
    private final LoadingCache<String, Optional<App>> byClientId;
    private final LoadingCache<String, Set<String>> allOrigins;

    public AppDirectory(AppService apps) {
        this.apps = requireNonNull(apps, "apps is null");
        this.byClientId = CacheBuilders.bounded(10_000).expireAfterWrite(TTL).build(apps::findByClientId);
        this.allOrigins = CacheBuilders.inline().expireAfterWrite(TTL).build(key -> apps.list().stream()
                .flatMap(app -> app.allowedOrigins().stream())
                .collect(Collectors.toUnmodifiableSet()));
    }

    Optional<App> byClientId(String clientId) {
        return byClientId.get(clientId);
    }

    /**
     * The app as stored now, bypassing the cache, which it then holds; for a browser call that the cached
     * app refuses but a change made on another node within {@link #TTL} may allow (a rotated identity secret).
     */
    Optional<App> reread(String clientId) {
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
