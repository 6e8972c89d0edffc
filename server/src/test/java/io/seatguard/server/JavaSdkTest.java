package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.sdk.AccountSummary;
import io.seatguard.sdk.AlreadyConsumedException;
import io.seatguard.sdk.ConflictException;
import io.seatguard.sdk.NamedList;
import io.seatguard.sdk.EvaluateRequest;
import io.seatguard.sdk.EvaluateResult;
import io.seatguard.sdk.Evaluation;
import io.seatguard.sdk.HistoryPage;
import io.seatguard.sdk.InvalidRequestException;
import io.seatguard.sdk.NotFoundException;
import io.seatguard.sdk.Pattern;
import io.seatguard.sdk.PatternList;
import io.seatguard.sdk.SeatguardClient;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.core.pattern.PatternThresholds;
import io.seatguard.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java server SDK against a real server: seed 003's backend checks, devices, history, patterns. */
class JavaSdkTest {
    @TempDir
    Path dataDir;

    @Test
    void aBackendChecksAndConsumesAnEvaluationOnceAndManagesDevices() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            SeatguardClient seatguard = SeatguardClient.builder(server.url(), app.secretKey()).build();
            Response evaluated = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"sam\",\"ip\":\"198.51.100.3\",\"user_agent\":\""
                    + EvaluateApiTest.DESKTOP + "\",\"device\":{\"token\":\"tok_sam_laptop_000001\"}}", app.bearer());
            String id = evaluated.json().get("evaluation_id").asText();

            Evaluation read = seatguard.getEvaluation(id);
            assertThat(read.action()).isEqualTo("login");
            assertThat(read.userId()).contains("sam");
            assertThat(read.consumed()).isFalse();
            Evaluation consumed = seatguard.consumeEvaluation(id);
            assertThat(consumed.consumed()).isTrue();
            assertThatThrownBy(() -> seatguard.consumeEvaluation(id)).isInstanceOf(AlreadyConsumedException.class);
            assertThatThrownBy(() -> SeatguardClient.builder(server.url(), server.createApp("other").secretKey()).build().getEvaluation(id))
                    .isInstanceOf(NotFoundException.class);

            assertThat(seatguard.listDevices("sam")).singleElement().satisfies(device -> {
                assertThat(device.type()).isEqualTo("computer");
                assertThat(device.status()).isEqualTo("attached");
            });
            String device = seatguard.listDevices("sam").get(0).id();
            seatguard.logOutDevice("sam", device);
            assertThat(seatguard.listDevices("sam").get(0).status()).isEqualTo("detached");

            HistoryPage page = seatguard.history("sam", 10, Optional.empty());
            assertThat(page.rows()).hasSize(1);
            assertThat(page.nextCursor()).isEmpty();
            assertThat(seatguard.historyOfDevice(device, 10, Optional.empty()).rows()).hasSize(1);
            assertThat(seatguard.historyOfIp("198.51.100.3", 10, Optional.empty()).rows()).hasSize(1);
            assertThat(seatguard.patterns(Optional.empty(), Optional.empty(), 10)).isEqualTo(new PatternList(List.of(), false));
            assertThatThrownBy(() -> seatguard.getChallenge("ch_" + "a".repeat(32))).isInstanceOf(NotFoundException.class);
        }
    }

    /**
     * A login evaluated by the backend after the password checked out (the guide's way with signed
     * identity required), with the signals the page collected posted along; then the account read and erased.
     */
    @Test
    void aBackendEvaluatesInServerModeReadsTheAccountAndErasesIt() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            SeatguardClient seatguard = SeatguardClient.builder(server.url(), app.secretKey()).build();
            // What the browser SDK's collectSignals() gives, as the page posted it: duration_ms is ignored, a null token is none.
            String signals = "{\"token\":null,\"components\":{\"canvas\":\"c0ffee\",\"gpu\":\"ANGLE (Intel)\",\"cores\":8,\"touch\":false},"
                    + "\"local_ips\":[],\"timezone\":\"Europe/Paris\",\"duration_ms\":38.2}";
            EvaluateResult first = seatguard.evaluate(EvaluateRequest.of("login").user("ivy").email("ivy@example.com").ip("198.51.100.7")
                    .userAgent(EvaluateApiTest.DESKTOP).device(signals).metadata(java.util.Map.of("plan", "family")));
            assertThat(first.verdict()).isEqualTo("allow");
            assertThat(first.redirect()).isEmpty();
            assertThat(first.logout()).isFalse();
            assertThat(first.deviceId()).isNotEqualTo("00000000-0000-0000-0000-000000000000");
            assertThat(first.raw().path("ip").asText()).isEqualTo("198.51.100.7");

            Evaluation read = seatguard.getEvaluation(first.evaluationId());
            assertThat(read.identity()).contains("server");
            assertThat(read.userId()).contains("ivy");
            assertThat(read.email()).contains("ivy@example.com");
            assertThat(read.deviceId()).isEqualTo(first.deviceId());
            assertThat(read.raw().path("device").path("type").asText()).isEqualTo("computer");
            assertThat(read.raw().path("metadata").path("plan").asText()).isEqualTo("family");

            EvaluateResult again = seatguard.evaluate(EvaluateRequest.of("login").user("ivy").ip("198.51.100.7").userAgent(EvaluateApiTest.DESKTOP).device(signals));
            assertThat(again.deviceId()).as("the same components: the same device").isEqualTo(first.deviceId());
            assertThat(seatguard.evaluate(EvaluateRequest.of("access").user("ivy")).deviceId()).as("no signals: device unknown")
                    .isEqualTo("00000000-0000-0000-0000-000000000000");
            assertThatThrownBy(() -> seatguard.evaluate(EvaluateRequest.of("login").user("ivy").email("not-an-email").ip("300.1.1.1")))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors()).extracting(error -> error.field())
                            .containsExactlyInAnyOrder("email", "ip"));
            assertThatThrownBy(() -> seatguard.evaluate(EvaluateRequest.of("login"))).as("a login names its account")
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors()).extracting(error -> error.field()).contains("user"));

            AccountSummary summary = seatguard.accountSummary("ivy");
            assertThat(summary.id()).isEqualTo("ivy");
            assertThat(summary.deviceCount()).isEqualTo(1);
            assertThat(summary.patterns()).isEmpty();
            assertThat(summary.peopleAllTime()).isEqualTo(1);
            assertThat(summary.firstSeen()).isBeforeOrEqualTo(summary.lastSeen());

            // A base URL with a path Seatguard serves nothing under: its 404 is no-route, and the erasure is not "nothing stored".
            SeatguardClient misplaced = SeatguardClient.builder(server.url() + "/seatguard", app.secretKey()).build();
            assertThatThrownBy(() -> misplaced.eraseAccount("ivy")).isInstanceOfSatisfying(NotFoundException.class,
                    e -> assertThat(e.type()).isEqualTo("https://seatguard.dev/problems/no-route"));
            assertThat(seatguard.eraseAccount("ivy")).isTrue();
            assertThat(seatguard.eraseAccount("ivy")).as("nothing left").isFalse();
            assertThatThrownBy(() -> seatguard.accountSummary("ivy")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> seatguard.getEvaluation(first.evaluationId())).isInstanceOf(NotFoundException.class);
        }
    }

    /** A backend keeps a blocklist in step with its own records; a policy denies what the list holds. */
    @Test
    void aBackendKeepsAListThatAPolicyDeniesBy() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            SeatguardClient seatguard = SeatguardClient.builder(server.url(), app.secretKey()).build();
            NamedList blocked = seatguard.createList("blocked networks", "ip", List.of("198.51.100.0/24"));
            assertThat(blocked.id()).startsWith("lst_");
            assertThat(blocked.values()).containsExactly("198.51.100.0/24");
            assertThatThrownBy(() -> seatguard.createList("blocked networks", "ip", List.of())).as("the name is taken")
                    .isInstanceOf(ConflictException.class).isNotInstanceOf(AlreadyConsumedException.class);
            assertThatThrownBy(() -> seatguard.createList("bad", "planet", List.of())).isInstanceOfSatisfying(InvalidRequestException.class,
                    e -> assertThat(e.fieldErrors()).extracting(error -> error.field()).contains("kind"));

            NamedList grown = seatguard.addToList(blocked.id(), List.of("203.0.113.7", "198.51.100.0/24"));
            assertThat(grown.values()).as("normalized: an address is its /32").containsExactlyInAnyOrder("198.51.100.0/24", "203.0.113.7/32");
            assertThat(seatguard.lists()).singleElement().satisfies(list -> {
                assertThat(list.name()).isEqualTo("blocked networks");
                assertThat(list.size()).isEqualTo(2);
            });
            assertThat(server.post("/v3/policies", "{\"name\": \"Deny blocked networks\", \"actions\": [\"login\"],"
                    + " \"conditions\": {\"check\": \"ip\", \"op\": \"in_list\", \"value\": \"blocked networks\"}, \"verdict\": \"deny\"}", app.bearer()).status())
                    .isEqualTo(201);
            assertThat(seatguard.evaluate(EvaluateRequest.of("login").user("kit").ip("203.0.113.7")).verdict()).isEqualTo("deny");
            assertThat(seatguard.removeFromList(blocked.id(), List.of("203.0.113.7")).values()).containsExactly("198.51.100.0/24");
            assertThat(seatguard.evaluate(EvaluateRequest.of("login").user("kit").ip("203.0.113.7")).verdict()).isEqualTo("allow");
            assertThat(seatguard.list(blocked.id()).size()).isEqualTo(1);

            assertThatThrownBy(() -> seatguard.deleteList(blocked.id())).as("a policy names it").isInstanceOf(ConflictException.class);
            String policy = server.get("/v3/policies", app.bearer()).json().get("data").get(0).get("id").asText();
            assertThat(server.send("DELETE", "/v3/policies/" + policy, null, app.bearer()).status()).isEqualTo(204);
            assertThat(seatguard.deleteList(blocked.id())).isTrue();
            assertThat(seatguard.deleteList(blocked.id())).isFalse();
            assertThat(seatguard.lists()).isEmpty();
        }
    }

    /** Policies kept as code: made, read, replaced and deleted from a backend's deploy step. */
    @Test
    void aBackendManagesPoliciesAsJsonDocuments() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            SeatguardClient seatguard = SeatguardClient.builder(server.url(), app.secretKey()).build();
            io.seatguard.sdk.Policy made = seatguard.createPolicy("""
                    {"name": "Deny rex", "actions": ["login"], "conditions": {"check": "user", "op": "eq", "value": "rex"}, "verdict": "deny"}""");
            assertThat(made.id()).startsWith("pol_");
            assertThat(made.actions()).containsExactly("login");
            assertThat(made.verdict()).isEqualTo("deny");
            assertThat(made.mode()).isEqualTo("enforce");
            assertThat(made.enabled()).isTrue();
            assertThat(made.refusedNow()).isEmpty();
            assertThat(seatguard.evaluate(EvaluateRequest.of("login").user("rex")).verdict()).isEqualTo("deny");
            assertThatThrownBy(() -> seatguard.createPolicy("""
                    {"name": "Broken", "actions": ["login"], "conditions": {"check": "no_such_check", "op": "eq", "value": 1}, "verdict": "deny"}"""))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors()).extracting(error -> error.field())
                            .anyMatch(field -> field.startsWith("conditions")));

            io.seatguard.sdk.Policy monitored = seatguard.replacePolicy(made.id(), """
                    {"name": "Deny rex", "mode": "monitor", "actions": ["login"], "conditions": {"check": "user", "op": "eq", "value": "rex"}, "verdict": "deny"}""");
            assertThat(monitored.mode()).isEqualTo("monitor");
            assertThat(seatguard.evaluate(EvaluateRequest.of("login").user("rex")).verdict()).as("monitored: recorded, not answered").isEqualTo("allow");
            assertThat(seatguard.policies()).extracting(io.seatguard.sdk.Policy::id).containsExactly(made.id());
            assertThat(seatguard.policy(made.id()).raw().path("conditions").path("value").asText()).isEqualTo("rex");
            assertThat(seatguard.deletePolicy(made.id())).isTrue();
            assertThat(seatguard.deletePolicy(made.id())).isFalse();
            assertThat(seatguard.policies()).isEmpty();
        }
    }

    /** A deploy step tries a policy on last week's traffic before saving it, then again once stored. */
    @Test
    void aBackendBacktestsADraftAndAStoredPolicy() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            SeatguardClient seatguard = SeatguardClient.builder(server.url(), app.secretKey()).build();
            seatguard.evaluate(EvaluateRequest.of("login").user("rex").ip("198.51.100.20"));
            seatguard.evaluate(EvaluateRequest.of("login").user("rex").ip("198.51.100.21"));
            seatguard.evaluate(EvaluateRequest.of("login").user("amy").ip("198.51.100.22"));
            String draft = """
                    {"name": "Deny rex", "actions": ["login"], "conditions": {"check": "user", "op": "eq", "value": "rex"}, "verdict": "deny"}""";
            io.seatguard.sdk.Backtest tried = seatguard.backtestDraft(draft, 7);
            assertThat(tried.policyId()).isEmpty();
            assertThat(tried.evaluated()).isEqualTo(3);
            assertThat(tried.matched()).isEqualTo(2);
            assertThat(tried.truncated()).isFalse();
            assertThat(tried.outcomes()).containsEntry("deny", 2);
            assertThat(tried.samples()).hasSize(2).allSatisfy(sample -> {
                assertThat(sample.action()).isEqualTo("login");
                assertThat(sample.recordedVerdict()).isEqualTo("allow");
                assertThat(sample.reasons().isArray()).isTrue();
            });
            assertThat(tried.to()).isAfter(tried.from());
            assertThat(seatguard.policies()).as("a backtest stores nothing").isEmpty();

            io.seatguard.sdk.Policy stored = seatguard.createPolicy(draft);
            io.seatguard.sdk.Backtest again = seatguard.backtestPolicy(stored.id(), 1);
            assertThat(again.policyId()).contains(stored.id());
            assertThat(again.matched()).isEqualTo(2);
            assertThatThrownBy(() -> seatguard.backtestPolicy(stored.id(), 0)).isInstanceOfSatisfying(InvalidRequestException.class,
                    e -> assertThat(e.fieldErrors()).extracting(error -> error.field()).containsExactly("days"));
            assertThatThrownBy(() -> seatguard.backtestDraft("{\"name\": \"no verdict\"}", 7)).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> seatguard.backtestPolicy("pol_nope", 7)).isInstanceOf(NotFoundException.class);
        }
    }

    /** Webhooks set up from code: an endpoint added, its deliveries read and verified, a message sent again, the secret rotated. */
    @Test
    void aBackendManagesItsWebhookEndpointAndReadsTheirDeliveries() throws Exception {
        try (io.seatguard.server.webhook.Receiver receiver = new io.seatguard.server.webhook.Receiver(1);
                TestServer server = TestServer.startWith(TestServer.config(dataDir).webhookAllowPrivate(true).build())) {
            TestApp app = server.defaultApp();
            SeatguardClient seatguard = SeatguardClient.builder(server.url(), app.secretKey()).build();
            assertThatThrownBy(() -> seatguard.createWebhookEndpoint("ftp://example.com/hook", List.of("evaluation.created")))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors()).extracting(error -> error.field()).contains("url"));
            assertThatThrownBy(() -> seatguard.createWebhookEndpoint(receiver.url(), List.of("no.such.event")))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors()).extracting(error -> error.field()).contains("events[0]"));

            io.seatguard.sdk.WebhookEndpoint endpoint = seatguard.createWebhookEndpoint(receiver.url(), List.of("evaluation.created"));
            assertThat(endpoint.id()).startsWith("wh_");
            assertThat(endpoint.events()).containsExactly("evaluation.created");
            String secret = endpoint.secret().orElseThrow();
            assertThat(secret).startsWith("whsec_");
            assertThat(seatguard.webhookEndpoints()).singleElement().satisfies(listed -> {
                assertThat(listed.id()).isEqualTo(endpoint.id());
                assertThat(listed.secret()).as("shown once").isEmpty();
            });
            assertThat(seatguard.webhookEndpoint(endpoint.id()).url()).isEqualTo(receiver.url());

            seatguard.evaluate(EvaluateRequest.of("login").user("ida").ip("198.51.100.30"));
            // The receiver fails the first try (500); the retry a moment later is answered 204.
            List<io.seatguard.server.webhook.Receiver.Received> received = receiver.await(2, java.time.Duration.ofSeconds(30));
            io.seatguard.server.webhook.Receiver.Received delivered = received.get(1);
            assertThat(io.seatguard.sdk.Webhooks.verify(java.util.Map.of("webhook-id", delivered.id(), "webhook-timestamp", delivered.timestamp(),
                    "webhook-signature", delivered.signature()), delivered.body(), secret).path("type").asText()).isEqualTo("evaluation.created");

            io.seatguard.sdk.WebhookDelivery listed = awaitDelivered(seatguard, endpoint.id());
            assertThat(listed.messageId()).isEqualTo(delivered.id());
            assertThat(listed.eventType()).isEqualTo("evaluation.created");
            assertThat(listed.tries()).as("not in the list").isEmpty();
            io.seatguard.sdk.WebhookDeliveryPage deliveredPage = seatguard.webhookDeliveries(endpoint.id(), 10, Optional.of("delivered"), Optional.empty());
            assertThat(deliveredPage.deliveries()).extracting(io.seatguard.sdk.WebhookDelivery::messageId).containsExactly(delivered.id());
            assertThat(deliveredPage.nextCursor()).isEmpty();
            assertThat(seatguard.webhookDeliveries(endpoint.id(), 10, Optional.of("failed"), Optional.empty()).deliveries()).isEmpty();
            assertThatThrownBy(() -> seatguard.webhookDeliveries(endpoint.id(), 10, Optional.of("lost"), Optional.empty()))
                    .isInstanceOf(io.seatguard.sdk.InvalidRequestException.class);
            io.seatguard.sdk.WebhookDelivery detail = seatguard.webhookDelivery(endpoint.id(), listed.messageId());
            assertThat(detail.attempts()).isEqualTo(2);
            assertThat(detail.lastStatusCode()).hasValue(204);
            assertThat(detail.tries()).extracting(io.seatguard.sdk.WebhookDelivery.Try::statusCode)
                    .containsExactly(java.util.OptionalInt.of(204), java.util.OptionalInt.of(500));

            seatguard.redeliverWebhook(endpoint.id(), listed.messageId());
            assertThat(receiver.await(3, java.time.Duration.ofSeconds(30)).get(2).id()).as("the same message again").isEqualTo(delivered.id());
            assertThatThrownBy(() -> seatguard.redeliverWebhook(endpoint.id(), "msg_nope")).isInstanceOf(NotFoundException.class);

            io.seatguard.sdk.WebhookEndpoint rotated = seatguard.rotateWebhookSecret(endpoint.id());
            assertThat(rotated.secret()).isPresent().get().isNotEqualTo(secret);
            assertThat(rotated.previousSecretExpiresAt()).hasValueSatisfying(until -> assertThat(until).isAfter(java.time.Instant.now()));
            io.seatguard.sdk.WebhookEndpoint hour = seatguard.rotateWebhookSecret(endpoint.id(), java.time.Duration.ofHours(1));
            assertThat(hour.previousSecretExpiresAt()).hasValueSatisfying(until -> assertThat(until).isBefore(java.time.Instant.now().plusSeconds(3601)));
            assertThat(seatguard.rotateWebhookSecret(endpoint.id(), java.time.Duration.ZERO).previousSecretExpiresAt()).as("stopped at once").isEmpty();
            assertThatThrownBy(() -> seatguard.rotateWebhookSecret(endpoint.id(), java.time.Duration.ofDays(8)))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors()).extracting(error -> error.field())
                            .containsExactly("previous_secret_valid_for"));

            assertThat(seatguard.webhookEndpoint(endpoint.id()).enabled()).isTrue();
            io.seatguard.sdk.WebhookEndpoint disabled = seatguard.setWebhookEnabled(endpoint.id(), false);
            assertThat(disabled.enabled()).isFalse();
            assertThat(disabled.disabledReason()).contains("manual");
            assertThat(disabled.disabledAt()).isPresent();
            assertThatThrownBy(() -> seatguard.redeliverWebhook(endpoint.id(), listed.messageId()))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).endsWith("endpoint-disabled"));
            io.seatguard.sdk.WebhookEndpoint enabled = seatguard.setWebhookEnabled(endpoint.id(), true);
            assertThat(enabled.enabled()).isTrue();
            assertThat(enabled.disabledReason()).isEmpty();
            assertThatThrownBy(() -> seatguard.setWebhookEnabled("wh_nope", false)).isInstanceOf(NotFoundException.class);

            assertThat(seatguard.deleteWebhookEndpoint(endpoint.id())).isTrue();
            assertThat(seatguard.deleteWebhookEndpoint(endpoint.id())).isFalse();
            assertThat(seatguard.webhookEndpoints()).isEmpty();
            assertThatThrownBy(() -> seatguard.webhookDeliveries(endpoint.id(), 10)).isInstanceOf(NotFoundException.class);
        }
    }

    /** The delivery log records the outcome just after the receiver answers: wait for it. */
    private static io.seatguard.sdk.WebhookDelivery awaitDelivered(SeatguardClient seatguard, String endpointId) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (true) {
            List<io.seatguard.sdk.WebhookDelivery> deliveries = seatguard.webhookDeliveries(endpointId, 10);
            if (deliveries.size() == 1 && deliveries.get(0).status().equals("delivered") || System.nanoTime() > deadline) {
                assertThat(deliveries).singleElement().extracting(io.seatguard.sdk.WebhookDelivery::status).isEqualTo("delivered");
                return deliveries.get(0);
            }
            Thread.sleep(50);
        }
    }

    private static void evaluate(TestServer server, TestApp app, String user, String token) {
        Response evaluated = server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"" + user + "\",\"ip\":\"198.51.100.3\",\"user_agent\":\""
                + EvaluateApiTest.DESKTOP + "\",\"device\":{\"token\":\"" + token + "\"}}", app.bearer());
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
    }

    /**
     * Regression: {@code logOutDevice("mia", "..")} sent {@code DELETE /v3/users/mia/devices/..}, which a
     * path-normalising proxy turns into {@code DELETE /v3/users/mia}: erasing the account. The dot segments
     * of RFC 3986 ({@code .} and {@code ..}) are refused before any request; any other id with dots is an id.
     */
    @Test
    void dotSegmentIdsAreRefusedAndDottedIdsStillWork() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            evaluate(server, app, "mia", "tok_mia_laptop_000001");
            evaluate(server, app, "a.b", "tok_ab_laptop_0000001");
            SeatguardClient seatguard = SeatguardClient.builder(server.url(), app.secretKey()).build();

            for (String dots : new String[] {".", ".."}) {
                assertThatThrownBy(() -> seatguard.logOutDevice("mia", dots)).as(dots).isInstanceOfSatisfying(io.seatguard.sdk.InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("device_id")));
                // As the server refuses such an account id (400 naming user), before anything is sent.
                assertThatThrownBy(() -> seatguard.listDevices(dots)).as(dots).isInstanceOf(io.seatguard.sdk.InvalidRequestException.class);
                assertThatThrownBy(() -> seatguard.history(dots, 10, Optional.empty())).as(dots).isInstanceOf(io.seatguard.sdk.InvalidRequestException.class);
                // As the server answers an evaluation id it never gave.
                assertThatThrownBy(() -> seatguard.getEvaluation(dots)).as(dots).isInstanceOf(io.seatguard.sdk.NotFoundException.class);
            }
            assertThatThrownBy(() -> seatguard.logOutDevice("mia", "...")).as("not a dot segment: sent, and refused by the server as no device id")
                    .isInstanceOfSatisfying(io.seatguard.sdk.InvalidRequestException.class,
                            e -> assertThat(e.fieldErrors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("device_id")));
            assertThat(seatguard.listDevices("mia")).singleElement().satisfies(device -> assertThat(device.status()).isEqualTo("attached"));
            assertThat(seatguard.history("mia", 10, Optional.empty()).rows()).as("the account is still there").hasSize(1);

            String device = seatguard.listDevices("a.b").get(0).id();
            seatguard.logOutDevice("a.b", device);
            assertThat(seatguard.listDevices("a.b").get(0).status()).isEqualTo("detached");
            assertThat(seatguard.history("a.b", 10, Optional.empty()).rows()).hasSize(1);
        }
    }

    /**
     * Regression: half a UTF-16 surrogate pair in an account id became {@code ?} on its way out of the SDK (in
     * the path and in a body alike), so an evaluation naming "a" and a lone U+D800 was recorded for the account
     * {@code a?}, and {@code eraseAccount} erased that account. Evaluate refuses such an id naming {@code user};
     * so does every account call of the SDK now, before sending, and another account is never touched.
     */
    @Test
    void halfASurrogatePairInAnAccountIdNeverReachesAnotherAccount() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            evaluate(server, app, "a?", "tok_aq_laptop_0000001");
            SeatguardClient seatguard = SeatguardClient.builder(server.url(), app.secretKey()).build();
            String lone = "a\uD800";

            assertThatThrownBy(() -> seatguard.evaluate(EvaluateRequest.of("login").user(lone).ip("198.51.100.3")))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.status()).as("the server's answer").isEqualTo(400);
                        assertThat(e.fieldErrors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("user"));
                    });
            assertThatThrownBy(() -> seatguard.eraseAccount(lone)).isInstanceOfSatisfying(InvalidRequestException.class,
                    e -> assertThat(e.fieldErrors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("user")));
            assertThatThrownBy(() -> seatguard.accountSummary(lone)).isInstanceOf(InvalidRequestException.class);
            assertThat(seatguard.history("a?", 10, Optional.empty()).rows()).as("a? was neither evaluated again nor erased").hasSize(1);
        }
    }

    /**
     * An account id is the app's own, whatever it holds: slashes, spaces, a plus, a percent sign, a question
     * mark, a hash, a backslash, a semicolon, an encoded dot segment, a tab, Unicode. Each goes into the path
     * as one percent-encoded segment, and every
     * {@code /v3/users/{user}} route finds the account evaluate stored under it.
     */
    @Test
    void anAccountIdWithSlashesSpacesAndUnicodeIsOnePathSegment() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            SeatguardClient seatguard = SeatguardClient.builder(server.url(), app.secretKey()).build();
            for (String user : new String[] {"team/a b", "a+b%20c?d#e", "zoë 😀/../x", "acme:1/users/2/devices", "back\\slash;x=1", "%2e%2e", "\u00a0tab\there"}) {
                EvaluateResult evaluated = seatguard.evaluate(EvaluateRequest.of("login").user(user).ip("198.51.100.40").userAgent(EvaluateApiTest.DESKTOP)
                        .device("{\"token\":\"tok_" + Integer.toHexString(user.hashCode()) + "_laptop_01\"}"));
                assertThat(seatguard.accountSummary(user).id()).as(user).isEqualTo(user);
                assertThat(seatguard.listDevices(user)).as(user).singleElement().satisfies(device -> assertThat(device.id()).isEqualTo(evaluated.deviceId()));
                assertThat(seatguard.history(user, 10, Optional.empty()).rows()).as(user).hasSize(1);
                seatguard.logOutDevice(user, evaluated.deviceId());
                assertThat(seatguard.listDevices(user).get(0).status()).as(user).isEqualTo("detached");
                assertThat(seatguard.eraseAccount(user)).as(user).isTrue();
                assertThatThrownBy(() -> seatguard.listDevices(user)).as(user).isInstanceOf(NotFoundException.class);
            }
        }
    }

    /** A key that is no app's: the exception names the header and why, as the server's 401 does. */
    @Test
    void aWrongSecretKeyIsAnAuthenticationExceptionNamingTheHeader() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            SeatguardClient wrong = SeatguardClient.builder(server.url(), "sk_not_an_app_key_0123456789").build();
            assertThatThrownBy(() -> wrong.listDevices("mia")).isInstanceOfSatisfying(io.seatguard.sdk.AuthenticationException.class, e -> {
                assertThat(e.fieldErrors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("Authorization");
                    assertThat(error.message()).isEqualTo("is not a secret key of any app");
                });
                assertThat(e.requestId()).matches("[0-9a-f]{32}");
                assertThat(e.getMessage()).doesNotContain("sk_not_an_app_key");
            });
        }
    }

    /** Regression: {@code patterns()} listed at most the server's default 1,000 accounts and never said the list was cut. */
    @Test
    void patternsTakeALimitAndSayWhenTheListWasCut() {
        ServerConfig config = TestServer.config(dataDir).patternThresholds(PatternThresholds.parse("many_devices=2:3")).build();
        try (TestServer server = TestServer.startWith(config)) {
            TestApp app = server.defaultApp();
            for (String user : new String[] {"nia", "ola", "pia"}) {
                evaluate(server, app, user, "tok_" + user + "_device_00001");
                evaluate(server, app, user, "tok_" + user + "_device_00002");
            }
            SeatguardClient seatguard = SeatguardClient.builder(server.url(), app.secretKey()).build();

            PatternList cut = seatguard.patterns(Optional.empty(), Optional.empty(), 2);
            assertThat(cut.truncated()).isTrue();
            assertThat(cut.accounts()).hasSize(2).allSatisfy(account -> assertThat(account.pattern()).isEqualTo("many_devices"));
            PatternList whole = seatguard.patterns(Optional.of("many_devices"), Optional.of("suspicious"), 3);
            assertThat(whole.truncated()).isFalse();
            assertThat(whole.accounts()).extracting(Pattern::user).containsExactlyInAnyOrder("nia", "ola", "pia");
            assertThat(seatguard.patterns(Optional.empty(), Optional.of("dangerous"), 1)).isEqualTo(new PatternList(List.of(), false));
            assertThatThrownBy(() -> seatguard.patterns(Optional.empty(), Optional.empty(), 10_001))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.fieldErrors()).extracting(error -> error.field()).containsExactly("limit");
                        // The id Seatguard gave the request, for a support ticket: in the exception and its message.
                        assertThat(e.requestId()).matches("[0-9a-f]{32}");
                        assertThat(e.getMessage()).endsWith(" [request " + e.requestId() + "]");
                    });
        }
    }
}
