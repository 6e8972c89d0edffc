package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.config.ServerConfig;
import io.seatguard.server.http.Json;
import io.seatguard.storage.PostgresTestDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A store an earlier release made, served by this one: everything the earlier release answered is answered
 * the same, and every device token it knew names the same device.
 *
 * <p>Each folder under {@code earlier-releases/} was made by {@code tools/earlier-release/make-fixture.sh}
 * from a build of that release: its store as SQL text, and what that release answered to every read after a
 * restart. Migrations run on real rows here, not only on empty tables ({@code MigrationsTest}) or on
 * single documents ({@code StoredDocumentsOfEarlierReleasesTest}): a migration that fails on a value an
 * earlier release wrote, a backfill that misses old rows, or a read that no longer understands them fails
 * this test. Add a fixture for each release whose store differs (tools/earlier-release/README.md).
 */
class UpgradeFromEarlierReleasesTest {
    private static final String ZERO_DEVICE = "00000000-0000-0000-0000-000000000000";
    /**
     * Answers that changed on purpose since a fixture's release, each recorded in docs/api-changes.md: a
     * difference is forgiven only where the path matches and the value was and is the one written here.
     */
    private static final List<AcceptedChange> ACCEPTED = List.of(
            new AcceptedChange("/v3/users/[^/]+/devices/data/\\d+/actively_connected", "null", "false",
                    "api-changes.md \"a device's actively_connected is true or false\": presence came after the first release"));
    /**
     * Fields that move by themselves once a server runs on the store, whatever its release: the delivery
     * worker goes on trying the recorded webhook messages (to a host that leads nowhere) from the start.
     */
    private static final Pattern MOVING = Pattern.compile(
            "/v3/webhooks/[^/]+/deliveries/data/\\d+/(attempts|status|last_attempt_at|last_error|last_status_code|next_attempt_at)");

    @TempDir
    Path dataDir;

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(UpgradeFromEarlierReleasesTest.class.getResource("/earlier-releases").toURI());
        try (Stream<Path> folders = Files.list(root)) {
            return folders.map(folder -> folder.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyReadAnswersAsTheEarlierReleaseDidAndEveryTokenNamesItsDevice(String fixture) throws Exception {
        Path folder = Path.of(getClass().getResource("/earlier-releases/" + fixture).toURI());
        JsonNode recorded = Json.MAPPER.readTree(folder.resolve("recorded.json").toFile());
        String script = Files.readString(folder.resolve("store.sql"));
        Optional<PostgresTestDatabase> postgres = Optional.empty();
        try {
            ServerConfig.Builder config = TestServer.config(dataDir);
            if (fixture.endsWith("-postgresql")) {
                postgres = Optional.of(PostgresTestDatabase.create());
                restorePostgres(postgres.get(), script);
                config.databaseUrl(postgres.get().url());
            }
            else {
                restoreSqlite(dataDir.resolve("seatguard.db"), script);
            }
            // The earlier release's day, not today's: retention, windows and expiries judge the rows as
            // they stood when that release last served them.
            InstantSource clock = InstantSource.fixed(lastWritten(recorded).plusSeconds(60));
            try (TestServer server = TestServer.startWith(config.build(), clock)) {
                Map<String, String> secret = Map.of("Authorization", "Bearer " + recorded.path("app").path("secret_key").asText());
                List<String> differences = new ArrayList<>();
                int compared = 0;
                for (JsonNode read : recorded.get("reads")) {
                    if (read.get("status").asInt() != 200) {
                        continue; // not in that release, or not there then (an erased account): nothing to keep
                    }
                    String path = read.get("path").asText();
                    Response now = server.get(path, secret);
                    if (now.status() != 200) {
                        differences.add(path + ": answered " + now.status() + " " + now.body());
                        continue;
                    }
                    compareKept(path, read.get("body"), now.json(), differences);
                    compared++;
                }
                assertThat(differences).as(fixture + ": answers that changed").isEmpty();
                assertThat(compared).as("reads compared").isGreaterThan(60);

                Set<String> loggedOut = new HashSet<>(recorded.get("logged_out").findValuesAsText("device_id"));
                Set<String> erased = new HashSet<>();
                recorded.get("erased").forEach(user -> erased.add(user.asText()));
                for (JsonNode device : recorded.get("devices")) {
                    String user = device.get("user").asText();
                    String deviceId = device.get("device_id").asText();
                    String as = fixture + ": " + user + "'s token " + device.get("token").asText();
                    JsonNode answer = evaluate(server, secret, device, "access");
                    JsonNode checks = server.get("/v3/evaluations/" + answer.get("evaluation_id").asText(), secret).json().get("checks");
                    if (erased.contains(user)) {
                        // Whether an erasure kept the account's devices was the earlier release's rule (the
                        // release of 12-04 forgot a device no other account used; 12-01's kept it): only
                        // that the account is gone holds for every release.
                        assertThat(checks.get("is_new_user").asBoolean()).as(as + ": is_new_user").isTrue();
                        continue;
                    }
                    assertThat(answer.get("device_id").asText()).as(as).isEqualTo(deviceId).isNotEqualTo(ZERO_DEVICE);
                    assertThat(answer.get("logout").asBoolean()).as(as + ": told it is logged out").isEqualTo(loggedOut.contains(deviceId));
                    assertThat(checks.get("is_new_device").asBoolean()).as(as + ": is_new_device").isFalse();
                    assertThat(checks.get("is_new_user").asBoolean()).as(as + ": is_new_user").isFalse();
                }
                assertThat(recorded.get("devices")).as("tokens replayed").hasSizeGreaterThan(20);
            }
        }
        finally {
            postgres.ifPresent(PostgresTestDatabase::close);
        }
    }

    /** The newest evaluation's {@code created_at}: the fixture's own day. */
    private static Instant lastWritten(JsonNode recorded) {
        return StreamSupport.stream(recorded.get("reads").spliterator(), false)
                .filter(read -> read.get("path").asText().startsWith("/v3/evaluations/") && read.get("status").asInt() == 200)
                .map(read -> Instant.parse(read.get("body").get("created_at").asText()))
                .max(Instant::compareTo).orElseThrow(() -> new AssertionError("the fixture recorded no evaluation"));
    }

    /**
     * Whether {@code now} keeps what {@code then} said: every field then is there now with the same value;
     * fields added since may stand beside them. Arrays keep their length and order.
     */
    private static void compareKept(String where, JsonNode then, JsonNode now, List<String> differences) {
        if (MOVING.matcher(where).matches()) {
            return;
        }
        if (then.isObject()) {
            if (!now.isObject()) {
                differences.add(where + ": was an object, is " + now);
                return;
            }
            then.properties().forEach(field -> {
                JsonNode value = now.get(field.getKey());
                if (value == null) {
                    differences.add(where + "/" + field.getKey() + ": gone (was " + field.getValue() + ")");
                }
                else {
                    compareKept(where + "/" + field.getKey(), field.getValue(), value, differences);
                }
            });
        }
        else if (then.isArray()) {
            if (!now.isArray() || now.size() != then.size()) {
                differences.add(where + ": was " + then + ", is " + now);
                return;
            }
            for (int i = 0; i < then.size(); i++) {
                compareKept(where + "/" + i, then.get(i), now.get(i), differences);
            }
        }
        else if (!then.equals(now) && !(then.isNumber() && now.isNumber() && then.decimalValue().compareTo(now.decimalValue()) == 0)
                && ACCEPTED.stream().noneMatch(change -> change.forgives(where, then, now))) {
            differences.add(where + ": was " + then + ", is " + now);
        }
    }

    private record AcceptedChange(Pattern path, String was, String is, String why) {
        AcceptedChange(String path, String was, String is, String why) {
            this(Pattern.compile(path), was, is, why);
        }

        boolean forgives(String where, JsonNode then, JsonNode now) {
            return path.matcher(where).matches() && then.toString().equals(was) && now.toString().equals(is);
        }
    }

    /** The device comes back as its SDK would send it: its token, its signals, its browser. */
    private static JsonNode evaluate(TestServer server, Map<String, String> secret, JsonNode device, String action) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("action", action).put("user", device.get("user").asText())
                .put("ip", "81.2.69.160").put("user_agent", device.get("user_agent").asText());
        body.putObject("device").put("token", device.get("token").asText()).set("components", device.get("components"));
        Response response = server.post("/v3/evaluate", body.toString(), Map.of("Authorization", secret.get("Authorization"), "Content-Type", "application/json"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** {@code sqlite3 .dump}'s text: one transaction of statements, run as SQLite's own shell would. */
    private static void restoreSqlite(Path file, String script) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            statement.executeUpdate(script);
        }
    }

    /** {@code pg_dump --inserts}'s text, its schema renamed to the test's own (the test made the schema). */
    private static void restorePostgres(PostgresTestDatabase database, String script) throws SQLException {
        String schema = database.url().replaceAll(".*currentSchema=([a-z0-9_]+).*", "$1");
        String renamed = script.replace("CREATE SCHEMA earlier_release_schema;", "").replace("earlier_release_schema", schema);
        try (Connection connection = DriverManager.getConnection(database.url()); Statement statement = connection.createStatement()) {
            statement.execute(renamed);
        }
    }
}
