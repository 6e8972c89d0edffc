package io.seatguard.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.seatguard.core.error.LogText;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line, on the logger {@code seatguard.audit}, for every request that changes how Seatguard is set up
 * or what it holds for an app outside the evaluations themselves: apps and their keys, policies, lists,
 * webhooks, erasures and device log-outs, operators, dashboard sign-ins and their forms. It says who (the
 * admin token, an app's secret key, a dashboard operator, or nobody the request proved), what (method,
 * route, the ids it named) and how it ended (status), with the request's id in the logging context. The
 * evaluations, sessions and challenges that end users cause are not in it: they are the data, recorded
 * and sent to webhooks already, and thousands a second.
 */
public final class AuditLog {
    private static final Logger AUDIT = LoggerFactory.getLogger("seatguard.audit");
    static final String ACTOR_ATTRIBUTE = "seatguard.actor";
    private static final Set<HandlerType> CHANGES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    /** Changing methods that end users' browsers and the data plane call: never audited. */
    private static final Set<String> DATA_PLANE = Set.of("/v3/evaluate", "/v3/sessions/heartbeat", "/v3/sessions/end",
            "/v3/evaluations/{id}/consume", "/v3/policies/backtest", "/v3/policies/{id}/backtest");
    private static final List<String> DATA_PLANE_PREFIXES = List.of("/challenge/", "/demo", "/dev/");
    /**
     * Dashboard form fields that name what a form changes: the app, a policy or operator ({@code id}), a
     * list, an account and device, a webhook endpoint and message, a new operator's email, apps and
     * read-only, a new app's, list's or policy's name, the signed-identity switch; and {@code do}, which of
     * a page's changes it was (two-factor on, off or new recovery codes; values added or removed). Never a
     * password, a code, a token, a secret, a URL (a webhook's may hold its receiver's token) or a whole
     * document or list of values. A field given more than once (the apps of a new operator) is joined with
     * commas.
     */
    private static final List<String> NAMING_FORM_FIELDS = List.of("app", "id", "list", "user", "device", "endpoint", "message", "email", "name",
            "app_scope", "read_only", "require_signed_identity", "do");

    private AuditLog() {}

    /** Who the request proved to be: {@code admin}, {@code app <id>}, {@code operator <email>}. */
    public static void actor(Context ctx, String actor) {
        ctx.attribute(ACTOR_ATTRIBUTE, actor);
    }

    static boolean audited(HandlerType method, String route) {
        return CHANGES.contains(method) && !DATA_PLANE.contains(route) && DATA_PLANE_PREFIXES.stream().noneMatch(route::startsWith);
    }

    /** Logs the request when it is {@link #audited}; {@code route} null for a request no route took (never audited). */
    static void completed(Context ctx, String route, int status) {
        if (route == null || !audited(ctx.method(), route)) {
            return;
        }
        String actor = ctx.attribute(ACTOR_ATTRIBUTE);
        Map<String, String> named = new TreeMap<>(ctx.pathParamMap());
        if (route.startsWith("/dashboard/") && isForm(ctx)) {
            try {
                // A device log-out names its account percent-encoded (so that a line break survives the browser),
                // which the page reads before a plain user field, as this does.
                String encodedUser = ctx.formParam("user_encoded");
                if (encodedUser != null && !encodedUser.isEmpty()) {
                    named.putIfAbsent("user", decoded(encodedUser));
                }
                for (String field : NAMING_FORM_FIELDS) {
                    String value = String.join(",", ctx.formParams(field));
                    if (!value.isEmpty()) {
                        named.putIfAbsent(field, value);
                    }
                }
            }
            catch (RuntimeException unreadable) {
                // A form the route refused to read (an unknown charset, say): the line still says what was tried,
                // and the answer already given must not change.
                named.put("form", "unreadable");
            }
        }
        StringBuilder names = new StringBuilder();
        named.forEach((name, value) -> names.append(' ').append(name).append('=').append(LogText.oneLine(shortened(value))));
        AUDIT.info("{} {} {}{} -> {}", actor == null ? "unproven" : LogText.oneLine(shortened(actor)), ctx.method(), route, names, status);
    }

    /** The percent-encoded value as the page meant it, or as it came when it is not percent-encoding. */
    private static String decoded(String encoded) {
        try {
            return java.net.URLDecoder.decode(encoded, java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException notEncoded) {
            return encoded;
        }
    }

    private static boolean isForm(Context ctx) {
        return MediaTypes.isForm(ctx.header("Content-Type"));
    }

    /** Ids are short; a value that is not one is cut, so that a line stays a line. */
    private static String shortened(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }
}
