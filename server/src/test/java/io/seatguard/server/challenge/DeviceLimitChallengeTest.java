package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device-limit page over HTTP: logging a device out from it, and going on once the account is within its limit. */
class DeviceLimitChallengeTest {
    private static final String DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @TempDir
    Path dataDir;

    private static String evaluate(TestServer server, TestApp app, String action, String token) {
        return evaluate(server, app, action, token, ",\"return_to\":\"https://app.example/watch/1\"");
    }

    /** The redirect of dina's evaluation of {@code action} from the device holding {@code token}, with {@code extra} fields; empty when none. */
    private static String evaluate(TestServer server, TestApp app, String action, String token, String extra) {
        Response response = server.post("/v3/evaluate", "{\"action\":\"" + action + "\",\"user\":\"dina\",\"ip\":\"198.51.100.7\",\"user_agent\":\"" + DESKTOP
                + "\"" + extra + ",\"device\":{\"token\":\"" + token + "\"}}", app.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().has("redirect") && !response.json().get("redirect").isNull() ? response.json().get("redirect").asText() : "";
    }

    private static final String POLICY = """
            {"name": "Two devices", "actions": ["access"], "conditions": {"check": "device_count", "op": "gt", "value": 2},
             "verdict": "challenge", "challenge": {"type": "device_limit", "device_limit": 2, "success_url": "https://app.example/plans",
                           "logout_url": "https://app.example/bye"}}""";

    /** The owner's three devices, named by the app's backend; then a browser's access with a fourth, through the public client id. */
    private static String browserAccessOverTheLimit(TestServer server, TestApp app, String identitySignature) {
        assertThat(server.post("/v3/policies", POLICY, app.bearer()).status()).isEqualTo(201);
        for (String token : new String[] {"tok_dina_laptop_0001", "tok_dina_tablet_0001", "tok_dina_phone_00001"}) {
            evaluate(server, app, "login", token);
        }
        String signature = identitySignature == null ? "" : ",\"identity_signature\":\"" + identitySignature + "\"";
        Response response = server.post("/v3/evaluate", "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"access\",\"user\":\"dina\""
                + signature + ",\"return_to\":\"" + server.url() + "/watch/1\",\"device\":{\"token\":\"tok_someone_else_0001\"}}",
                Map.of("User-Agent", DESKTOP));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String page = response.json().get("redirect").asText();
        assertThat(page).startsWith(server.url() + "/challenge/");
        return page;
    }

    /** The same, the identity signed as the app's pages sign it. */
    private static String signedBrowserAccessOverTheLimit(TestServer server, TestApp app) {
        Response rotated = server.post("/v3/apps/" + app.id() + "/rotate-identity-secret", null, Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN));
        return browserAccessOverTheLimit(server, app, io.seatguard.sdk.IdentitySignature.sign(rotated.json().get("identity_secret").asText(), "dina", null, null));
    }

    /** The status of each of dina's devices, as the API lists them. */
    private static java.util.List<String> statuses(TestServer server, TestApp app) {
        return server.get("/v3/users/dina/devices", app.bearer()).json().get("data").findValuesAsText("status");
    }

    /** The device the challenge's page was opened for. */
    private static String challengedDevice(TestServer server, TestApp app, String page) {
        return server.get("/v3/challenges/" + page.substring(page.lastIndexOf('/') + 1), app.bearer()).json().get("device_id").asText();
    }

    /** One of the owner's devices other than the one the challenge's page was opened for. */
    private static String aDeviceOfTheOwner(TestServer server, TestApp app, String page) {
        String challenged = challengedDevice(server, app, page);
        return server.get("/v3/users/dina/devices", app.bearer()).json().get("data").findValuesAsText("id").stream()
                .filter(id -> !id.equals(challenged)).findFirst().orElseThrow();
    }

    /**
     * Review finding (high): with the public client id and an account id, anyone reached the account's
     * device-limit page, saw its devices and logged every one of them out. Unsigned, the page shows none and
     * logs none out.
     */
    @Test
    void aPageOpenedByAnUnsignedBrowserNeitherShowsNorLogsOutTheAccountsDevices() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            String page = browserAccessOverTheLimit(server, app, null);
            String ownersDevice = aDeviceOfTheOwner(server, app, page);

            PageClient browser = new PageClient();
            String body = browser.get(page).body();
            assertThat(body).doesNotContain("logout-device").doesNotContain(ownersDevice).doesNotContain("Devices on this account")
                    .contains("can be used on 2 devices at most, and that many are already signed in").contains("/continue\"").contains("/decline\"");
            HttpResponse<String> forged = browser.post(page + "/logout-device", Map.of("lang", "en", "device_id", ownersDevice));
            assertThat(forged.statusCode()).isEqualTo(200);
            assertThat(forged.body()).contains("Devices cannot be logged out from this page.");
            assertThat(statuses(server, app))
                    .as("the owner's devices stay logged in").doesNotContain("detached");
            assertThat(server.get("/v3/challenges/" + page.substring(page.lastIndexOf('/') + 1), app.bearer()).json().get("identity").asText())
                    .isEqualTo("unsigned");

            HttpResponse<String> cancelled = browser.post(page + "/decline", Map.of("lang", "en"));
            assertThat(cancelled.statusCode()).isEqualTo(303);
            assertThat(cancelled.headers().firstValue("Location")).contains("https://app.example/plans");
            // Review finding: an unsigned page is anyone's who holds the client id, and the device it is opened
            // for may be the owner's (resolved by the owner's components), so its Cancel logs nothing out. The
            // cancelling device's next page view is not let in for that: it is judged afresh, and challenged again.
            assertThat(evaluate(server, app, "access", "tok_someone_else_0001")).as("challenged again").startsWith(server.url() + "/challenge/");
            assertThat(statuses(server, app))
                    .as("the owner's three stay in, and nothing was logged out").containsExactlyInAnyOrder("attached", "attached", "attached");
        }
    }

    /**
     * Found in a walk-through: the cancelling device was not the account's (its challenged evaluation linked
     * nothing), so nothing was logged out and its next page view got in. On a page a vouched evaluation
     * opened, Cancel logs it out.
     */
    @Test
    void cancelOnAPageOpenedWithASignedIdentityLogsTheCancellingDeviceOut() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            String page = signedBrowserAccessOverTheLimit(server, app);
            PageClient browser = new PageClient();
            browser.get(page);
            assertThat(browser.post(page + "/decline", Map.of("lang", "en")).statusCode()).isEqualTo(303);
            // Review finding: the failed challenge's Cancel, posted again, logged the device out again. It is
            // finished: the page says so, and sends the browser nowhere.
            HttpResponse<String> again = browser.post(page + "/decline", Map.of("lang", "en"));
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("This check could not be completed.");
            assertThat(evaluate(server, app, "access", "tok_someone_else_0001")).as("sent to the logout page").isEqualTo("https://app.example/bye");
            assertThat(statuses(server, app))
                    .as("the owner's three, and the one that cancelled, logged out").containsExactlyInAnyOrder("attached", "attached", "attached", "detached");
        }
    }

    @Test
    void aPageOpenedWithASignedIdentityLogsDevicesOutAsBefore() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            String page = signedBrowserAccessOverTheLimit(server, app);
            String ownersDevice = aDeviceOfTheOwner(server, app, page);

            PageClient browser = new PageClient();
            String body = browser.get(page).body();
            assertThat(body).contains("logout-device").contains(ownersDevice);
            assertThat(body).as("when each device was first seen tells alike rows apart").containsPattern("first seen [A-Z][a-z]{2} \\d{1,2}, \\d{4}");
            // Found in review: a hand-made form without a device id, or with one no device can have, was answered 200.
            assertThat(browser.post(page + "/logout-device", Map.of("lang", "en")).statusCode()).as("no device id").isEqualTo(422);
            assertThat(browser.post(page + "/logout-device", Map.of("lang", "en", "device_id", "x")).statusCode()).as("not a device id").isEqualTo(422);
            HttpResponse<String> loggedOut = browser.post(page + "/logout-device", Map.of("lang", "en", "device_id", ownersDevice));
            assertThat(loggedOut.statusCode()).isEqualTo(200);
            assertThat(statuses(server, app)).containsOnlyOnce("detached");
        }
    }

    /**
     * Found in review: a Log out button pressed twice sends its form twice, and the browser shows the second
     * answer, which said "That device is not on this account" of the device the first had just logged out,
     * as if the owner had picked someone else's. It says the device is logged out already.
     */
    @Test
    void aLogoutSentTwiceSaysTheDeviceIsAlreadyLoggedOut() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            String page = signedBrowserAccessOverTheLimit(server, app);
            String ownersDevice = aDeviceOfTheOwner(server, app, page);
            PageClient browser = new PageClient();
            browser.get(page);

            assertThat(browser.post(page + "/logout-device", Map.of("lang", "en", "device_id", ownersDevice)).body()).contains("The device was logged out.");
            HttpResponse<String> again = browser.post(page + "/logout-device", Map.of("lang", "en", "device_id", ownersDevice));
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("That device is already logged out.").doesNotContain("not on this account")
                    .contains("role=\"status\"");
            assertThat(statuses(server, app)).containsOnlyOnce("detached");
        }
    }

    /**
     * Found in review: once a logout has brought the account within its limit and passed the challenge, the
     * same logout sent again (the button pressed twice; the browser shows the second answer) or Continue said
     * "This check is already complete" with no way on. It leads on where the pass did, logging nothing more out.
     */
    @Test
    void aLogoutOrContinueSentAgainAfterThePassLeadsOnAgain() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            String page = signedBrowserAccessOverTheLimit(server, app);
            String challenged = challengedDevice(server, app, page);
            java.util.List<String> owners = server.get("/v3/users/dina/devices", app.bearer()).json().get("data").findValuesAsText("id").stream()
                    .filter(id -> !id.equals(challenged)).toList();
            PageClient browser = new PageClient();
            browser.get(page);

            assertThat(browser.post(page + "/logout-device", Map.of("lang", "en", "device_id", owners.get(0))).statusCode()).isEqualTo(200);
            HttpResponse<String> through = browser.post(page + "/logout-device", Map.of("lang", "en", "device_id", owners.get(1)));
            assertThat(through.statusCode()).isEqualTo(303);
            for (String form : new String[] {"/logout-device", "/continue"}) {
                HttpResponse<String> repeated = browser.post(page + form, Map.of("lang", "en", "device_id", owners.get(1)));
                assertThat(repeated.statusCode()).as(form + ": " + repeated.body()).isEqualTo(303);
                assertThat(repeated.headers().firstValue("Location")).as(form).isEqualTo(through.headers().firstValue("Location"));
            }
            assertThat(statuses(server, app)).as("two logged out, no more").filteredOn("detached"::equals).hasSize(2);
            assertThat(browser.get(page).body()).as("reopened (the back button)").contains("This check is already complete.");
        }
    }

    /**
     * Review finding: the device list shows each device's parsed browser and system, which are the user
     * agent's words (a server-mode user_agent may carry a right-to-left override); in an Arabic page they
     * and the app's name ("Stream+ (EU) Ltd." read ".Stream+ (EU) Ltd") must keep their own direction.
     */
    @Test
    void theDeviceListAndTheAppsNameAreIsolatedFromTheRightToLeftPage() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            assertThat(server.send("PATCH", "/v3/apps/" + app.id(), "{\"name\":\"Stream+ (EU) Ltd.\"}",
                    Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)).status()).isEqualTo(200);
            Response crafted = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"dina\",\"ip\":\"198.51.100.7\",\"user_agent\":\""
                    + DESKTOP + " \u202Emoc.elpmaxe-live/9\",\"device\":{\"token\":\"tok_dina_crafted_0001\"}}", app.bearer());
            assertThat(crafted.status()).as(crafted.body()).isEqualTo(200);
            String page = signedBrowserAccessOverTheLimit(server, app);

            String arabic = new PageClient().get(page + "?lang=ar").body();
            assertThat(arabic).contains("dir=\"rtl\"").contains("<p class=\"app-name\"><bdi>Stream+ (EU) Ltd.</bdi></p>")
                    .contains("يمكن استخدام حسابك في <bdi>Stream+ (EU) Ltd.</bdi> على جهازين")
                    .contains("<title>أجهزة كثيرة جدًا · \u2068Stream+ (EU) Ltd.\u2069</title>")
                    .contains("<bdi>Chrome</bdi> · <bdi>Windows NT</bdi>")
                    .containsPattern("<bdi>\u202Emoc\\.elpmaxe-[Ll]ive</bdi> · <bdi>Windows NT</bdi>")
                    .as("the override only ever inside an isolate: a <bdi>, or U+2068 … U+2069 in the button's label")
                    .doesNotContainPattern("(?<!<bdi>|\u2068)\u202E").containsPattern("\u2068\u202Emoc\\.elpmaxe-[Ll]ive\u2069 \u2068Windows NT\u2069\"");
            assertThat(new PageClient().get(page + "?lang=en").body()).as("a left-to-right <title> needs no isolate")
                    .contains("<title>Too many devices · Stream+ (EU) Ltd.</title>");
        }
    }

    /**
     * The device signing in is not the account's until the page is passed (a challenged evaluation links
     * nothing), yet it counts as device_count counted it; passing makes it the account's.
     */
    @Test
    void theDeviceSigningInCountsOnThePageAndPassingMakesItTheAccounts() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            String page = signedBrowserAccessOverTheLimit(server, app);
            String thisDevice = challengedDevice(server, app, page);
            assertThat(server.get("/v3/users/dina/devices", app.bearer()).json().get("data").findValuesAsText("id")).doesNotContain(thisDevice);

            java.util.List<String> owners = server.get("/v3/users/dina/devices", app.bearer()).json().get("data").findValuesAsText("id");
            assertThat(owners).hasSize(3);
            PageClient browser = new PageClient();
            browser.get(page);
            HttpResponse<String> first = browser.post(page + "/logout-device", Map.of("lang", "en", "device_id", owners.get(0)));
            assertThat(first.statusCode()).as("two of the owner's and this one: over the limit of two").isEqualTo(200);
            assertThat(first.body()).contains("The device was logged out");
            HttpResponse<String> second = browser.post(page + "/logout-device", Map.of("lang", "en", "device_id", owners.get(1)));
            assertThat(second.statusCode()).as("one of the owner's and this one").isEqualTo(303);

            Map<String, String> statusById = new java.util.HashMap<>();
            server.get("/v3/users/dina/devices", app.bearer()).json().get("data")
                    .forEach(device -> statusById.put(device.get("id").asText(), device.get("status").asText()));
            assertThat(statusById).as("this device attached; two of the owner's logged out, one still in").containsEntry(thisDevice, "attached")
                    .hasSize(4);
            assertThat(statusById.values()).filteredOn("detached"::equals).hasSize(2);
        }
    }

    /**
     * Found in Chromium: the page offered to log out "This device", and doing so passed the challenge, whose
     * next evaluation then logged its person out. It offers no such button, and a posted one is refused.
     */
    @Test
    void theDeviceBeingSignedInOnIsNotLoggedOutFromItsOwnPage() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            String page = signedBrowserAccessOverTheLimit(server, app);
            String thisDevice = challengedDevice(server, app, page);

            PageClient browser = new PageClient();
            String body = browser.get(page).body();
            // Not the account's until the challenge passes, so not among its devices; and never a Log out button for it.
            assertThat(body).contains(aDeviceOfTheOwner(server, app, page)).doesNotContain("value=\"" + thisDevice + "\"");
            HttpResponse<String> refused = browser.post(page + "/logout-device", Map.of("lang", "en", "device_id", thisDevice));
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("This is the device you are using now");
            assertThat(statuses(server, app)).doesNotContain("detached");

            // The address a post leaves in the address bar, opened again: the page, not a 405 document.
            HttpResponse<String> reopened = browser.get(page + "/logout-device?lang=fr");
            assertThat(reopened.statusCode()).isEqualTo(303);
            assertThat(reopened.headers().firstValue("Location")).contains(page.substring(page.indexOf("/challenge/")) + "?lang=fr");
            // A malformed id or an unknown language: the plain page unknown ids get, and no language carried over.
            HttpResponse<String> malformed = browser.get(server.url() + "/challenge/ch_nope/send");
            assertThat(malformed.statusCode()).isEqualTo(404);
            assertThat(malformed.body()).contains("This check has expired").doesNotContain("\"type\"");
            assertThat(browser.get(page + "/continue?lang=%3Cx%3E").headers().firstValue("Location")).hasValue(page.substring(page.indexOf("/challenge/")));
        }
    }

    @Test
    void continueGoesOnOnceTheAccountIsWithinItsLimitAndSaysSoWhileItIsNot() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            Response policy = server.post("/v3/policies", """
                    {"name": "Two devices", "actions": ["access"], "conditions": {"check": "device_count", "op": "gt", "value": 2},
                     "verdict": "challenge", "challenge": {"type": "device_limit", "device_limit": 2, "success_url": "https://app.example/plans",
                                   "logout_url": "https://app.example/bye"}}""",
                    app.bearer());
            assertThat(policy.status()).as(policy.body()).isEqualTo(201);
            for (String token : new String[] {"tok_dina_laptop_0001", "tok_dina_tablet_0001", "tok_dina_phone_00001"}) {
                evaluate(server, app, "login", token);
            }
            String page = evaluate(server, app, "access", "tok_dina_phone_00001");
            assertThat(page).startsWith(server.url() + "/challenge/");

            PageClient browser = new PageClient();
            assertThat(browser.get(page).body()).contains("action=\"/challenge/").contains("/continue\"");
            assertThat(new PageClient().postRaw(page + "/continue", Map.of("lang", "en")).statusCode()).as("no CSRF token: refused").isEqualTo(403);
            assertThat(browser.post(server.url() + "/challenge/ch_" + "x".repeat(32) + "/continue", Map.of()).statusCode()).as("unknown id").isEqualTo(404);
            HttpResponse<String> over = browser.post(page + "/continue", Map.of("lang", "en"));
            assertThat(over.statusCode()).isEqualTo(200);
            assertThat(over.body()).contains("The account still has too many devices.");

            // The app's backend logs one device out meanwhile: the page's Continue now goes on, logging out nothing more.
            String laptop = aDeviceOfTheOwner(server, app, page);
            assertThat(server.send("DELETE", "/v3/users/dina/devices/" + laptop, null, app.bearer()).status()).isEqualTo(204);
            HttpResponse<String> onward = browser.post(page + "/continue", Map.of("lang", "en"));
            assertThat(onward.statusCode()).isEqualTo(303);
            assertThat(onward.headers().firstValue("Location")).contains("https://app.example/watch/1");
            assertThat(statuses(server, app))
                    .as("only the one the backend logged out").containsOnlyOnce("detached");
        }
    }

    /**
     * Found in review: pages of one account pressing Continue at the same moment each counted the others'
     * devices as not yet the account's, and all passed: six devices attached under a limit of one.
     */
    @Test
    void pagesContinuingAtOnceLetInNoMoreDevicesThanTheLimit() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            Response policy = server.post("/v3/policies", POLICY.replace("\"op\": \"gt\", \"value\": 2", "\"op\": \"gte\", \"value\": 1")
                    .replace("\"device_limit\": 2", "\"device_limit\": 1"), app.bearer());
            assertThat(policy.status()).as(policy.body()).isEqualTo(201);
            int pages = 4;
            java.util.List<String> opened = new java.util.ArrayList<>();
            java.util.List<PageClient> browsers = new java.util.ArrayList<>();
            for (int i = 0; i < pages; i++) {
                String page = evaluate(server, app, "access", "tok_dina_device_000" + i);
                assertThat(page).as("device " + i).startsWith(server.url() + "/challenge/");
                PageClient browser = new PageClient();
                browser.get(page);
                opened.add(page);
                browsers.add(browser);
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(pages);
            try {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(pages);
                java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < pages; i++) {
                    int page = i;
                    answers.add(pool.submit(() -> {
                        together.await();
                        return browsers.get(page).post(opened.get(page) + "/continue", Map.of("lang", "en")).statusCode();
                    }));
                }
                int passed = 0;
                for (java.util.concurrent.Future<Integer> answer : answers) {
                    passed += answer.get(30, java.util.concurrent.TimeUnit.SECONDS) == 303 ? 1 : 0;
                }
                assertThat(passed).as("one page passes, the others are told the account is at its limit").isEqualTo(1);
            }
            finally {
                pool.shutdownNow();
            }
            assertThat(statuses(server, app)).containsExactly("attached");
        }
    }

    /**
     * Found in review (high): a return_to with characters a browser leaves raw was refused, and with it the
     * evaluation. Taken now, it is stored percent-encoded, and that is what the Location header holds.
     */
    @Test
    void aReturnToWithCharactersABrowserLeavesRawLeadsBackThereEncoded() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            assertThat(server.post("/v3/policies", POLICY, app.bearer()).status()).isEqualTo(201);
            for (String token : new String[] {"tok_dina_laptop_0001", "tok_dina_tablet_0001", "tok_dina_phone_00001"}) {
                evaluate(server, app, "login", token);
            }
            String page = evaluate(server, app, "access", "tok_dina_phone_00001",
                    ",\"return_to\":\"https://app.example/watch/1?off=100%&sort=a|b&q={x} y#top#2\"");
            assertThat(page).startsWith(server.url() + "/challenge/");

            PageClient browser = new PageClient();
            browser.get(page);
            assertThat(server.send("DELETE", "/v3/users/dina/devices/" + aDeviceOfTheOwner(server, app, page), null, app.bearer()).status()).isEqualTo(204);
            HttpResponse<String> onward = browser.post(page + "/continue", Map.of("lang", "en"));
            assertThat(onward.statusCode()).isEqualTo(303);
            assertThat(onward.headers().firstValue("Location")).hasValue("https://app.example/watch/1?off=100%25&sort=a%7Cb&q=%7Bx%7D%20y#top%232");
        }
    }

    /**
     * Found in review: the page did not notice that the owner logged its own device out while it was
     * open, and went on logging the owner's other devices out; passing it then attached the device again.
     * The logout ends the device's open challenges: the page stops, and the device stays logged out.
     */
    @Test
    void aLogoutOfThePagesOwnDeviceEndsThePage() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            String page = signedBrowserAccessOverTheLimit(server, app);
            String challengeId = page.substring(page.lastIndexOf('/') + 1);
            PageClient browser = new PageClient();
            browser.get(page);
            String thisDevice = challengedDevice(server, app, page);
            java.util.List<String> owners = server.get("/v3/users/dina/devices", app.bearer()).json().get("data").findValuesAsText("id");
            assertThat(server.send("DELETE", "/v3/users/dina/devices/" + owners.get(0), null, app.bearer()).status()).isEqualTo(204);
            assertThat(server.get("/v3/challenges/" + challengeId, app.bearer()).json().get("status").asText())
                    .as("another device's logout leaves this page open").isEqualTo("presented");

            // The page's device signs in through the backend (allowed: the policy is on page views), so it is
            // the account's and can be logged out; then the owner logs it out.
            evaluate(server, app, "login", "tok_someone_else_0001");
            assertThat(server.get("/v3/users/dina/devices", app.bearer()).json().get("data").findValuesAsText("id")).contains(thisDevice);
            assertThat(server.get("/v3/challenges/" + challengeId, app.bearer()).json().get("status").asText()).isEqualTo("presented");
            assertThat(server.send("DELETE", "/v3/users/dina/devices/" + thisDevice, null, app.bearer()).status()).isEqualTo(204);
            assertThat(server.get("/v3/challenges/" + challengeId, app.bearer()).json().get("status").asText()).isEqualTo("failed");

            HttpResponse<String> refused = browser.post(page + "/logout-device", Map.of("lang", "en", "device_id", owners.get(1)));
            assertThat(refused.body()).contains("This check could not be completed.").doesNotContain("Log out of some to continue here");
            assertThat(browser.post(page + "/continue", Map.of("lang", "en")).body()).contains("This check could not be completed.")
                    .doesNotContain("still has too many devices");
            java.util.List<String> statuses = statuses(server, app);
            assertThat(statuses).hasSize(4);
            assertThat(statuses).as("only the two the owner logged out are out").filteredOn("detached"::equals).hasSize(2);
        }
    }

    /** Review finding E: a device-limit challenge on login could be stored without success_url, and then passed to about:blank. */
    @Test
    void aLoginDeviceLimitPolicyNeedsItsSuccessUrlAndOneStoredWithoutItEndsOnThePage() throws Exception {
        String withoutSuccessUrl = """
                {"name": "Two devices at login", "actions": ["login"], "conditions": {"check": "device_count", "op": "gt", "value": 2},
                 "verdict": "challenge", "challenge": {"type": "device_limit", "device_limit": 2, "logout_url": "https://app.example/bye"}}""";
        String policyId;
        TestApp app;
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            app = server.defaultApp();
            Response refused = server.post("/v3/policies", withoutSuccessUrl, app.bearer());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactly("challenge.success_url");
            Response created = server.post("/v3/policies", withoutSuccessUrl.replace("\"device_limit\": 2,",
                    "\"device_limit\": 2, \"success_url\": \"https://app.example/home\","), app.bearer());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            policyId = created.json().get("id").asText();
        }
        // As a policy stored before success_url was required of it: the same without one.
        StoredPolicyDocuments.rewriteChallenge(dataDir, policyId, challenge -> assertThat(challenge.remove("success_url")).isNotNull());
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            assertThat(server.get("/v3/policies/" + policyId, app.bearer()).json().get("refused_now").findValuesAsText("field"))
                    .as("read back, the operator is told").containsExactly("challenge.success_url");
            evaluate(server, app, "login", "tok_dina_laptop_0001");
            evaluate(server, app, "login", "tok_dina_tablet_0001");
            String page = evaluate(server, app, "login", "tok_dina_phone_00001", "");
            assertThat(page).startsWith(server.url() + "/challenge/");
            PageClient browser = new PageClient();
            browser.get(page);
            String laptop = aDeviceOfTheOwner(server, app, page);
            HttpResponse<String> done = browser.post(page + "/logout-device", Map.of("device_id", laptop, "lang", "en"));
            assertThat(done.statusCode()).as("not a redirect to about:blank").isEqualTo(200);
            assertThat(done.body()).contains("Done. You can close this page");
            assertThat(server.get("/v3/challenges/" + page.substring(page.lastIndexOf('/') + 1), app.bearer()).json().get("status").asText())
                    .isEqualTo("completed");
        }
    }

    /** Review finding E: an access evaluated without return_to ended its device-limit challenge at about:blank. */
    @Test
    void anAccessWithoutReturnToEndsOnThePage() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            Response policy = server.post("/v3/policies", """
                    {"name": "Two devices", "actions": ["access"], "conditions": {"check": "device_count", "op": "gt", "value": 2},
                     "verdict": "challenge", "challenge": {"type": "device_limit", "device_limit": 2, "logout_url": "https://app.example/bye"}}""",
                    app.bearer());
            assertThat(policy.status()).as(policy.body()).isEqualTo(201);
            for (String token : new String[] {"tok_dina_laptop_0001", "tok_dina_tablet_0001", "tok_dina_phone_00001"}) {
                evaluate(server, app, "login", token);
            }
            String page = evaluate(server, app, "access", "tok_dina_phone_00001", "");
            assertThat(page).startsWith(server.url() + "/challenge/");
            PageClient browser = new PageClient();
            browser.get(page);
            HttpResponse<String> done = browser.post(page + "/logout-device", Map.of("device_id", aDeviceOfTheOwner(server, app, page), "lang", "en"));
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).contains("Done. You can close this page");
        }
    }
}
