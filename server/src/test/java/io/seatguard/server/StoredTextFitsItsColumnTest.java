package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.challenge.PageClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Text a client or an operator typed is refused before it reaches a column too narrow for it. SQLite keeps
 * a value of any length whatever the column's {@code VARCHAR(n)}; PostgreSQL refuses it, and fails with it
 * every write of the node's group commit that it was batched with (evaluations included), so each of these
 * runs on both stores (review finding: the sign-in's email, and the audit of every bounded column after it).
 */
class StoredTextFitsItsColumnTest {
    @TempDir
    Path dataDir;

    private static long count(TestServer server, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl()); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static HttpResponse<String> signIn(TestServer server, String email) {
        PageClient browser = new PageClient();
        browser.get(server.url() + "/dashboard/login");
        return browser.post(server.url() + "/dashboard/login", Map.of("email", email, "password", "not the password"));
    }

    /**
     * operator_failures.email is VARCHAR(254): a sign-in stored whatever email it was sent as a failed try,
     * before any check. PostgreSQL answered 503 as JSON and logged an error each time; SQLite kept 60 KB
     * emails a day, a new back-off bucket each, so none was ever answered 429.
     */
    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void aSignInEmailNoOperatorCouldHaveIsAnsweredLikeAWrongPasswordAndNothingIsStored(TestServer.Store store) throws SQLException {
        try (TestServer server = TestServer.start(store, dataDir)) {
            List<String> emails = new ArrayList<>(List.of("a".repeat(250) + "@x.test", "not an email", "\u0130".repeat(64) + "@"
                    + ("d".repeat(61) + ".").repeat(3) + "io"));
            for (int i = 0; i < 20; i++) {
                emails.add(i + "b".repeat(60_000) + "@x.test");
            }
            for (String email : emails) {
                HttpResponse<String> answer = signIn(server, email);
                assertThat(answer.statusCode()).as(email.substring(0, 12)).isEqualTo(401);
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
                assertThat(answer.body()).contains("Wrong email, password or authenticator code.");
            }
            assertThat(count(server, "SELECT COUNT(*) FROM operator_failures")).as("nothing stored").isZero();
            TestApp app = server.defaultApp();
            assertThat(server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"ola\",\"ip\":\"198.51.100.8\"}", app.bearer()).status()).isEqualTo(200);

            // An email address nobody has is still counted: the answer must not tell that nobody has it.
            assertThat(signIn(server, "nobody@example.com").statusCode()).isEqualTo(401);
            assertThat(count(server, "SELECT COUNT(*) FROM operator_failures")).isEqualTo(1);
        }
    }

    /**
     * owner_notice_recipients.recipient is VARCHAR(254) and owner_notice_claims.claim_key VARCHAR(300), and
     * both hold the email lower-cased: İ lowers to two characters, so an address of 254 became one of 318.
     */
    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void anEmailOver254CharactersInLowerCaseIsRefusedByEvaluateAndLists(TestServer.Store store) throws Exception {
        try (TestServer server = TestServer.start(store, dataDir)) {
            TestApp app = server.defaultApp();
            TestServer.Response policy = server.post("/v3/policies", """
                    {"name": "Tell owners", "actions": ["login"], "conditions": {"check": "is_new_device", "op": "eq", "value": true},
                     "verdict": "allow", "notify": {"channels": ["email"]}}""", app.bearer());
            assertThat(policy.status()).as(policy.body()).isEqualTo(201);
            String domain = ("d".repeat(61) + ".").repeat(3) + "io";
            String email = "\u0130".repeat(64) + "@" + domain;
            TestServer.Response evaluated = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"ola\",\"email\":\"" + email + "\"}", app.bearer());
            assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(400);
            assertThat(evaluated.contentType()).startsWith("application/problem+json");
            assertThat(evaluated.json().get("errors").findValuesAsText("field")).containsExactly("email");
            TestServer.Response listed = server.post("/v3/lists", "{\"name\":\"Mail\",\"kind\":\"email\",\"values\":[\"" + email + "\"]}", app.bearer());
            assertThat(listed.status()).as(listed.body()).isEqualTo(400);

            // The longest address taken is told of a new device: its recipient row, lower-cased, fits.
            String fits = "\u0130".repeat(64) + "@" + domain.substring(domain.length() - (254 - 128 - 1));
            TestServer.Response allowed = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"ola\",\"email\":\"" + fits
                    + "\",\"device\":{\"token\":\"tok_ola_laptop_000001\"}}", app.bearer());
            assertThat(allowed.status()).as("254 characters in lower case: " + allowed.body()).isEqualTo(200);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (count(server, "SELECT COUNT(*) FROM owner_notice_recipients") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(count(server, "SELECT MAX(LENGTH(recipient)) FROM owner_notice_recipients")).isEqualTo(254);
        }
    }

    /** operators.app_ids is VARCHAR(4000): an operator limited to more apps than that holds was stored on SQLite, a 503 on PostgreSQL. */
    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void anOperatorOfMoreAppsThanTheStoreKeepsIsRefusedOnThePage(TestServer.Store store) throws SQLException {
        try (TestServer server = TestServer.start(store, dataDir)) {
            List<String> ids = new ArrayList<>();
            while (String.join(",", ids).length() <= io.seatguard.core.operator.OperatorStore.MAX_APP_IDS_LENGTH) {
                ids.add(server.createApp("App " + ids.size()).id());
            }
            PageClient admin = DashboardPagesTest.signedIn(server);
            admin.get(server.url() + "/dashboard/operators");
            List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("email", "many@example.com"),
                    Map.entry("password", "correct horse battery staple")));
            ids.forEach(id -> form.add(Map.entry("app_scope", id)));
            HttpResponse<String> refused = admin.postRepeated(server.url() + "/dashboard/operators", form);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(refused.body()).contains("apps: must be at most 4000 characters of app ids");
            assertThat(count(server, "SELECT COUNT(*) FROM operators WHERE email = 'many@example.com'")).isZero();

            form.removeLast();
            HttpResponse<String> added = admin.postRepeated(server.url() + "/dashboard/operators", form);
            assertThat(added.statusCode()).as("the most apps that fit").isEqualTo(201);
        }
    }
}
