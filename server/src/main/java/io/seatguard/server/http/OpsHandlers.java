package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.seatguard.server.ServerMetrics;
import io.seatguard.storage.RedisHealth;
import io.seatguard.storage.SqlDatabase;
import io.seatguard.storage.StorageReadiness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.seatguard.intel.ip.SourceStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Liveness, readiness, metrics and the OpenAPI document. */
final class OpsHandlers {
    private final SqlDatabase database;
    private final ServerMetrics metrics;
    private final byte[] openApi;
    private final Supplier<List<SourceStatus>> ipData;
    private final Map<String, RedisHealth> redis;

    /** @param redis each use of Redis by name ({@code presence}, {@code attempt_limits}); empty without {@code --redis-url} */
    OpsHandlers(SqlDatabase database, ServerMetrics metrics, Supplier<List<SourceStatus>> ipData, Map<String, RedisHealth> redis) {
        this.database = requireNonNull(database, "database is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.ipData = requireNonNull(ipData, "ipData is null");
        this.redis = Map.copyOf(requireNonNull(redis, "redis is null"));
        this.openApi = loadOpenApi();
    }

    /** The process is up and serving; says nothing about its dependencies (that is {@link #ready}). */
    void health(Context ctx) {
        ctx.contentType("application/json").result("{\"status\":\"ok\"}");
    }

    /**
     * Whether storage in this state leaves the node ready. A saturated pool does, and says so: every node
     * shares the database, so a pool full because it is slow or busy is full on every node, and a 503 would
     * take them all out of the load balancer at the peak (each removal loading the others more), turning
     * slow answers into none. Requests past what the node can take are refused one by one (request slots,
     * the pool's wait); a database that stops answering is caught by the outage gate, and the check then
     * says unreachable at once.
     */
    static boolean ready(StorageReadiness.State state) {
        return state != StorageReadiness.State.UNREACHABLE;
    }

    void ready(Context ctx) {
        // Answered within a second whatever the pool and the database do: a probe that times out says nothing.
        StorageReadiness.State state = database.readiness();
        boolean storage = ready(state);
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("status", storage ? "ready" : "unavailable");
        ObjectNode checks = json.putObject("checks");
        checks.putObject("storage").put("status", state.name().toLowerCase(Locale.ROOT)).put("kind", database.kind().name().toLowerCase(Locale.ROOT));
        // IP data never makes the server unready: a missing source only leaves its flags unknown.
        ArrayNode sources = checks.putObject("ip_data").putArray("sources");
        for (SourceStatus source : ipData.get()) {
            ObjectNode item = sources.addObject();
            item.put("kind", source.kind());
            item.put("name", source.name());
            item.put("status", status(source));
            item.put("data_date", source.date().map(LocalDate::toString).orElse(null));
            if (source.entries() >= 0 && source.loaded()) {
                item.put("entries", source.entries());
            }
            // Lines of the data in use that held no row: a damaged list an operator sees here, not only in the log.
            if (source.unreadableLines() >= 0 && source.loaded()) {
                item.put("unreadable_lines", source.unreadableLines());
            }
            item.put("error", source.error().orElse(null));
            item.put("checked_at", source.checkedAt().map(EvaluationJson::time).orElse(null));
        }
        if (!redis.isEmpty()) {
            // Redis never makes the server unready either: every node shares it, and taking them all out of
            // the load balancer would turn evaluations without presence into no evaluations at all. Read
            // from what each link knows, without a command: a silent Redis must not make this answer wait
            // out command timeouts, or a load balancer's probe would time out and take the node out anyway.
            Map<String, Boolean> answers = new TreeMap<>();
            redis.forEach((use, health) -> answers.put(use, health.isConnected()));
            ObjectNode check = checks.putObject("redis");
            check.put("status", answers.containsValue(false) ? "unreachable" : "ok");
            ObjectNode links = check.putObject("links");
            answers.forEach((use, up) -> links.put(use, up ? "ok" : "unreachable"));
        }
        ctx.status(storage ? 200 : 503).contentType("application/json").result(json.toString());
    }

    /** A URL list is fetched after the server starts: until its first fetch ends it is pending, not off. */
    private static String status(SourceStatus source) {
        if (source.loaded()) {
            return source.error().isPresent() ? "stale" : "ok";
        }
        if (source.error().isPresent()) {
            return "error";
        }
        return source.off() ? "off" : "pending";
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
