package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.seatguard.core.app.App;
import io.seatguard.core.app.AppService;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.storage.CacheBuilders;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Apps by client id for browser calls, cached briefly: browser traffic is the hot path and apps change
 * rarely. Another node's change (new origins) is seen within {@link #TTL} (the first call after it reads
 * the app again, the calls after that see the change); this node's own changes at once, as every place
 * that changes an app here (the API, the dashboard, the server's start) calls {@link #invalidate}.
 *
 * <p>An app is read again after {@link #TTL} by one call while the others go on with the one held, and
 * while the store cannot be read the one held is kept, for up to {@link #STALE_LIMIT}. Why: when a
 * cached app expired outright, every browser call for it waited on the one reading it again, behind the
 * cache's lock; with the database silent that read waited seconds, and so did every browser call of the
 * app (docs/benchmarks.md, "A database that falls silent under load").
 */
public final class AppDirectory {
    static final Duration TTL = Duration.ofSeconds(10);
    /** How long an app is served from the cache while the store cannot be read. */
    static final Duration STALE_LIMIT = Duration.ofMinutes(5);
    /**
     * How often one client id may bypass the cache. The client id is public: without a bound, every
     * request with a bad signature would be a read of the store.
     */
    static final Duration REREAD_INTERVAL = Duration.ofSeconds(1);

    private final AppService apps;
    private final Ticker ticker;
    /** Apps found; a client id no app has is never held here, so that a flood of made-up ids cannot evict them. */
    private final LoadingCache<String, Held<App>> byClientId;
    /**
     * Client ids no app had when read, for {@link #TTL}: the client id is public, and without this each
     * browser call naming a made-up one would be a read of the store.
     */
    private final Cache<String, Boolean> unknownClientIds;
    private final LoadingCache<String, Held<Set<String>>> allOrigins;
    /** Client ids read again from the store within the last {@link #REREAD_INTERVAL}. */
    private final Cache<String, Boolean> rereadRecently;

    public AppDirectory(AppService apps) {
        this(apps, Ticker.systemTicker());
    }

    /** @param ticker the caches' clock (tests move it) */
    AppDirectory(AppService apps, Ticker ticker) {
        this.apps = requireNonNull(apps, "apps is null");
        this.ticker = requireNonNull(ticker, "ticker is null");
        this.byClientId = CacheBuilders.bounded(10_000).ticker(ticker).refreshAfterWrite(TTL).expireAfterWrite(STALE_LIMIT)
                .build(new KeptWhileUnreadable<>(clientId -> apps.findByClientId(clientId).map(AppDirectory::asBrowsersSendThem).orElse(null), ticker));
        this.unknownClientIds = CacheBuilders.bounded(10_000).ticker(ticker).expireAfterWrite(TTL).build();
        this.allOrigins = CacheBuilders.inline().ticker(ticker).refreshAfterWrite(TTL).expireAfterWrite(STALE_LIMIT)
                .build(new KeptWhileUnreadable<>(key -> apps.list().stream()
                        .flatMap(app -> asBrowsersSendThem(app).allowedOrigins().stream())
                        .collect(Collectors.toUnmodifiableSet()), ticker));
        this.rereadRecently = CacheBuilders.bounded(10_000).ticker(ticker).expireAfterWrite(REREAD_INTERVAL).build();
    }

    /**
     * The app with its origins as a browser's {@code Origin} header writes them. Stored so since origins
     * are read that way ({@link AppFields#origins}); one stored by an earlier release as written
     * ({@code http://[0:0::1]}, {@code http://2130706433}) would otherwise never equal the header, and CORS
     * compares text. One that does not read as an origin at all is kept as stored.
     */
    static App asBrowsersSendThem(App app) {
        java.util.List<String> origins = app.allowedOrigins().stream().map(origin -> Origins.of(origin).orElse(origin)).distinct().toList();
        return origins.equals(app.allowedOrigins()) ? app : app.withAllowedOrigins(origins);
    }

    /** A value and when it was read from the store (the ticker's nanoseconds). */
    private record Held<V>(V value, long readAt) {}

    /**
     * Loads through {@code read}; a {@code null} read is no entry. A reload the store cannot answer keeps the value held, and the next try
     * waits another {@link #TTL} (rather than every call trying, and Caffeine logging each failure with its
     * trace), as long as the value was read less than {@link #STALE_LIMIT} ago; after that it is dropped.
     */
    private record KeptWhileUnreadable<K, V>(java.util.function.Function<K, V> read, Ticker ticker) implements CacheLoader<K, Held<V>> {
        @Override
        public Held<V> load(K key) {
            V value = read.apply(key);
            return value == null ? null : new Held<>(value, ticker.read());
        }

        @Override
        public Held<V> reload(K key, Held<V> held) {
            try {
                return load(key);
            }
            catch (SeatguardException e) {
                if (e.code() != ErrorCode.STORAGE_UNAVAILABLE) {
                    throw e;
                }
                // null removes the entry: the next call reads the store, and says so if it cannot.
                return ticker.read() - held.readAt() < STALE_LIMIT.toNanos() ? held : null;
            }
        }
    }

    Optional<App> byClientId(String clientId) {
        // A held app first, in one lookup: nearly every browser call names one (and its refresh runs as it would).
        Held<App> held = byClientId.getIfPresent(clientId);
        if (held != null) {
            return Optional.of(held.value());
        }
        if (unknownClientIds.getIfPresent(clientId) != null) {
            return Optional.empty();
        }
        held = byClientId.get(clientId);
        if (held == null) {
            unknownClientIds.put(clientId, Boolean.TRUE);
            return Optional.empty();
        }
        return Optional.of(held.value());
    }

    /** Whether this node holds an app for {@code clientId} now; never reads the store. */
    boolean holdsApp(String clientId) {
        return byClientId.getIfPresent(clientId) != null;
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
        Optional<App> stored = apps.findByClientId(clientId).map(AppDirectory::asBrowsersSendThem);
        if (stored.isPresent()) {
            unknownClientIds.invalidate(clientId);
            byClientId.put(clientId, new Held<>(stored.get(), ticker.read()));
        }
        else {
            byClientId.invalidate(clientId);
            unknownClientIds.put(clientId, Boolean.TRUE);
        }
        return stored;
    }

    /** Origins any app allows: what a CORS preflight, which carries no client id, can be judged by. */
    boolean anyAppAllows(String origin) {
        return allOrigins.get("all").value().contains(origin);
    }

    /**
     * Whether some app allows {@code origin}, by what this node holds now: never reads storage, because
     * it is asked by answers refused before any route ran (a full server, a stopping one), when storage may
     * be what is slow. Before the first browser call nothing is held, and the answer is no.
     */
    public boolean heldOriginAllowed(String origin) {
        Held<Set<String>> held = allOrigins.asMap().get("all");
        return held != null && held.value().contains(origin);
    }

    /** Forgets every cached app and origin: the next browser call reads them again. */
    public void invalidate() {
        byClientId.invalidateAll();
        unknownClientIds.invalidateAll();
        allOrigins.invalidateAll();
    }
}
