package io.seatguard.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.core.checks.CheckSettings;
import io.seatguard.intel.ip.IntelConfig;
import io.seatguard.sdk.IdentitySignature;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.config.NetworkSettings;
import io.seatguard.server.config.ServerConfig;
import io.seatguard.server.http.Json;
import io.seatguard.server.intel.InstalledIpData;
import io.seatguard.storage.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Review finding: anyone holding an app's public client id can send unsigned browser evaluations naming
 * any account, and they went into the history the owner's later evaluations were judged by. One from
 * another continent just before the owner's login made the backend's evaluation of that login
 * {@code impossible_travel} (and put a second country in {@code country_count_24h}); a few of them made it
 * {@code has_high_velocity}. Under a policy on either, the owner was refused for as long as someone kept
 * sending them. An evaluation vouched for (server mode, signed identity) now judges travel, countries of
 * the day and velocity by vouched evaluations only; an unsigned one still sees every evaluation, so an app
 * that vouches for nobody keeps detecting as before. On both stores: the filter is SQL on PostgreSQL, and
 * memory beside SQL on the embedded store.
 */
class UnsignedHistoryTest {
    /** Placed in the United Kingdom by the installed IP data. */
    private static final String OWNER_NETWORK = "81.2.69.160";
    /** Placed in the United States: an ocean away, minutes later, is impossible travel. */
    private static final String FAR_NETWORK = "216.160.83.56";
    private static final int HIGH_VELOCITY = 5;

    @TempDir
    Path dataDir;

    private Optional<PostgresTestDatabase> postgres = Optional.empty();
    private TestServer server;
    private UnsignedCallerApp app;

    private void start(TestServer.Store store) {
        // Countries alone: travel needs the city database, and nothing here reads a network's ASN. The whole ASN
        // table was parsed at every start (515,158 rows, about 1.4 s of CPU), ten starts a class.
        InstalledIpData data = InstalledIpData.besideJar().flatMap(InstalledIpData::read).orElseThrow();
        IntelConfig installed = new IntelConfig(data.files("geoip"), data.name("geoip"), List.of(), "asn", Optional.empty(), List.of(), List.of(), List.of());
        CheckSettings defaults = CheckSettings.DEFAULTS;
        CheckSettings checks = new CheckSettings(defaults.maxTravelSpeedKmh(), defaults.minTravelDistanceKm(), defaults.velocityWindow(), HIGH_VELOCITY);
        ServerConfig.Builder config = TestServer.config(dataDir).network(new NetworkSettings(installed, NetworkSettings.DEFAULT_REFRESH, checks));
        if (store == TestServer.Store.POSTGRESQL) {
            postgres = Optional.of(PostgresTestDatabase.create());
            config.databaseUrl(postgres.get().url());
        }
        server = TestServer.startWith(config.build());
        app = UnsignedCallerApp.create(server);
        for (String check : new String[] {"impossible_travel", "has_high_velocity"}) {
            Response policy = server.post("/v3/policies", """
                    {"name": "deny %1$s", "actions": ["login", "access"], "verdict": "deny",
                     "conditions": {"check": "%1$s", "op": "eq", "value": true}}""".formatted(check), app.bearer());
            assertThat(policy.status()).as(policy.body()).isEqualTo(201);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        postgres.ifPresent(PostgresTestDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void anUnsignedEvaluationFromAfarCannotGetTheOwnersBackendRefusedForTravel(TestServer.Store store) {
        start(store);
        serverEvaluate("vic", "tok_vic_laptop_00000001", OWNER_NETWORK);
        JsonNode forged = app.evaluation(browserEvaluate(browserBody("vic", "tok_mallory_laptop_0001"), FAR_NETWORK));
        assertThat(forged.get("identity").asText()).isEqualTo("unsigned");

        JsonNode owner = app.evaluation(serverEvaluate("vic", "tok_vic_laptop_00000001", OWNER_NETWORK));
        assertThat(owner.get("identity").asText()).isEqualTo("server");
        assertThat(owner.get("checks").get("impossible_travel").asBoolean()).as("the made-up trip is not the owner's").isFalse();
        assertThat(owner.get("checks").get("country_count_24h").asInt()).isEqualTo(1);
        assertThat(owner.get("verdict").asText()).isEqualTo("allow");
    }

    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void norTheOwnersSignedPage(TestServer.Store store) {
        start(store);
        serverEvaluate("vic", "tok_vic_laptop_00000001", OWNER_NETWORK);
        browserEvaluate(browserBody("vic", "tok_mallory_laptop_0001"), FAR_NETWORK);

        ObjectNode page = browserBody("vic", "tok_vic_laptop_00000001")
                .put("identity_signature", IdentitySignature.sign(app.identitySecret(), "vic", null, null));
        JsonNode owner = app.evaluation(browserEvaluate(page, OWNER_NETWORK));
        assertThat(owner.get("identity").asText()).isEqualTo("signed");
        assertThat(owner.get("checks").get("impossible_travel").asBoolean()).isFalse();
        assertThat(owner.get("checks").get("country_count_24h").asInt()).isEqualTo(1);
        assertThat(owner.get("verdict").asText()).isEqualTo("allow");
    }

    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void unsignedEvaluationsNamingTheAccountDoNotMakeTheOwnersBackendFast(TestServer.Store store) {
        start(store);
        serverEvaluate("wen", "tok_wen_laptop_00000001", OWNER_NETWORK);
        for (int i = 0; i < HIGH_VELOCITY; i++) {
            browserEvaluate(browserBody("wen", "tok_mallory_laptop_0001"), OWNER_NETWORK);
        }

        JsonNode owner = app.evaluation(serverEvaluate("wen", "tok_wen_laptop_00000001", OWNER_NETWORK));
        assertThat(owner.get("checks").get("event_count").asInt()).as("the owner's two").isEqualTo(2);
        assertThat(owner.get("checks").get("has_high_velocity").asBoolean()).isFalse();
        assertThat(owner.get("verdict").asText()).isEqualTo("allow");
    }

    /** Vouched evaluations still judge each other: a login the backend vouched for from afar is travel for the next. */
    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void aTripBetweenVouchedEvaluationsIsStillImpossibleTravel(TestServer.Store store) {
        start(store);
        serverEvaluate("ann", "tok_ann_laptop_00000001", OWNER_NETWORK);
        serverEvaluate("ann", "tok_sharer_laptop_00001", FAR_NETWORK);

        JsonNode owner = app.evaluation(serverEvaluate("ann", "tok_ann_laptop_00000001", OWNER_NETWORK));
        assertThat(owner.get("checks").get("impossible_travel").asBoolean()).isTrue();
        assertThat(owner.get("checks").get("country_count_24h").asInt()).isEqualTo(2);
        assertThat(owner.get("checks").get("event_count").asInt()).isEqualTo(3);
        assertThat(owner.get("verdict").asText()).isEqualTo("deny");
    }

    /** An app that vouches for nobody keeps seeing every evaluation, as before. */
    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void unsignedEvaluationsStillSeeEveryEvaluation(TestServer.Store store) {
        start(store);
        serverEvaluate("bea", "tok_bea_laptop_00000001", OWNER_NETWORK);
        browserEvaluate(browserBody("bea", "tok_mallory_laptop_0001"), FAR_NETWORK);

        JsonNode page = app.evaluation(browserEvaluate(browserBody("bea", "tok_bea_laptop_00000001"), OWNER_NETWORK));
        assertThat(page.get("identity").asText()).isEqualTo("unsigned");
        assertThat(page.get("checks").get("impossible_travel").asBoolean()).isTrue();
        assertThat(page.get("checks").get("country_count_24h").asInt()).isEqualTo(2);
        assertThat(page.get("checks").get("event_count").asInt()).isEqualTo(3);
        assertThat(page.get("verdict").asText()).isEqualTo("deny");
    }

    private ObjectNode browserBody(String user, String token) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("client_id", app.clientId()).put("action", "access").put("user", user);
        body.putObject("device").put("token", token);
        return body;
    }

    private Response browserEvaluate(ObjectNode body, String from) {
        Response response = app.browserEvaluate(body, from);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private Response serverEvaluate(String user, String token, String ip) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("action", "login").put("user", user).put("ip", ip).put("user_agent", UnsignedCallerApp.DESKTOP);
        body.putObject("device").put("token", token);
        Response response = server.post("/v3/evaluate", body.toString(), app.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

}
