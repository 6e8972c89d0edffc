package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.challenge.PageClient;
import io.seatguard.server.config.ChallengeSettings;
import io.seatguard.server.config.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo site's backend plays seed 003's integrator: it checks and consumes the login evaluation. */
class DemoSiteTest {
    @TempDir
    Path dataDir;

    @Test
    void aFreshLoginEvaluationOfTheUserOpensASessionOnce() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.demoApp();
            assertThat(server.get("/demo", Map.of()).body()).contains("<form id=\"login-form\"");
            // Where the demo's policies send a logged-out device: a sentence, not the URL's code word.
            assertThat(server.get("/demo?reason=logged-out", Map.of()).body()).contains(">This device was logged out of the account.</p>");
            assertThat(server.get("/demo/config", Map.of()).json().get("client_id").asText()).isEqualTo(app.clientId());
            assertThat(server.get("/demo/account", Map.of()).status()).as("anonymous visitors are sent to sign in").isEqualTo(302);

            String evaluation = evaluate(server, app, "login", "alice");
            Response login = server.post("/demo/login", "{\"user\":\"alice\",\"password\":\"demo\",\"evaluation_id\":\"" + evaluation + "\"}", Map.of());
            assertThat(login.status()).as(login.body()).isEqualTo(204);
            String cookie = login.header("Set-Cookie").orElseThrow().split(";", 2)[0];
            Response account = server.get("/demo/account", Map.of("Cookie", cookie));
            assertThat(account.status()).isEqualTo(200);
            assertThat(account.body()).contains("signed in as <span id=\"user\">alice</span>");
            // Plain http, no public URL: not Secure (a browser would drop it). Behind an https proxy it is, as the dashboard's are.
            assertThat(login.header("Set-Cookie").orElseThrow()).doesNotContain("Secure");
            assertThat(server.post("/demo/logout", "", Map.of("X-Forwarded-Proto", "https")).header("Set-Cookie").orElseThrow())
                    .startsWith("sg_demo=;").endsWith("; Secure");
            assertThat(server.post("/demo/logout", "", Map.of()).header("Set-Cookie").orElseThrow()).doesNotContain("Secure");

            Response replay = server.post("/demo/login", "{\"user\":\"alice\",\"password\":\"demo\",\"evaluation_id\":\"" + evaluation + "\"}", Map.of());
            assertThat(replay.status()).isEqualTo(409);
            // A forged or tampered cookie is no session.
            String tampered = cookie.substring(0, cookie.length() - 1) + (cookie.endsWith("A") ? "B" : "A");
            assertThat(server.get("/demo/account", Map.of("Cookie", tampered)).status()).isEqualTo(302);
        }
    }

    @Test
    void anEvaluationOfAnotherUserOrActionOrAWrongPasswordIsRefused() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.demoApp();
            String bobs = evaluate(server, app, "login", "bob");
            Response otherUser = server.post("/demo/login", "{\"user\":\"alice\",\"password\":\"demo\",\"evaluation_id\":\"" + bobs + "\"}", Map.of());
            assertThat(otherUser.status()).isEqualTo(400);
            assertThat(otherUser.json().get("errors").findValuesAsText("field")).contains("evaluation_id");
            String access = evaluate(server, app, "access", "alice");
            assertThat(server.post("/demo/login", "{\"user\":\"alice\",\"password\":\"demo\",\"evaluation_id\":\"" + access + "\"}", Map.of()).status())
                    .isEqualTo(400);
            Response wrongPassword = server.post("/demo/login", "{\"user\":\"alice\",\"password\":\"nope\"}", Map.of());
            assertThat(wrongPassword.status()).isEqualTo(401);
            assertThat(wrongPassword.json().get("errors").findValuesAsText("field")).containsExactly("password");
            assertThat(server.post("/demo/login", "{\"user\":\"mallory\",\"password\":\"demo\"}", Map.of()).status()).isEqualTo(401);
            assertThat(server.post("/demo/login", "{\"password\":\"demo\"}", Map.of()).json().get("errors").findValuesAsText("field")).contains("user");
            // Bob's evaluation was not used up by the refused attempt.
            assertThat(server.post("/demo/login", "{\"user\":\"bob\",\"password\":\"demo\",\"evaluation_id\":\"" + bobs + "\"}", Map.of()).status())
                    .isEqualTo(204);
        }
    }

    private static String evaluate(TestServer server, TestApp app, String action, String user) {
        Response response = server.post("/v3/evaluate", "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"" + action + "\",\"user\":\"" + user
                + "\",\"device\":{\"token\":\"tok_demo_browser_000001\"}}", Map.of("User-Agent", EvaluateApiTest.DESKTOP));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("evaluation_id").asText();
    }

    @Test
    void aChallengedLoginOpensNothingUntilItsChallengeIsCompletedAndASignupKeepsItsEmail() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.demoApp();
            assertThat(server.post("/demo/policies", "", Map.of("Origin", server.url())).json().get("created").asInt()).isEqualTo(4);
            assertThat(server.post("/demo/policies", "", Map.of("Origin", server.url())).json().get("created").asInt()).as("once").isZero();

            String evaluation = evaluate(server, app, "login", "carol");
            Response login = server.post("/demo/login", "{\"user\":\"carol\",\"password\":\"demo\",\"evaluation_id\":\"" + evaluation + "\"}", Map.of());
            assertThat(login.status()).as("a new device is challenged").isEqualTo(202);
            assertThat(login.json().get("redirect").asText()).contains("/challenge/ch_");
            String pending = login.header("Set-Cookie").orElseThrow().split(";", 2)[0];
            assertThat(pending).startsWith("sg_demo_pending=");
            Response early = server.get("/demo/verified?evaluation=" + evaluation, Map.of("Cookie", pending));
            assertThat(early.status()).as("the challenge is not completed").isEqualTo(403);
            assertThat(early.header("Set-Cookie")).isEmpty();
            assertThat(server.get("/demo/verified?evaluation=" + evaluation, Map.of()).status()).as("no pending login in this browser").isEqualTo(400);
            assertThat(server.get("/v3/evaluations/" + evaluation, app.bearer()).json().get("consumed").asBoolean()).isFalse();

            Response signup = server.post("/v3/evaluate", "{\"client_id\":\"" + app.clientId()
                    + "\",\"action\":\"signup\",\"email\":\"dee@example.com\",\"device\":{\"token\":\"tok_demo_browser_000002\"}}",
                    Map.of("User-Agent", EvaluateApiTest.DESKTOP));
            String signupId = signup.json().get("evaluation_id").asText();
            Response otherEmail = server.post("/demo/register", "{\"email\":\"mallory@example.com\",\"password\":\"s3cret\",\"evaluation_id\":\""
                    + signupId + "\"}", Map.of());
            assertThat(otherEmail.status()).isEqualTo(400);
            assertThat(otherEmail.json().get("errors").findValuesAsText("field")).containsExactly("email");
            Response sameEmail = server.post("/demo/register", "{\"email\":\"dee@example.com\",\"password\":\"s3cret\",\"evaluation_id\":\""
                    + signupId + "\"}", Map.of());
            assertThat(sameEmail.status()).isEqualTo(202);
            assertThat(server.post("/demo/login", "{\"user\":\"dee@example.com\",\"password\":\"s3cret\"}", Map.of()).status())
                    .as("no account before the challenge").isEqualTo(401);
        }
    }

    /**
     * Review finding A: the code of a login challenge goes to the email the browser named, so someone with
     * the password could pass it with their own address. The backend refuses an evaluation whose email is
     * not the account's, even with its challenge completed; the account's own address still gets in.
     */
    @Test
    void aLoginEvaluatedWithAnotherEmailIsRefusedAfterItsChallengeIsCompleted() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.demoApp();
            assertThat(server.post("/demo/policies", "", Map.of("Origin", server.url())).json().get("created").asInt()).isEqualTo(4);

            // The password holder names their own address, and passes the challenge with the code sent there.
            String evaluation = evaluateWithEmail(server, app, "carol", "mallory@example.com", "tok_demo_browser_000003");
            Response login = server.post("/demo/login", "{\"user\":\"carol\",\"password\":\"demo\",\"evaluation_id\":\"" + evaluation + "\"}",
                    Map.of());
            assertThat(login.status()).as("refused before the challenge: " + login.body()).isEqualTo(400);
            assertThat(login.json().get("errors").findValuesAsText("field")).containsExactly("evaluation_id");
            assertThat(completeChallenge(server, app, evaluation, "mallory@example.com")).as("the challenge itself passes").isEqualTo(303);
            Response after = server.post("/demo/login", "{\"user\":\"carol\",\"password\":\"demo\",\"evaluation_id\":\"" + evaluation + "\"}",
                    Map.of());
            assertThat(after.status()).as("and after it: " + after.body()).isEqualTo(400);
            assertThat(after.header("Set-Cookie")).as("no session, no pending login").isEmpty();
            assertThat(server.get("/v3/evaluations/" + evaluation, app.bearer()).json().get("consumed").asBoolean()).isFalse();

            // The owner's own address: challenged, verified, signed in.
            String owners = evaluateWithEmail(server, app, "carol", "Carol@demo.seatguard.dev", "tok_demo_browser_000004");
            Response challenged = server.post("/demo/login", "{\"user\":\"carol\",\"password\":\"demo\",\"evaluation_id\":\"" + owners + "\"}",
                    Map.of());
            assertThat(challenged.status()).as(challenged.body()).isEqualTo(202);
            String pending = challenged.header("Set-Cookie").orElseThrow().split(";", 2)[0];
            assertThat(completeChallenge(server, app, owners, "Carol@demo.seatguard.dev")).isEqualTo(303);
            Response verified = server.get("/demo/verified?evaluation=" + owners, Map.of("Cookie", pending));
            assertThat(verified.status()).as(verified.body()).isEqualTo(303);
            assertThat(verified.header("Set-Cookie").orElseThrow()).startsWith("sg_demo=");
        }
    }

    /** A browser-mode login evaluation of {@code user} naming {@code email}, from the device holding {@code token}. */
    private static String evaluateWithEmail(TestServer server, TestApp app, String user, String email, String token) {
        Response response = server.post("/v3/evaluate", "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"login\",\"user\":\"" + user
                + "\",\"email\":\"" + email + "\",\"device\":{\"token\":\"" + token + "\"}}", Map.of("User-Agent", EvaluateApiTest.DESKTOP));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("verdict").asText()).as("a new device is challenged").isEqualTo("challenge");
        return response.json().get("evaluation_id").asText();
    }

    /** Opens the evaluation's challenge, has the code sent, reads it from the development outbox and enters it: the page's answer. */
    private static int completeChallenge(TestServer server, TestApp app, String evaluation, String email) {
        String challenge = server.get("/v3/evaluations/" + evaluation, app.bearer()).json().get("challenge").get("id").asText();
        String page = server.url() + "/challenge/" + challenge;
        PageClient browser = new PageClient();
        browser.get(page);
        assertThat(browser.post(page + "/send", Map.of("channel", "email")).statusCode()).isEqualTo(200);
        Matcher code = Pattern.compile("<span class=\"to\">" + Pattern.quote(email) + "</span>.*?code is (\\d{6})", Pattern.DOTALL)
                .matcher(server.get("/dev/outbox", Map.of()).body());
        assertThat(code.find()).as("the code went to " + email).isTrue();
        return browser.post(page + "/verify", Map.of("code", code.group(1))).statusCode();
    }

    /** Review finding 1: no login guards the demo, so its policies are turned on only from the server's own pages. */
    @Test
    void theDemosPoliciesAreTurnedOnOnlyFromTheServersOwnPagesAndLeadBackToIt() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.demoApp();
            Response anonymous = server.post("/demo/policies", "", Map.of());
            assertThat(anonymous.status()).isEqualTo(403);
            assertThat(anonymous.json().get("errors").findValuesAsText("field")).containsExactly("Origin");
            assertThat(server.post("/demo/policies", "", Map.of("Origin", "https://evil.example")).status()).as("another site").isEqualTo(403);
            assertThat(server.get("/v3/policies", app.bearer()).json().get("data")).isEmpty();

            String localhost = "http://localhost:" + server.server().port();
            assertThat(server.post("/demo/policies", "", Map.of("Origin", localhost)).json().get("created").asInt()).isEqualTo(4);
            List<String> urls = new ArrayList<>();
            for (JsonNode policy : server.get("/v3/policies", app.bearer()).json().get("data")) {
                policy.get("challenge").properties().stream().filter(field -> field.getKey().endsWith("_url"))
                        .forEach(field -> urls.add(field.getValue().asText()));
            }
            assertThat(urls).hasSize(5).allSatisfy(url -> assertThat(url).startsWith(localhost + "/demo"));
        }
    }

    /** Review finding 1: an operator's app named demo (made in production mode, or renamed) is never the demo's. */
    @Test
    void anAppOfTheOperatorsNamedDemoIsLeftAlone() {
        ServerConfig production = TestServer.config(dataDir).challenges(ChallengeSettings.DEVELOPMENT.withProduction(true)).build();
        TestApp theirs;
        TestApp renamed;
        try (TestServer server = TestServer.startWith(production)) {
            assertThat(server.server().demoApp()).isEmpty();
            theirs = server.createApp("demo");
            renamed = server.defaultApp();
            assertThat(server.send("PATCH", "/v3/apps/" + renamed.id(), "{\"name\":\"demo\"}", Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN))
                    .status()).isEqualTo(200);
        }
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).build())) {
            TestApp demo = server.demoApp();
            assertThat(demo.id()).isNotIn(theirs.id(), renamed.id());
            assertThat(server.post("/demo/policies", "", Map.of("Origin", server.url())).json().get("created").asInt()).isEqualTo(4);
            for (TestApp app : List.of(theirs, renamed)) {
                Response policies = server.get("/v3/policies", app.bearer());
                assertThat(policies.status()).as("its key was not rotated").isEqualTo(200);
                assertThat(policies.json().get("data")).as("no demo policies in it").isEmpty();
            }
        }
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).build())) {
            assertThat(server.get("/v3/apps", Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)).json().get("data"))
                    .as("the demo's app is found again by its id, not made twice").hasSize(3);
        }
    }

    /**
     * The demo's pages call the API from the server's origin, which changes with its port: the demo's app
     * was made with the first start's origins and kept them, so after a restart on another port its
     * browser calls were refused. The server's own origins follow it; one an operator added stays.
     */
    @Test
    void theDemosAppFollowsTheServersOriginAcrossRestartsAndKeepsTheOperatorsOwn() {
        Map<String, String> admin = Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN);
        TestApp demo;
        String firstOrigin;
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            demo = server.demoApp();
            firstOrigin = server.url();
            JsonNode app = server.get("/v3/apps/" + demo.id(), admin).json();
            assertThat(app.get("allowed_origins").toString()).contains(firstOrigin);
            List<String> origins = new ArrayList<>();
            app.get("allowed_origins").forEach(origin -> origins.add("\"" + origin.asText() + "\""));
            origins.add("\"https://shop.example\"");
            assertThat(server.send("PATCH", "/v3/apps/" + demo.id(), "{\"allowed_origins\":[" + String.join(",", origins) + "]}", admin).status())
                    .isEqualTo(200);
        }
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            assertThat(server.url()).as("another port").isNotEqualTo(firstOrigin);
            assertThat(server.demoApp().id()).isEqualTo(demo.id());
            List<String> origins = new ArrayList<>();
            server.get("/v3/apps/" + demo.id(), admin).json().get("allowed_origins").forEach(origin -> origins.add(origin.asText()));
            assertThat(origins).contains(server.url(), "https://shop.example").doesNotContain(firstOrigin);
            Response fromThePage = server.post("/v3/evaluate", "{\"client_id\":\"" + demo.clientId() + "\",\"action\":\"signup\"}",
                    Map.of("Origin", server.url()));
            assertThat(fromThePage.status()).as("the demo's pages may call: " + fromThePage.body()).isEqualTo(200);
        }
    }

    /** A store from before the demo kept its app's id: the app its stored key opens is the demo's. */
    @Test
    void aStoreFromBeforeTheDemoKeptItsAppsIdFindsItByItsKey() throws Exception {
        TestApp first;
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            first = server.demoApp();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("seatguard.db"));
                Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("DELETE FROM settings WHERE name = 'demo_app_id'")).isEqualTo(1);
        }
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            assertThat(server.demoApp()).isEqualTo(first);
            assertThat(server.get("/v3/apps", Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)).json().get("data")).hasSize(2);
        }
    }

    /**
     * The account page signs the identity it evaluates with the demo app's identity secret, so its device-limit
     * page may manage devices; a demo app from before identity secrets gets one at the next start.
     */
    @Test
    void theAccountPageSignsItsIdentityEvenForADemoAppFromBeforeIdentitySecrets() throws Exception {
        TestApp app;
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            app = server.demoApp();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("seatguard.db"));
                Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE apps SET identity_secret = NULL WHERE id = '" + app.id() + "'")).isEqualTo(1);
        }
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            String evaluation = evaluate(server, app, "login", "alice");
            Response login = server.post("/demo/login", "{\"user\":\"alice\",\"password\":\"demo\",\"evaluation_id\":\"" + evaluation + "\"}", Map.of());
            String cookie = login.header("Set-Cookie").orElseThrow().split(";", 2)[0];
            String page = server.get("/demo/account", Map.of("Cookie", cookie)).body();
            java.util.regex.Matcher signature = java.util.regex.Pattern.compile("data-identity-signature=\"([0-9a-f]{64})\"").matcher(page);
            assertThat(signature.find()).as(page).isTrue();
            assertThat(page).contains("data-email=\"alice@demo.seatguard.dev\"");
            java.util.regex.Matcher expires = java.util.regex.Pattern.compile("data-identity-expires=\"(\\d+)\"").matcher(page);
            assertThat(expires.find()).as("signed with an expiry: %s", page).isTrue();
            assertThat(Long.parseLong(expires.group(1)) - java.time.Instant.now().getEpochSecond()).as("about 12 hours ahead")
                    .isBetween(11 * 3_600L, 12 * 3_600L + 60);

            Response access = server.post("/v3/evaluate", "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"access\",\"user\":\"alice\","
                    + "\"email\":\"alice@demo.seatguard.dev\",\"identity_signature\":\"" + signature.group(1) + "\",\"identity_expires\":"
                    + expires.group(1) + "}", Map.of());
            assertThat(access.status()).as(access.body()).isEqualTo(200);
            assertThat(server.get("/v3/evaluations/" + access.json().get("evaluation_id").asText(), app.bearer()).json().get("identity").asText())
                    .isEqualTo("signed");
        }
    }
}
