package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One endpoint. Every route is declared in {@link Routes}, which is also what the OpenAPI test reads.
 *
 * @param api whether the route is part of the documented HTTP API; the demo's pages are not
 * @param query the query parameters it takes; others are refused before the handler runs
 * @param beforeRefusal run when the request is refused before the handler runs (a query, a body's media
 *     type): the browser routes add the CORS headers their handlers' own refusals carry ({@link Cors})
 */
public record Route(HandlerType method, String path, Handler handler, boolean api, QueryParams query, Handler beforeRefusal) {
    private static final Handler NOTHING = ctx -> {};

    /** A route of the API that takes no query parameters. */
    public Route(HandlerType method, String path, Handler handler) {
        this(method, path, handler, QueryParams.NONE);
    }

    /** A route of the API that takes these query parameters. */
    public Route(HandlerType method, String path, Handler handler, QueryParams query) {
        this(method, path, handler, true, query, NOTHING);
    }

    /** A route of the server's own pages (the demo, the dashboard), left out of the API description; it takes any query parameter. */
    public static Route page(HandlerType method, String path, Handler handler) {
        return new Route(method, path, handler, false, QueryParams.ANY, NOTHING);
    }

    public Route {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(handler, "handler is null");
        requireNonNull(query, "query is null");
        requireNonNull(beforeRefusal, "beforeRefusal is null");
    }

    /** This route, running {@code beforeRefusal} on a refusal made before its handler runs. */
    public Route withBeforeRefusal(Handler beforeRefusal) {
        return new Route(method, path, handler, api, query, beforeRefusal);
    }

    /** The path in OpenAPI's template syntax ({@code {id}}; Javalin writes the same). */
    public String openApiPath() {
        return path;
    }
}
