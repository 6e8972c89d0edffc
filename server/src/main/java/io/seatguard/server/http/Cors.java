package io.seatguard.server.http;

import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;

/**
 * CORS for browser calls. Each app lists the origins its pages are served from; a browser request from
 * any other origin is refused, so a stranger's page cannot spend an app's client id. Requests without
 * an {@code Origin} header (servers, curl) are not browser cross-origin calls and pass.
 */
final class Cors {
    /** Headers a page may read besides the simple ones: how long to wait, and the request's id. */
    static final String EXPOSED_HEADERS = "Retry-After, " + RequestIds.HEADER;

    private Cors() {}

    static void preflight(Context ctx, AppDirectory apps) {
        String origin = ctx.header("Origin");
        if (origin == null || !apps.anyAppAllows(origin)) {
            throw new SeatguardException(ErrorCode.ORIGIN_NOT_ALLOWED, "Origin " + origin + " is not among any app's allowed origins",
                    java.util.List.of(new io.seatguard.core.error.FieldError("Origin", origin == null ? "is missing" : "is not among any app's allowed origins")));
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Allow-Methods", "POST, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Content-Type");
        ctx.header("Access-Control-Max-Age", "600");
        ctx.header("Vary", "Origin");
        ctx.status(204);
    }

    /**
     * Lets the browser read this answer, errors included, when some app allows the origin: a page whose
     * evaluate call is refused must be able to read why. Whether this app allows it is {@link #allow}'s
     * job, once the body has named the app.
     */
    static void exposeToKnownOrigin(Context ctx, AppDirectory apps) {
        String origin = ctx.header("Origin");
        if (origin != null && apps.anyAppAllows(origin)) {
            readable(ctx, origin);
        }
    }

    /** Checks the app allows the request's origin, and says so to the browser. */
    static void allow(Context ctx, App app) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        if (!app.allowsOrigin(origin)) {
            // Another app allowing this origin must not let this app's refusal read as a success.
            ctx.res().setHeader("Access-Control-Allow-Origin", null);
            throw new SeatguardException(ErrorCode.ORIGIN_NOT_ALLOWED, "Origin " + origin + " is not in this app's allowed_origins",
                    java.util.List.of(new io.seatguard.core.error.FieldError("Origin", "is not in this app's allowed_origins")));
        }
        readable(ctx, origin);
    }

    /**
     * The answer, its {@code Retry-After} and its {@code X-Request-Id} (headers browsers show a page only
     * when told), readable by {@code origin}.
     */
    private static void readable(Context ctx, String origin) {
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        ctx.header("Vary", "Origin");
    }
}
