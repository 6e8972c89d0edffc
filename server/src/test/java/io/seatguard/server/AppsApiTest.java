package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin's app endpoints (CONTRACT.md "Tenancy and keys"). */
class AppsApiTest {
    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN);
    private static final Map<String, String> ADMIN_JSON = Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN, "Content-Type", "application/json");

    @TempDir
    Path dataDir;

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.Store.SQLITE, dataDir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aDefaultAppExistsFromTheFirstStart() {
        JsonNode apps = server.get("/v3/apps", ADMIN).json().get("data");
        assertThat(apps).as("the default app, and the demo site's own").hasSize(2);
        assertThat(apps.get(0).get("name").asText()).isEqualTo("default");
        assertThat(apps.get(1).get("name").asText()).isEqualTo("demo");
        assertThat(apps.get(0).has("secret_key")).isFalse();
        assertThat(apps.get(0).get("allowed_origins").toString()).contains("http://127.0.0.1:" + server.server().port());
    }

    /** Review finding: the app's 404 echoed the id from the path whole (thousands of characters), as the webhook routes did. */
    @Test
    void anUnknownAppsNotFoundCutsTheIdItEchoes() {
        Response missing = server.get("/v3/apps/app_" + "x".repeat(3000), ADMIN);
        assertThat(missing.status()).as(missing.body()).isEqualTo(404);
        assertThat(missing.json().get("detail").asText()).contains("app_" + "x".repeat(60) + "…").hasSizeLessThan(200);
    }

    @Test
    void creatingAnAppShowsItsSecretOnceAndNeverAgain() {
        Response created = server.post("/v3/apps", "{\"name\":\"Shop\",\"allowed_origins\":[\"https://shop.example\",\"http://localhost:3000\"]}", ADMIN);
        assertThat(created.status()).isEqualTo(201);
        JsonNode app = created.json();
        assertThat(app.get("client_id").asText()).startsWith("pk_");
        assertThat(app.get("secret_key").asText()).startsWith("sk_").hasSize(43);
        assertThat(app.get("allowed_origins")).hasSize(2);

        JsonNode read = server.get("/v3/apps/" + app.get("id").asText(), ADMIN).json();
        assertThat(read.get("client_id").asText()).isEqualTo(app.get("client_id").asText());
        assertThat(read.has("secret_key")).isFalse();
        List<String> names = new ArrayList<>();
        server.get("/v3/apps", ADMIN).json().get("data").forEach(a -> names.add(a.get("name").asText()));
        assertThat(names).containsExactly("default", "demo", "Shop");
        assertThat(server.get("/v3/apps", ADMIN).body()).doesNotContain(app.get("secret_key").asText());
    }

    /** Review finding 7: origins are stored as browsers send them, so a differently written one still matches. */
    @Test
    void originsAreStoredAsBrowsersWriteThem() {
        Response created = server.post("/v3/apps", "{\"name\":\"Shop\",\"allowed_origins\":[\"https://App.Example.com\",\"https://app.example.com:443\","
                + "\"http://Shop.Example:80\",\"http://shop.example:8080\",\"http://[::1]:3000\"]}", ADMIN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("allowed_origins").toString())
                .isEqualTo("[\"https://app.example.com\",\"http://shop.example\",\"http://shop.example:8080\",\"http://[::1]:3000\"]");
        String evaluate = "{\"client_id\":\"" + created.json().get("client_id").asText() + "\",\"action\":\"signup\"}";
        assertThat(server.post("/v3/evaluate", evaluate, Map.of("Origin", "https://app.example.com")).status()).isEqualTo(200);
        assertThat(server.post("/v3/evaluate", evaluate, Map.of("Origin", "http://shop.example")).status()).isEqualTo(200);

        // Found in review: an upper-case scheme was refused, although a browser lower-cases it like the host.
        Response patched = server.send("PATCH", "/v3/apps/" + created.json().get("id").asText(),
                "{\"allowed_origins\":[\"HTTPS://WWW.EXAMPLE.COM:443\"]}", ADMIN);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("allowed_origins").toString()).isEqualTo("[\"https://www.example.com\"]");
    }

    /**
     * Found in review: IP-address origins were stored as written ({@code http://[0:0::1]}, {@code https://01.2.3.4}),
     * which no browser's Origin header ever holds, so every call from the app's own pages got 403.
     */
    @Test
    void ipAddressOriginsAreStoredAsBrowsersWriteThem() {
        Response created = server.post("/v3/apps", "{\"name\":\"Lab\",\"allowed_origins\":[\"http://[0:0::1]:8080\",\"http://[::FFFF:1.2.3.4]:8080\","
                + "\"https://01.2.3.4\",\"http://2130706433\",\"http://[2001:DB8:0:0:0:0:0:1]\",\"http://0x7f.0.0.1\"]}", ADMIN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("allowed_origins").toString()).isEqualTo(
                "[\"http://[::1]:8080\",\"http://[::ffff:102:304]:8080\",\"https://1.2.3.4\",\"http://127.0.0.1\",\"http://[2001:db8::1]\"]");
        String evaluate = "{\"client_id\":\"" + created.json().get("client_id").asText() + "\",\"action\":\"signup\"}";
        for (String origin : new String[] {"http://[::1]:8080", "http://[::ffff:102:304]:8080", "https://1.2.3.4", "http://127.0.0.1"}) {
            assertThat(server.post("/v3/evaluate", evaluate, Map.of("Origin", origin)).status()).as(origin).isEqualTo(200);
        }

        // An IPv4 address a browser refuses is refused, naming the origin.
        Response refused = server.post("/v3/apps", "{\"name\":\"Lab\",\"allowed_origins\":[\"https://ok.example\",\"https://1.2.3.256\"]}", ADMIN);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("allowed_origins[1]");
    }

    /**
     * An origin written with non-ASCII letters was refused; a browser converts its host (UTS 46), and its
     * Origin header carries that form, which is what is stored now. One a browser refuses still is.
     */
    @Test
    void internationalOriginsAreStoredAsBrowsersWriteThem() {
        Response created = server.post("/v3/apps", "{\"name\":\"Laden\",\"allowed_origins\":[\"https://M\u00fcnchen.de\",\"https://stra\u00dfe.de:443\"]}",
                ADMIN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("allowed_origins").toString()).isEqualTo("[\"https://xn--mnchen-3ya.de\",\"https://xn--strae-oqa.de\"]");
        String evaluate = "{\"client_id\":\"" + created.json().get("client_id").asText() + "\",\"action\":\"signup\"}";
        assertThat(server.post("/v3/evaluate", evaluate, Map.of("Origin", "https://xn--mnchen-3ya.de")).status()).isEqualTo(200);
        assertThat(server.post("/v3/evaluate", evaluate, Map.of("Origin", "https://strasse.de")).status()).as("another domain").isEqualTo(403);

        Response refused = server.post("/v3/apps", "{\"name\":\"Laden\",\"allowed_origins\":[\"https://a\u200db.example\"]}", ADMIN);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("allowed_origins[0]");
    }

    /**
     * Review finding: POST /v3/apps ignored misspelt fields, so {@code require_signed_identty} made an app
     * without signed identity and answered 201, where PATCH refused the same body. It refuses them too now,
     * naming each, and makes no app.
     */
    @Test
    void creatingAnAppRefusesAFieldItDoesNotTakeAndMakesNoApp() {
        int before = server.get("/v3/apps", ADMIN).json().get("data").size();
        Response refused = server.post("/v3/apps", "{\"name\":\"Typo\",\"require_signed_identty\":true,\"allowed_orgins\":[\"https://typo.example\"]}", ADMIN);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("require_signed_identty", "allowed_orgins");
        assertThat(refused.json().get("errors").get(0).get("message").asText())
                .isEqualTo("is not an app field; send name, allowed_origins, branding or require_signed_identity");
        assertThat(server.get("/v3/apps", ADMIN).json().get("data")).as("no app made").hasSize(before);

        Response every = server.post("/v3/apps", "{\"name\":\"Every field\",\"allowed_origins\":[],\"branding\":null,\"require_signed_identity\":false}", ADMIN);
        assertThat(every.status()).as(every.body()).isEqualTo(201);
        Response patched = server.send("PATCH", "/v3/apps/" + every.json().get("id").asText(), "{\"require_signed_identty\":true}", ADMIN);
        assertThat(patched.status()).as("PATCH as before").isEqualTo(400);
    }

    @Test
    void rotatingASecretRetiresTheOldKeyAtOnce() {
        JsonNode app = server.post("/v3/apps", "{\"name\":\"Shop\"}", ADMIN).json();
        String oldKey = app.get("secret_key").asText();
        String evaluation = server.post("/v3/evaluate", "{\"action\":\"signup\"}", Map.of("Authorization", "Bearer " + oldKey)).json()
                .get("evaluation_id").asText();

        Response rotated = server.post("/v3/apps/" + app.get("id").asText() + "/rotate-secret", null, ADMIN);
        assertThat(rotated.status()).isEqualTo(200);
        String newKey = rotated.json().get("secret_key").asText();
        assertThat(newKey).isNotEqualTo(oldKey).startsWith("sk_");
        assertThat(rotated.json().get("client_id").asText()).isEqualTo(app.get("client_id").asText());

        assertThat(server.get("/v3/evaluations/" + evaluation, Map.of("Authorization", "Bearer " + oldKey)).status()).isEqualTo(401);
        assertThat(server.get("/v3/evaluations/" + evaluation, Map.of("Authorization", "Bearer " + newKey)).status()).isEqualTo(200);
    }

    /** The status of a server-mode evaluation made with {@code secretKey}: 200 when the key works, 401 when not. */
    private int signupWith(String secretKey) {
        return server.post("/v3/evaluate", "{\"action\":\"signup\"}", Map.of("Authorization", "Bearer " + secretKey)).status();
    }

    @Test
    void aRotationMayKeepTheReplacedKeyWorkingForAWhile() {
        JsonNode app = server.post("/v3/apps", "{\"name\":\"Fleet\"}", ADMIN).json();
        String oldKey = app.get("secret_key").asText();
        String rotate = "/v3/apps/" + app.get("id").asText() + "/rotate-secret";

        Response rotated = server.post(rotate, "{\"previous_key_valid_for\":3600}", ADMIN_JSON);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newKey = rotated.json().get("secret_key").asText();
        java.time.Instant expires = java.time.Instant.parse(rotated.json().get("previous_key_expires_at").asText());
        assertThat(expires).isBetween(java.time.Instant.now().plusSeconds(3590), java.time.Instant.now().plusSeconds(3600));
        for (String key : List.of(oldKey, newKey)) {
            assertThat(signupWith(key)).isEqualTo(200);
        }

        // Another rotation without an overlap ({} as much as no body): every key but the newest stops.
        Response leaked = server.post(rotate, "{}", ADMIN_JSON);
        assertThat(leaked.json().get("previous_key_expires_at").isNull()).isTrue();
        for (String key : List.of(oldKey, newKey)) {
            assertThat(signupWith(key)).isEqualTo(401);
        }
        assertThat(signupWith(leaked.json().get("secret_key").asText())).isEqualTo(200);
    }

    @Test
    void aRotationsBodyIsCheckedAndNothingRotatesWhenItIsWrong() {
        JsonNode app = server.post("/v3/apps", "{\"name\":\"Careful\"}", ADMIN).json();
        String key = app.get("secret_key").asText();
        String rotate = "/v3/apps/" + app.get("id").asText() + "/rotate-secret";
        for (String body : List.of("{\"previous_key_valid_for\":-1}", "{\"previous_key_valid_for\":604801}", "{\"previous_key_valid_for\":\"3600\"}",
                "{\"previous_key_valid_for\":1.5}", "{\"previous_key_valid_for\":1e30}")) {
            Response refused = server.post(rotate, body, ADMIN_JSON);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).as(body).isEqualTo("previous_key_valid_for");
        }
        Response typo = server.post(rotate, "{\"previous_valid_for\":3600}", ADMIN_JSON);
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("errors").get(0).get("field").asText()).as("a misspelt field is not taken for 'stop at once'").isEqualTo("previous_valid_for");
        assertThat(server.post(rotate, "[]", ADMIN_JSON).status()).isEqualTo(400);
        assertThat(server.post(rotate, "previous_key_valid_for=3600", Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN,
                "Content-Type", "application/x-www-form-urlencoded")).status()).isEqualTo(415);
        assertThat(signupWith(key)).as("no refused rotation replaced the key").isEqualTo(200);
    }

    @Test
    void theAdminTokenIsRequiredAndAWrongOneRefused() {
        assertThat(server.get("/v3/apps", Map.of()).status()).isEqualTo(401);
        assertThat(server.get("/v3/apps", Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN + "x")).status()).isEqualTo(401);
        assertThat(server.post("/v3/apps", "{\"name\":\"x\"}", Map.of("Authorization", "Bearer wrong")).status()).isEqualTo(401);
        assertThat(server.get("/v3/apps", ADMIN).status()).isEqualTo(200);
    }
}
