package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.net.ClientIpResolver;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.presence.Heartbeats;
import java.net.InetAddress;

/**
 * {@code POST /v3/sessions/heartbeat} and {@code POST /v3/sessions/end} (CONTRACT.md "Presence"), called
 * by the browser SDK with the app's client id, like browser-mode evaluate.
 */
final class SessionHandlers {
    private final JsonBody jsonBody;
    private final AppDirectory apps;
    private final Heartbeats heartbeats;
    private final ClientIpResolver clientIps;
    private final BrowserApps browserApps;

    SessionHandlers(JsonBody jsonBody, AppDirectory apps, Heartbeats heartbeats, ClientIpResolver clientIps, BrowserApps browserApps) {
        this.clientIps = requireNonNull(clientIps, "clientIps is null");
        this.browserApps = requireNonNull(browserApps, "browserApps is null");
        this.jsonBody = requireNonNull(jsonBody, "jsonBody is null");
        this.apps = requireNonNull(apps, "apps is null");
        this.heartbeats = requireNonNull(heartbeats, "heartbeats is null");
    }

    /** {@code {active, logout}}: {@code active} is false once the device has been logged out. */
    void heartbeat(Context ctx) {
        SessionBodyReader.SessionBody body = read(ctx);
        InetAddress client = PeerAddress.client(ctx, clientIps);
        App app = app(ctx, body, client);
        Heartbeats.Beat beat = heartbeats.beat(app.id(), body.user(), body.session(), body.token(), IpAddresses.format(client));
        ObjectNode answer = Json.MAPPER.createObjectNode().put("active", beat.active()).put("logout", beat.logout());
        ctx.contentType("application/json").result(answer.toString());
    }

    void end(Context ctx) {
        SessionBodyReader.SessionBody body = read(ctx);
        App app = app(ctx, body, PeerAddress.client(ctx, clientIps));
        heartbeats.end(app.id(), body.user(), body.session());
        ctx.status(204);
    }

    private SessionBodyReader.SessionBody read(Context ctx) {
        Cors.exposeToKnownOrigin(ctx, apps);
        return SessionBodyReader.read(jsonBody.readObject(ctx));
    }

    /** The body's app, once the call is counted against its browser rate limit (and answered with its CORS headers). */
    private App app(Context ctx, SessionBodyReader.SessionBody body, InetAddress client) {
        return browserApps.of(ctx, body.clientId(), client);
    }
}
