package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.seatguard.core.app.App;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The app a browser call (browser-mode evaluate, heartbeat, session end) names by its public client id,
 * once the call is counted against the browser rate limit ({@link BrowserCallLimit}) and answered with
 * the app's CORS headers.
 *
 * <p>A client id that is no app's is counted as well, in the client's bucket for unknown ids: the id is
 * public and anyone can make up others, and each one this node does not hold is a read of the store. A
 * client that has used that bucket up is refused before the store is asked; an id this node holds as an
 * app's is never held back by it, so a page with a stale id does not shut the rest of its office out.
 */
final class BrowserApps {
    private final AppDirectory apps;
    private final BrowserCallLimit browserCalls;

    BrowserApps(AppDirectory apps, BrowserCallLimit browserCalls) {
        this.apps = requireNonNull(apps, "apps is null");
        this.browserCalls = requireNonNull(browserCalls, "browserCalls is null");
    }

    /** The app of {@code clientId}: 401 when there is none, 429 with {@code Retry-After} when {@code client} is over a limit. */
    App of(Context ctx, String clientId, InetAddress client) {
        if (!apps.holdsApp(clientId)) {
            browserCalls.refuseIfUnknownClientIdsOverLimit(ctx, client);
        }
        Optional<App> app = apps.byClientId(clientId);
        if (app.isEmpty()) {
            browserCalls.countUnknownClientId(ctx, client);
            throw Credentials.unknownClientId(clientId);
        }
        Cors.allow(ctx, app.get());
        browserCalls.count(ctx, app.get().id(), client);
        return app.get();
    }
}
