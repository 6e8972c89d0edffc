package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.config.ChallengeSettings;
import io.seatguard.server.config.ServerConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the hosted pages' attempt limits count by, over HTTP with the development outbox: a signup's
 * address rather than the {@code user} its caller chose, each recipient whatever the account, and only
 * sends that went out.
 */
class PageLimitsTest {
    private static final String VERIFY_SIGNUPS = """
            {"name": "Verify signups and logins", "actions": ["signup", "login"], "conditions": {"check": "action", "op": "in", "value": ["signup", "login"]},
             "verdict": "challenge", "challenge": {"type": "verification", "channels": ["email", "sms"], "success_url": "https://app.example/ok"}}""";

    @TempDir
    Path dataDir;

    private TestServer server;
    private TestApp app;

    @BeforeEach
    void start() {
        server = TestServer.startWith(TestServer.config(dataDir).build());
        app = server.defaultApp();
        Response policy = server.post("/v3/policies", VERIFY_SIGNUPS, app.bearer());
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The hosted page of a signup evaluated with these fields (a JSON fragment). */
    private String signupPage(String fields, String token) {
        return page(server, app, "signup", fields, token);
    }

    /** The hosted page of an evaluation of {@code action} with these fields (a JSON fragment). */
    private static String page(TestServer server, TestApp app, String action, String fields, String token) {
        Response response = server.post("/v3/evaluate", "{\"action\":\"" + action + "\"," + fields + ",\"ip\":\"198.51.100.7\",\"device\":{\"token\":\""
                + token + "\"}}", app.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("verdict").asText()).isEqualTo("challenge");
        return response.json().get("redirect").asText();
    }

    /** Opens the page in a new browser and asks for a code by this channel: the answer's status. */
    private static int sendFromANewBrowser(String page, String channel) {
        PageClient browser = new PageClient();
        browser.get(page);
        return browser.post(page + "/send", Map.of("channel", channel)).statusCode();
    }

    /** Review finding B: signups named after any user shared no limit, so one address could be guessed at without end. */
    @Test
    void signupsUnderMadeUpUsersShareTheirEmailsCheckLimit() {
        int checks = 0;
        HttpResponse<String> last = null;
        // Four wrong codes a challenge (the fifth would fail it); each signup names another user, all one address.
        for (int signup = 0; signup < 6 && (last == null || last.statusCode() != 429); signup++) {
            String page = signupPage("\"user\":\"anyone" + signup + "\",\"email\":\"" + (signup % 2 == 0 ? "victim" : "Victim")
                    + "@example.com\"", "tok_signup_device_" + signup);
            PageClient browser = new PageClient();
            browser.get(page);
            assertThat(browser.post(page + "/send", Map.of("channel", "email")).statusCode()).isEqualTo(200);
            for (int attempt = 0; attempt < 4; attempt++) {
                last = browser.post(page + "/verify", Map.of("code", "00000" + attempt));
                if (last.statusCode() == 429) {
                    break;
                }
                checks++;
            }
        }
        assertThat(last).isNotNull();
        assertThat(last.statusCode()).as("one address's checks are counted together").isEqualTo(429);
        assertThat(checks).isEqualTo((int) AttemptLimits.VERIFY_PER_ACCOUNT.capacity());
    }

    /**
     * An erased account's attempt buckets go with it: its send and recipient counts outlived the erasure (in
     * Redis, under keys naming its phone number), so an account made again under the same id was refused.
     */
    @Test
    void anErasedAccountsSendLimitsGoWithIt() {
        int capacity = (int) AttemptLimits.SEND_PER_ACCOUNT.capacity();
        for (int login = 0; login <= capacity; login++) {
            String page = page(server, app, "login", "\"user\":\"leaver\",\"phone\":\"+33611112222\"", "tok_leaver_device_" + login);
            assertThat(sendFromANewBrowser(page, "sms")).as("send " + (login + 1)).isEqualTo(login < capacity ? 200 : 429);
        }
        assertThat(server.send("DELETE", "/v3/users/leaver", null, app.bearer()).status()).isEqualTo(204);

        String again = page(server, app, "login", "\"user\":\"leaver\",\"phone\":\"+33611112222\"", "tok_leaver_device_again");
        assertThat(sendFromANewBrowser(again, "sms")).as("the account made again starts with full limits").isEqualTo(200);
    }

    /** Review finding C: code sends had no limit per recipient, so one number could be sent a paid message per made-up account. */
    @Test
    void oneNumberIsSentAtMostItsRecipientLimitWhateverTheAccounts() {
        int sent = 0;
        int limited = 0;
        for (int login = 0; login < 12; login++) {
            String page = page(server, app, "login", "\"user\":\"pump" + login + "\",\"phone\":\"+33612345678\"", "tok_pump_device_" + login);
            int status = sendFromANewBrowser(page, "sms");
            sent += status == 200 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        assertThat(sent).isEqualTo((int) AttemptLimits.SEND_PER_RECIPIENT.capacity());
        assertThat(limited).isEqualTo(12 - sent);
        // Another number is not held back by it.
        String other = page(server, app, "login", "\"user\":\"pump99\",\"phone\":\"+33699999999\"", "tok_pump_device_99");
        assertThat(sendFromANewBrowser(other, "sms")).isEqualTo(200);
    }

    /**
     * A domain typed with its own letters is taken in its xn-- form: a script alternating the two spellings
     * of one mailbox must not get twice its recipient limit of codes sent to it.
     */
    @Test
    void oneMailboxIsOneRecipientWhicheverWayItsDomainIsTyped() {
        int sent = 0;
        int limited = 0;
        for (int login = 0; login < 12; login++) {
            String email = login % 2 == 0 ? "victim@ex\u00e4mple.com" : "victim@XN--EXMPLE-CUA.com";
            String page = page(server, app, "login", "\"user\":\"idn" + login + "\",\"email\":\"" + email + "\"", "tok_idn_device_" + login);
            int status = sendFromANewBrowser(page, "email");
            sent += status == 200 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        assertThat(sent).isEqualTo((int) AttemptLimits.SEND_PER_RECIPIENT.capacity());
        assertThat(limited).isEqualTo(12 - sent);
    }

    /**
     * Review: a custom action your backend evaluated without {@code user} and with a phone alone (a password
     * reset by phone number, a guest's checkout) counted its limits under the account key of no account,
     * {@code email:}, one for the whole app: ten codes an hour went out to all such challenges together, and
     * the eleventh person was refused. Each counts per address it verifies, as a signup does.
     */
    @Test
    void challengesWithoutAUserOrEmailEachCountPerTheirOwnNumber() {
        Response policy = server.post("/v3/policies", """
                {"name": "Verify password resets", "actions": ["password_reset"], "conditions": {"check": "action", "op": "eq", "value": "password_reset"},
                 "verdict": "challenge", "challenge": {"type": "verification", "channels": ["sms"], "success_url": "https://app.example/reset"}}""",
                app.bearer());
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
        int sends = (int) AttemptLimits.SEND_PER_ACCOUNT.capacity() + 1;
        for (int reset = 0; reset < sends; reset++) {
            String page = page(server, app, "password_reset", "\"phone\":\"+336123456" + (10 + reset) + "\"", "tok_reset_device_" + reset);
            assertThat(sendFromANewBrowser(page, "sms")).as("reset " + reset).isEqualTo(200);
        }
    }

    /**
     * Review finding: a send on the page of a challenge whose app the store no longer has took the client
     * address's send token, then answered that the challenge is not found: such pages drained the limit
     * the address's real challenges need. The app is looked up first, and an unknown one spends nothing.
     */
    @Test
    void sendsToAChallengeOfAnUnknownAppSpendNoLimit() throws Exception {
        // Three accounts and addresses: each account's own send limit (10) would stop one page's sends
        // before the address's (20) is spent.
        List<String> orphans = pagesOfAnAppThenRemoved(3, false);
        String real = page(server, app, "login", "\"user\":\"owner\",\"email\":\"owner@example.com\"", "tok_owner_device_1");
        PageClient browser = new PageClient();
        browser.get(real);
        for (String orphan : orphans) {
            for (int i = 0; i < AttemptLimits.SEND_PER_ACCOUNT.capacity(); i++) {
                assertThat(browser.post(orphan + "/send", Map.of("channel", "email")).statusCode()).as(orphan + " send " + (i + 1)).isEqualTo(404);
            }
        }
        assertThat(browser.post(real + "/send", Map.of("channel", "email")).statusCode()).as("the address's limit is untouched").isEqualTo(200);
    }

    /** The same for code checks: a check on such a page spent the address's verify token before it was not found. */
    @Test
    void codeChecksOnAChallengeOfAnUnknownAppSpendNoLimit() throws Exception {
        // Seven pages with a code each: a challenge fails at its fifth wrong code, and 7 x 5 is more than the address's 30.
        List<String> orphans = pagesOfAnAppThenRemoved(7, true);
        String real = page(server, app, "login", "\"user\":\"owner\",\"email\":\"owner@example.com\"", "tok_owner_device_1");
        PageClient browser = new PageClient();
        browser.get(real);
        assertThat(browser.post(real + "/send", Map.of("channel", "email")).statusCode()).isEqualTo(200);
        for (String orphan : orphans) {
            for (int i = 0; i < 5; i++) {
                assertThat(browser.post(orphan + "/verify", Map.of("code", "00000" + i)).statusCode()).as(orphan + " check " + (i + 1)).isEqualTo(404);
            }
        }
        assertThat(browser.post(real + "/verify", Map.of("code", "999999")).statusCode()).as("a wrong code, judged: the address's limit is untouched")
                .isEqualTo(422);
    }

    /**
     * {@code count} challenge pages of another app (each with a code sent when {@code codeSent}), then that
     * app removed from the store and the server started again: their addresses on the new server.
     */
    private List<String> pagesOfAnAppThenRemoved(int count, boolean codeSent) throws Exception {
        TestApp gone = server.createApp("gone");
        assertThat(server.post("/v3/policies", VERIFY_SIGNUPS, gone.bearer()).status()).isEqualTo(201);
        List<String> paths = new ArrayList<>();
        for (int account = 0; account < count; account++) {
            String page = page(server, gone, "login", "\"user\":\"someone" + account + "\",\"email\":\"someone" + account + "@example.com\"",
                    "tok_orphan_device_" + account);
            if (codeSent) {
                assertThat(sendFromANewBrowser(page, "email")).isEqualTo(200);
            }
            paths.add(URI.create(page).getPath());
        }
        server.close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("seatguard.db"));
                PreparedStatement delete = connection.prepareStatement("DELETE FROM apps WHERE id = ?")) {
            delete.setString(1, gone.id());
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
        server = TestServer.startWith(TestServer.config(dataDir).build());
        return paths.stream().map(path -> server.url() + path).toList();
    }

    /** Review finding F: a send the provider refused still spent the limits, so an outage locked the owner out for an hour. */
    @Test
    void sendsThatDidNotGoOutSpendNoLimit() throws Exception {
        AtomicBoolean providerUp = new AtomicBoolean(false);
        HttpServer provider = smsProvider(providerUp, new java.util.concurrent.atomic.AtomicInteger());
        ChallengeSettings sms = smsSettings(provider);
        try (TestServer smsServer = TestServer.startWith(TestServer.config(dataDir.resolve("sms")).challenges(sms).build())) {
            TestApp smsApp = smsServer.defaultApp();
            assertThat(smsServer.post("/v3/policies", VERIFY_SIGNUPS, smsApp.bearer()).status()).isEqualTo(201);
            String page = page(smsServer, smsApp, "login", "\"user\":\"owner\",\"phone\":\"+33612345678\"", "tok_owner_device_1");
            PageClient browser = new PageClient();
            browser.get(page);
            // More failed sends than the account's and the number's limits (10 each) allow sends.
            for (int i = 0; i < 12; i++) {
                assertThat(browser.post(page + "/send", Map.of("channel", "sms")).statusCode()).as("send " + (i + 1) + " fails, not limited")
                        .isEqualTo(503);
            }
            providerUp.set(true);
            assertThat(browser.post(page + "/send", Map.of("channel", "sms")).statusCode()).as("the provider is back: the owner is not locked out")
                    .isEqualTo(200);
        }
        finally {
            provider.stop(0);
        }
    }

    /**
     * Review finding: a failed send gave back every token, so one address could have the SMS provider (or
     * mail server) tried without end for a number it always refuses. The client address's token is now
     * spent on a failed try; the owner's and the number's still come back.
     */
    @Test
    void failedSendsSpendTheClientAddresssLimitOnly() throws Exception {
        AtomicBoolean providerUp = new AtomicBoolean(false);
        java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
        HttpServer provider = smsProvider(providerUp, tries);
        ChallengeSettings sms = smsSettings(provider);
        try (TestServer smsServer = TestServer.startWith(TestServer.config(dataDir.resolve("sms")).challenges(sms).build())) {
            TestApp smsApp = smsServer.defaultApp();
            assertThat(smsServer.post("/v3/policies", VERIFY_SIGNUPS, smsApp.bearer()).status()).isEqualTo(201);
            String page = page(smsServer, smsApp, "login", "\"user\":\"owner\",\"phone\":\"+33612345678\"", "tok_owner_device_1");
            PageClient pump = new PageClient(Map.of("X-Forwarded-For", "203.0.113.9"));
            pump.get(page);
            int capacity = (int) AttemptLimits.SEND_PER_IP.capacity();
            for (int i = 0; i < capacity; i++) {
                assertThat(pump.post(page + "/send", Map.of("channel", "sms")).statusCode()).as("send " + (i + 1) + " is tried and fails").isEqualTo(503);
            }
            assertThat(pump.post(page + "/send", Map.of("channel", "sms")).statusCode()).as("the address has spent its tries").isEqualTo(429);
            assertThat(tries.get()).as("the provider was tried once per allowed send, no more").isEqualTo(capacity);

            providerUp.set(true);
            PageClient owner = new PageClient(Map.of("X-Forwarded-For", "198.51.100.20"));
            owner.get(page);
            assertThat(owner.post(page + "/send", Map.of("channel", "sms")).statusCode())
                    .as("the account's and the number's limits (10 each) were given back: the owner is not locked out").isEqualTo(200);
        }
        finally {
            provider.stop(0);
        }
    }

    /** An SMS provider on loopback that counts its requests and answers 202 while {@code up}, else 500. */
    static HttpServer smsProvider(AtomicBoolean up, java.util.concurrent.atomic.AtomicInteger tries) throws java.io.IOException {
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/sms", exchange -> {
            exchange.getRequestBody().readAllBytes();
            tries.incrementAndGet();
            exchange.sendResponseHeaders(up.get() ? 202 : 500, -1);
            exchange.close();
        });
        provider.start();
        return provider;
    }

    /** Development settings with {@code provider} as the SMS endpoint. */
    static ChallengeSettings smsSettings(HttpServer provider) {
        return new ChallengeSettings(Optional.empty(), "Seatguard <no-reply@seatguard.invalid>",
                Optional.of(URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/sms")), Optional.empty(), true,
                ChallengeSettings.DEVELOPMENT.rules(), Optional.empty());
    }
}
