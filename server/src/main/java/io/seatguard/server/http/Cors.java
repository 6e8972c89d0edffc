package io.seatguard.server.http;

import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
                    List.of(new io.seatguard.core.error.FieldError("Origin", origin == null ? "is missing" : "is not among any app's allowed origins")));
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Allow-Methods", "POST, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", allowedHeaders(ctx.header("Access-Control-Request-Headers")));
        ctx.header("Access-Control-Max-Age", "600");
        ctx.header("Vary", "Origin, Access-Control-Request-Headers");
        ctx.status(204);
    }

    /**
     * Headers a page may not send us: the secret key (a browser call names its app by the public client
     * id, and a page holding {@code sk_…} is a leak), what proxies say about the client's address, and
     * the method overrides (refused on every route anyway: {@link MethodOverrides}).
     */
    private static final Set<String> REFUSED_HEADERS = Set.of("authorization", "forwarded", "x-forwarded-for",
            "x-forwarded-proto", "x-forwarded-host", "x-real-ip", "x-http-method-override", "x-http-method", "x-method-override");
    /** A header name (RFC 9110 token). */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");

    /**
     * {@code Content-Type} and every other header the preflight asks for, but those {@link #REFUSED_HEADERS}:
     * the SDK sends only {@code Content-Type}, but a page's tracing (Sentry's {@code sentry-trace} and
     * {@code baggage}, OpenTelemetry's {@code traceparent}) adds its headers to every fetch it matches,
     * and a preflight that did not allow them failed every call of the SDK on that page. We read none of
     * them, and no cookie or credential goes with a browser call, so allowing them lets a page do nothing
     * it could not do without them.
     */
    static String allowedHeaders(String requested) {
        LinkedHashSet<String> allowed = new LinkedHashSet<>(List.of("Content-Type"));
        if (requested != null) {
            for (String name : requested.split(",", 64)) {
                String header = name.strip().toLowerCase(Locale.ROOT);
                if (HEADER_NAME.matcher(header).matches() && !header.equals("content-type") && !REFUSED_HEADERS.contains(header)) {
                    allowed.add(header);
                }
            }
        }
        return String.join(", ", allowed);
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
                    List.of(new io.seatguard.core.error.FieldError("Origin", "is not in this app's allowed_origins")));
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
