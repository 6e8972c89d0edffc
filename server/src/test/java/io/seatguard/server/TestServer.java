package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.server.challenge.PageClient;
import io.seatguard.server.config.ServerConfig;
import io.seatguard.server.dashboard.LightArgon2;
import io.seatguard.server.http.HttpApi;
import io.seatguard.server.http.Json;
import io.seatguard.storage.MigratedStores;
import io.seatguard.storage.PostgresTestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real server on a free port, on SQLite or a throwaway PostgreSQL schema, and an HTTP client for it. */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    /**
     * A webhook host that passes the public-address check yet leads nowhere, for tests that need an endpoint
     * and no receiver. ORCHIDv2 (2001:20::/28) is globally reachable in IANA's special-purpose registry, but
     * its addresses are identifiers that are never routed (RFC 7343), so a delivery made to it fails, as one
     * to a documentation address did before those were refused, and no test reaches a stranger's host.
     */
    public static final String UNROUTED_PUBLIC_HOST = "[2001:20::1]";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public enum Store {
        SQLITE,
        POSTGRESQL
    }

    private final SeatguardServer server;
    /**
     * This server's own client, shut before the server stops: a connection it kept alive would hold the stop
     * for the second Jetty gives idle connections once a stop begins (AbstractConnector's
     * shutdownIdleTimeout), most of each API test's time before.
     */
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Optional<PostgresTestDatabase> postgres;
    /** Jetty's warnings before this server started: the ones after it are its faults ({@link #close}). */
    private final int jettyFaultsBefore;
    private final String jdbcUrl;

    private TestServer(SeatguardServer server, Optional<PostgresTestDatabase> postgres, int jettyFaultsBefore, ServerConfig config) {
        this.server = server;
        this.postgres = postgres;
        this.jettyFaultsBefore = jettyFaultsBefore;
        this.jdbcUrl = config.databaseUrl().orElse("jdbc:sqlite:" + config.dataDir().resolve("seatguard.db"));
    }

    public static TestServer start(Store store, Path dataDir) {
        ServerConfig.Builder config = config(dataDir).adminToken(ADMIN_TOKEN);
        Optional<PostgresTestDatabase> postgres = Optional.empty();
        if (store == Store.POSTGRESQL) {
            postgres = Optional.of(PostgresTestDatabase.takeMigrated());
            config.databaseUrl(postgres.get().url());
        }
        int jettyFaultsBefore = JettyFaults.INSTANCE.mark();
        ServerConfig built = config.build();
        return new TestServer(startLight(built, java.time.InstantSource.system()), postgres, jettyFaultsBefore, built);
    }

    /** A test server's configuration: embedded storage in {@code dataDir}, a free loopback port, no IP data, development mode. */
    public static ServerConfig.Builder config(Path dataDir) {
        return ServerConfig.builder(dataDir).port(0);
    }

    /** A server with a configuration of the test's own (several nodes on one database, say); the caller owns the database. */
    public static TestServer startWith(ServerConfig config) {
        int jettyFaultsBefore = JettyFaults.INSTANCE.mark();
        ServerConfig built = config.toBuilder().adminToken(ADMIN_TOKEN).build();
        return new TestServer(startLight(built, java.time.InstantSource.system()), Optional.empty(), jettyFaultsBefore, built);
    }

    /** As {@link #startWith(ServerConfig)}, on a clock the test moves (a code's lifetime, say) instead of sleeping. */
    public static TestServer startWith(ServerConfig config, java.time.InstantSource clock) {
        int jettyFaultsBefore = JettyFaults.INSTANCE.mark();
        ServerConfig built = config.toBuilder().adminToken(ADMIN_TOKEN).build();
        return new TestServer(startLight(built, clock), Optional.empty(), jettyFaultsBefore, built);
    }

    /**
     * The server, its operators' passwords hashed at a test's cost ({@link LightArgon2}), on embedded storage
     * a migrated store copied in first unless the folder holds one ({@link MigratedStores}).
     */
    private static SeatguardServer startLight(ServerConfig config, java.time.InstantSource clock) {
        if (config.databaseUrl().isEmpty()) {
            MigratedStores.seedSqlite(config.dataDir());
        }
        return SeatguardServer.start(config, clock, HttpApi.STOP_TIMEOUT, LightArgon2.hasher());
    }

    public SeatguardServer server() {
        return server;
    }

    /** The JDBC URL of the server's store, for a test that looks at the rows themselves. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The default app created at start: {@code id}, {@code client_id}, {@code secret_key}. */
    public TestApp defaultApp() {
        var created = server.createdDefaultApp().orElseThrow();
        return new TestApp(created.app().id(), created.app().clientId(), created.secretKey());
    }

    /** The demo site's own app: evaluations made by the demo's pages belong to it. */
    public TestApp demoApp() {
        var demo = server.demoApp().orElseThrow();
        return new TestApp(demo.app().id(), demo.app().clientId(), demo.secretKey());
    }

    public TestApp createApp(String name, String... origins) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("name", name);
        for (String origin : origins) {
            body.withArray("allowed_origins").add(origin);
        }
        Response response = send("POST", "/v3/apps", body.toString(), Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return new TestApp(response.json().get("id").asText(), response.json().get("client_id").asText(), response.json().get("secret_key").asText());
    }

    public Response get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    public Response post(String path, String body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Response send(String method, String path, String body, Map<String, String> headers) {
        return send(client, url(), method, path, body, headers);
    }

    /** One request to any Seatguard at {@code baseUrl} (another process's, say). */
    public static Response send(String baseUrl, String method, String path, String body, Map<String, String> headers) {
        return send(CLIENT, baseUrl, method, path, body, headers);
    }

    private static Response send(HttpClient client, String baseUrl, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        boolean hasContentType = headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Content-Type"));
        headers.forEach(request::header);
        if (body != null && !hasContentType) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().map());
        }
        catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops the server, and fails the test when Jetty logged a warning meanwhile: a request Jetty failed
     * after (or instead of) answering it, which the test's own assertions may never see.
     */
    @Override
    public void close() {
        PageClient.dropConnections();
        client.shutdownNow();
        try {
            client.awaitTermination(Duration.ofSeconds(5));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        // Stopped, its pool closed: no write of this server can reach the schema once it is emptied.
        postgres.ifPresent(PostgresTestDatabase::giveBack);
        List<String> faults = JettyFaults.INSTANCE.since(jettyFaultsBefore);
        if (!faults.isEmpty()) {
            throw new AssertionError("Jetty logged " + faults.size() + " warning(s) while this test server ran; the first: " + faults.get(0));
        }
    }

    /** An app's three keys. */
    public record TestApp(String id, String clientId, String secretKey) {
        public Map<String, String> bearer() {
            return Map.of("Authorization", "Bearer " + secretKey);
        }

        /** The secret key's bearer header with a JSON body's {@code Content-Type}. */
        public Map<String, String> jsonBearer() {
            return Map.of("Authorization", "Bearer " + secretKey, "Content-Type", "application/json");
        }
    }

    /** A response, with its body parsed on demand. */
    public record Response(int status, String contentType, String body, Map<String, java.util.List<String>> headers) {
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            }
            catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).flatMap(e -> e.getValue().stream()).findFirst();
        }
    }
}
