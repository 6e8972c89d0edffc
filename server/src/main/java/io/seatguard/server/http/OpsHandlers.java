package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.seatguard.server.ServerMetrics;
import io.seatguard.storage.SqlDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Liveness, readiness, metrics and the OpenAPI document. */
final class OpsHandlers {
    private final SqlDatabase database;
    private final ServerMetrics metrics;
    private final byte[] openApi;

    OpsHandlers(SqlDatabase database, ServerMetrics metrics) {
        this.database = requireNonNull(database, "database is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.openApi = loadOpenApi();
    }

    /** The process is up and serving; says nothing about its dependencies (that is {@link #ready}). */
    void health(Context ctx) {
        ctx.contentType("application/json").result("{\"status\":\"ok\"}");
    }

    void ready(Context ctx) {
        boolean storage = database.isReachable();
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("status", storage ? "ready" : "unavailable");
        ObjectNode checks = json.putObject("checks");
        checks.putObject("storage").put("status", storage ? "ok" : "unreachable").put("kind", database.kind().name().toLowerCase(java.util.Locale.ROOT));
        ctx.status(storage ? 200 : 503).contentType("application/json").result(json.toString());
    }

    void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    private static byte[] loadOpenApi() {
        try (InputStream in = OpsHandlers.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the server's resources");
            }
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
