package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** One endpoint. Every route is declared in {@link Routes}, which is also what the OpenAPI test reads. */
public record Route(HandlerType method, String path, Handler handler) {
    public Route {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(handler, "handler is null");
    }

    /** The path in OpenAPI's template syntax ({@code {id}}; Javalin writes the same). */
    public String openApiPath() {
        return path;
    }
}
