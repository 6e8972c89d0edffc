package io.seatguard.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.ServerProcess;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.config.ServerConfig;
import io.seatguard.server.http.Json;
import io.seatguard.storage.PostgresTestDatabase;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks to a real HTTP receiver: signed (Standard Webhooks), retried with the same id after a
 * failure, redelivered on request, rotated with overlap, never lost to a kill between commit and
 * delivery, never sent twice by two nodes, and refused for private targets unless allowed.
 */
class WebhooksTest {
    @TempDir
    Path dataDir;

    private static final String DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    private static Response createEndpoint(TestServer server, TestApp app, String url, String... events) {
        return server.post("/v3/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"" + String.join("\",\"", events) + "\"]}", app.bearer());
    }

    private static String evaluate(String baseUrl, TestApp app, String user, String token) {
        Response response = TestServer.send(baseUrl, "POST", "/v3/evaluate", "{\"action\":\"login\",\"user\":\"" + user + "\",\"ip\":\"198.51.100.7\","
                + "\"user_agent\":\"" + DESKTOP + "\",\"device\":{\"token\":\"" + token + "\"}}",
                Map.of("Authorization", "Bearer " + app.secretKey(), "Content-Type", "application/json"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("evaluation_id").asText();
    }

    /** What a receiver does, with the Java SDK: verify the request against one secret. */
    private static boolean signedWith(Receiver.Received received, String secret) {
        Map<String, String> headers = Map.of("webhook-id", received.id(), "webhook-timestamp", received.timestamp(), "webhook-signature", received.signature());
        try {
            io.seatguard.sdk.Webhooks.verify(headers, received.body(), List.of(secret), java.time.Instant.now());
            return true;
        }
        catch (io.seatguard.sdk.WebhookVerificationException e) {
            return false;
        }
    }

    @Test
    void eventsArriveSignedAreRetriedWithTheSameIdAndCanBeRedelivered() throws Exception {
        try (Receiver receiver = new Receiver(1);
                TestServer server = TestServer.startWith(TestServer.config(dataDir).webhookAllowPrivate(true).build())) {
            TestApp app = server.defaultApp();
            Response created = createEndpoint(server, app, receiver.url(), "evaluation.created", "device.attached");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String secret = created.json().get("secret").asText();
            assertThat(secret).startsWith("whsec_");
            String endpoint = created.json().get("id").asText();
            JsonNode read = server.get("/v3/webhooks/" + endpoint, app.bearer()).json();
            assertThat(read.has("secret")).as("shown once").isFalse();
            assertThat(read.get("created_at").asText()).as("found in review: the create answered nanoseconds, a GET milliseconds")
                    .isEqualTo(created.json().get("created_at").asText());

            String evaluationId = evaluate(server.url(), app, "ana", "tok_ana_laptop_000001");
            // Two events (created, attached); the first try of the first one fails with 500 and is retried 5 s later.
            List<Receiver.Received> received = receiver.await(3, Duration.ofSeconds(20));
            assertThat(received).allSatisfy(request -> assertThat(signedWith(request, secret)).as(request.signature()).isTrue());
            assertThat(received).as("a charset, so a servlet's getReader() decodes non-ASCII text as signed")
                    .allSatisfy(request -> assertThat(request.contentType()).isEqualTo("application/json; charset=utf-8"));
            // Found in review: plain-http deliveries offered "Upgrade: h2c", which some receivers and proxies refuse or mishandle.
            assertThat(received).as("plain HTTP/1.1, no h2c upgrade offered").allSatisfy(request -> assertThat(request.upgrade()).isNull());
            Set<String> types = new HashSet<>();
            for (Receiver.Received request : received) {
                JsonNode body = Json.MAPPER.readTree(request.body());
                types.add(body.get("type").asText());
                if (body.get("type").asText().equals("evaluation.created")) {
                    assertThat(body.get("data").get("evaluation_id").asText()).isEqualTo(evaluationId);
                }
            }
            assertThat(types).containsExactlyInAnyOrder("evaluation.created", "device.attached");
            String retriedId = received.get(0).id();
            assertThat(received.stream().filter(request -> request.id().equals(retriedId))).as("the retry keeps its webhook-id").hasSize(2);

            // The receiver has answered the retry, but the worker records the outcome just after: wait for it.
            JsonNode log = deliveriesOnceSettled(server, app, endpoint, retriedId);
            assertThat(log).hasSize(2);
            JsonNode retried = delivery(log, retriedId);
            assertThat(retried.get("status").asText()).isEqualTo("delivered");
            assertThat(retried.get("attempts").asInt()).isEqualTo(2);
            assertThat(retried.get("last_status_code").asInt()).isEqualTo(204);

            // Rotation: the next message is signed with both secrets for a while.
            JsonNode rotated = server.post("/v3/webhooks/" + endpoint + "/rotate-secret", null, app.bearer()).json();
            String newSecret = rotated.get("secret").asText();
            assertThat(newSecret).isNotEqualTo(secret);
            assertThat(server.post("/v3/webhooks/" + endpoint + "/deliveries/" + retriedId + "/redeliver", null, app.bearer()).status()).isEqualTo(202);
            Receiver.Received again = receiver.await(4, Duration.ofSeconds(10)).get(3);
            assertThat(again.id()).isEqualTo(retriedId);
            assertThat(signedWith(again, newSecret)).isTrue();
            assertThat(signedWith(again, secret)).as("the old secret still signs during the overlap").isTrue();
            deliveriesOnceSettled(server, app, endpoint, retriedId);

            // A second rotation within the day: receivers may still hold either earlier secret.
            String newest = server.post("/v3/webhooks/" + endpoint + "/rotate-secret", null, app.bearer()).json().get("secret").asText();
            assertThat(server.post("/v3/webhooks/" + endpoint + "/deliveries/" + retriedId + "/redeliver", null, app.bearer()).status()).isEqualTo(202);
            Receiver.Received third = receiver.await(5, Duration.ofSeconds(10)).get(4);
            assertThat(List.of(newest, newSecret, secret)).allSatisfy(key -> assertThat(signedWith(third, key)).as(key).isTrue());

            // Every try is in the delivery's log, numbered on across both redeliveries.
            deliveriesOnceSettled(server, app, endpoint, retriedId);
            Response detail = server.get("/v3/webhooks/" + endpoint + "/deliveries/" + retriedId, app.bearer());
            assertThat(detail.status()).as(detail.body()).isEqualTo(200);
            assertThat(detail.json().get("status").asText()).isEqualTo("delivered");
            assertThat(detail.json().get("attempts").asInt()).as("since the last redelivery").isEqualTo(1);
            JsonNode tries = detail.json().get("tries");
            assertThat(tries).extracting(one -> one.get("attempt").asInt()).containsExactly(4, 3, 2, 1);
            assertThat(tries).extracting(one -> one.get("status_code").asInt()).containsExactly(204, 204, 204, 500);
            assertThat(tries.get(3).get("error").asText()).isEqualTo("the receiver answered 500");
            assertThat(tries.get(0).get("error").isNull()).isTrue();
            assertThat(tries).allSatisfy(one -> assertThat(one.get("duration_ms").asLong()).isNotNegative());
            assertThat(server.get("/v3/webhooks/" + endpoint + "/deliveries/msg_nope", app.bearer()).status()).isEqualTo(404);

            TestApp other = server.createApp("other");
            assertThat(server.get("/v3/webhooks/" + endpoint, other.bearer()).status()).isEqualTo(404);
            assertThat(server.get("/v3/webhooks/" + endpoint + "/deliveries/" + retriedId, other.bearer()).status()).as("another app's").isEqualTo(404);
            assertThat(server.send("DELETE", "/v3/webhooks/" + endpoint, null, app.bearer()).status()).isEqualTo(204);
            assertThat(server.get("/v3/webhooks", app.bearer()).json().get("data")).isEmpty();
        }
    }

    @Test
    void aReceiverThatStallsItsAnswerHoldsUpNoOtherAppsDeliveries() throws Exception {
        try (StallingReceiver staller = new StallingReceiver(); Receiver receiver = new Receiver(0);
                TestServer server = TestServer.startWith(TestServer.config(dataDir).webhookAllowPrivate(true).build())) {
            TestApp stalled = server.defaultApp();
            TestApp other = server.createApp("other");
            String stalledEndpoint = createEndpoint(server, stalled, staller.url(), "evaluation.created").json().get("id").asText();
            assertThat(createEndpoint(server, other, receiver.url(), "evaluation.created").status()).isEqualTo(201);

            evaluate(server.url(), stalled, "sam", "tok_sam_laptop_000001");
            assertThat(staller.requested.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the stalling receiver got its request").isTrue();
            // A later round must still run: the stalled answer's body is never waited for.
            String otherId = evaluate(server.url(), other, "oli", "tok_oli_laptop_000001");
            List<Receiver.Received> received = receiver.await(1, Duration.ofSeconds(15));
            assertThat(Json.MAPPER.readTree(received.get(0).body()).get("data").get("evaluation_id").asText()).isEqualTo(otherId);
            JsonNode stalledLog = server.get("/v3/webhooks/" + stalledEndpoint + "/deliveries", stalled.bearer()).json().get("data");
            assertThat(stalledLog.get(0).get("status").asText()).as("its status line said 200").isEqualTo("delivered");
        }
    }

    @Test
    void privateTargetsAreRefusedUnlessAllowedAndBadInputIsNamed() {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).build())) {
            TestApp app = server.defaultApp();
            // Review finding: documentation addresses (and the rest IANA marks not globally reachable) were public.
            for (String url : List.of("http://127.0.0.1:9/hook", "http://localhost/hook", "http://10.1.2.3/hook", "http://[::1]/hook",
                    "http://169.254.169.254/latest/meta-data", "http://192.0.2.45/", "http://198.51.100.7/hook", "https://203.0.113.10/hook",
                    "http://[2001:db8::1]/", "http://[3fff::1]/hook", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook")) {
                Response refused = createEndpoint(server, app, url, "evaluation.created");
                assertThat(refused.status()).as(url).isEqualTo(400);
                assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("url");
                assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("--webhook-allow-private");
            }
            Response bad = server.post("/v3/webhooks", "{\"url\":\"ftp://example.com/x\",\"events\":[\"evaluation.created\",\"nope\"],\"extra\":1}", app.bearer());
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("url", "events[1]", "extra");
            assertThat(createEndpoint(server, app, "http://127.0.0.1:9/hook").status()).as("no events").isEqualTo(400);
            Response typed = server.post("/v3/webhooks", "{\"url\":5,\"events\":[]}", app.bearer());
            assertThat(typed.json().get("errors").findValuesAsText("message")).as("one fault per field")
                    .containsExactlyInAnyOrder("must be a string", "must be a non-empty array of event types");
            Response empty = server.post("/v3/webhooks", "{}", app.bearer());
            assertThat(empty.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("url", "events");
            // Neither field is nullable: null is a wrong type, as it is in a policy or a list.
            Response nulls = server.post("/v3/webhooks", "{\"url\":null,\"events\":null}", app.bearer());
            assertThat(nulls.status()).isEqualTo(400);
            assertThat(nulls.json().get("errors").findValuesAsText("message"))
                    .containsExactlyInAnyOrder("must be a string", "must be a non-empty array of event types");

            // A public literal address needs no lookup; its log and redelivery refuse bad input too.
            Response created = createEndpoint(server, app, "http://" + TestServer.UNROUTED_PUBLIC_HOST + "/hook", "evaluation.created");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String endpoint = created.json().get("id").asText();
            Response badLimit = server.get("/v3/webhooks/" + endpoint + "/deliveries?limit=0", app.bearer());
            assertThat(badLimit.status()).isEqualTo(400);
            assertThat(badLimit.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
            for (String query : List.of("status=lost", "status=FAILED", "status=", "cursor=nope", "cursor=", "cursor=MTc2MjAwMDAwMDAwMDpldl8x",
                    "status=failed&cursor=" + "x".repeat(200))) {
                Response refused = server.get("/v3/webhooks/" + endpoint + "/deliveries?" + query, app.bearer());
                assertThat(refused.status()).as(query).isEqualTo(400);
                assertThat(refused.json().get("errors").get(0).get("field").asText()).as(query).isEqualTo(query.substring(0, query.indexOf('=')).equals("status")
                        && !query.contains("cursor") ? "status" : "cursor");
            }
            // A well-formed cursor of a time before anything was sent: an empty last page, not an error.
            Response beforeAll = server.get("/v3/webhooks/" + endpoint + "/deliveries?status=failed&cursor="
                    + new io.seatguard.core.webhook.DeliveryCursor(java.time.Instant.EPOCH, "msg_" + "0".repeat(24)).encode(app.id(), endpoint), app.bearer());
            assertThat(beforeAll.status()).as(beforeAll.body()).isEqualTo(200);
            assertThat(beforeAll.json().get("data")).isEmpty();
            assertThat(beforeAll.json().get("next_cursor").isNull()).isTrue();
            assertThat(server.post("/v3/webhooks/" + endpoint + "/deliveries/msg_nope/redeliver", null, app.bearer()).status()).isEqualTo(404);
            assertThat(server.post("/v3/webhooks/wh_nope/rotate-secret", null, app.bearer()).status()).isEqualTo(404);
            assertThat(server.post("/v3/webhooks", "[1]", app.bearer()).status()).isEqualTo(400);
        }
    }

    /**
     * Review finding: the log showed the latest 1,000 deliveries and no more. It is read a page at a time
     * after next_cursor, and by status (the storage contract covers failed ones behind many others).
     */
    @Test
    void theDeliveryLogIsReadInPagesAndByStatus() throws Exception {
        try (Receiver receiver = new Receiver(0);
                TestServer server = TestServer.startWith(TestServer.config(dataDir).webhookAllowPrivate(true).build())) {
            TestApp app = server.defaultApp();
            String endpoint = createEndpoint(server, app, receiver.url(), "evaluation.created").json().get("id").asText();
            for (String user : List.of("ann", "ben", "cy")) {
                evaluate(server.url(), app, user, "tok_" + user + "_laptop_000001");
            }
            receiver.await(3, Duration.ofSeconds(20));
            String delivered = "/v3/webhooks/" + endpoint + "/deliveries?status=delivered&limit=2";
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            // The worker records each outcome just after the receiver answers: wait until all three are.
            while (server.get("/v3/webhooks/" + endpoint + "/deliveries?status=delivered", app.bearer()).json().get("data").size() < 3) {
                assertThat(System.nanoTime()).as("three recorded as delivered").isLessThan(deadline);
                Thread.sleep(50);
            }
            JsonNode first = server.get(delivered, app.bearer()).json();
            assertThat(first.get("data")).hasSize(2);
            String cursor = first.get("next_cursor").asText();
            JsonNode second = server.get(delivered + "&cursor=" + cursor, app.bearer()).json();
            assertThat(second.get("data")).hasSize(1);
            assertThat(second.get("next_cursor").isNull()).as("the last page").isTrue();
            Set<String> ids = new HashSet<>(first.get("data").findValuesAsText("message_id"));
            ids.addAll(second.get("data").findValuesAsText("message_id"));
            assertThat(ids).hasSize(3);
            assertThat(server.get("/v3/webhooks/" + endpoint + "/deliveries?status=pending", app.bearer()).json().get("data")).isEmpty();
            assertThat(server.get("/v3/webhooks/" + endpoint + "/deliveries?limit=2&cursor=" + cursor, app.bearer()).json().get("data"))
                    .as("a cursor of one filter serves the log without it").hasSize(1);
            String other = createEndpoint(server, app, receiver.url() + "/other", "evaluation.created").json().get("id").asText();
            Response elsewhere = server.get("/v3/webhooks/" + other + "/deliveries?cursor=" + cursor, app.bearer());
            assertThat(elsewhere.status()).as("another endpoint's cursor is no place in this log").isEqualTo(400);
            assertThat(elsewhere.json().get("errors").get(0).get("field").asText()).isEqualTo("cursor");
        }
    }

    /**
     * A host with non-ASCII letters is stored in the ASCII form a browser would go to, and called there:
     * full-width {@code ｌｏｃａｌｈｏｓｔ} is {@code localhost}, which this machine resolves without DNS.
     */
    @Test
    void aHostOfNonAsciiLettersIsStoredAndCalledInItsAsciiForm() throws Exception {
        try (Receiver receiver = new Receiver(0);
                TestServer server = TestServer.startWith(TestServer.config(dataDir).webhookAllowPrivate(true).build())) {
            TestApp app = server.defaultApp();
            String written = "http://\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54:" + receiver.port() + "/hook";
            Response created = createEndpoint(server, app, written, "evaluation.created");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String stored = "http://localhost:" + receiver.port() + "/hook";
            assertThat(created.json().get("url").asText()).isEqualTo(stored);
            assertThat(server.get("/v3/webhooks/" + created.json().get("id").asText(), app.bearer()).json().get("url").asText()).isEqualTo(stored);

            String evaluationId = evaluate(server.url(), app, "ines", "tok_ines_laptop_000001");
            Receiver.Received received = receiver.await(1, Duration.ofSeconds(15)).get(0);
            assertThat(Json.MAPPER.readTree(received.body()).get("data").get("evaluation_id").asText()).isEqualTo(evaluationId);

            Response refused = createEndpoint(server, app, "http://a\u200db.example/hook", "evaluation.created");
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("url");
            assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("no domain name");
        }
    }

    /** Review finding: a host was resolved (and pinned) before the endpoint limit was checked, for every call at the limit. */
    @Test
    void theEndpointLimitIsCheckedBeforeTheHostIsResolved() {
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).build())) {
            TestApp app = server.defaultApp();
            for (int i = 0; i < io.seatguard.server.http.WebhookServices.MAX_ENDPOINTS; i++) {
                // Literal public addresses: no lookup.
                assertThat(createEndpoint(server, app, "http://" + TestServer.UNROUTED_PUBLIC_HOST + "/hook" + i, "evaluation.created").status()).isEqualTo(201);
            }
            Response refused = createEndpoint(server, app, "http://limit-" + java.util.UUID.randomUUID() + ".invalid/hook", "evaluation.created");
            assertThat(refused.status()).as("the limit answers as the policy and list limits do").isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText()).endsWith("limit-reached");
            assertThat(refused.json().get("detail").asText()).as("not a lookup's answer").contains("at most 20 webhook endpoints");
        }
    }

    @Test
    void theResolverAnswersPinnedHostsWithTheCheckedAddresses() throws Exception {
        WebhookTargets targets = new WebhookTargets(true);
        assertThat(targets.checkAndPin("localhost")).isEmpty();
        assertThat(PinnedResolverProvider.active()).as("the JVM uses the pinning resolver").isTrue();
        PinnedResolverProvider.pin("rebind.test.invalid", List.of(InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, 9})));
        assertThat(InetAddress.getAllByName("rebind.test.invalid")).extracting(InetAddress::getHostAddress).containsExactly("203.0.113.9");
        assertThat(new WebhookTargets(false).checkAndPin("localhost")).hasValueSatisfying(reason -> assertThat(reason).contains("not globally reachable")
                .as("the internal address is not told").doesNotContain("127.0.0.1").doesNotContain("::1"));
        assertThat(new WebhookTargets(false).checkAndPin("64:ff9b::a9fe:a9fe")).as("the metadata address through NAT64").isPresent();
    }

    @Test
    void aMessageCommittedBeforeAKillIsDeliveredByTheNextStart() throws Exception {
        Path data = dataDir.resolve("node");
        int receiverPort;
        try (Receiver probe = new Receiver(0)) {
            receiverPort = probe.port();
        }
        String messageId;
        try (ServerProcess first = ServerProcess.start(data, "--admin-token", TestServer.ADMIN_TOKEN, "--geoip-db", "off", "--asn-db", "off",
                "--webhook-allow-private")) {
            TestApp app = defaultApp(first);
            Response created = TestServer.send(first.url(), "POST", "/v3/webhooks",
                    "{\"url\":\"http://127.0.0.1:" + receiverPort + "/hook\",\"events\":[\"evaluation.created\"]}",
                    Map.of("Authorization", "Bearer " + app.secretKey(), "Content-Type", "application/json"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String endpoint = created.json().get("id").asText();
            evaluate(first.url(), app, "bea", "tok_bea_laptop_000001");
            // Nobody listens yet: the first try fails, and the server is killed before the retry.
            JsonNode log;
            long deadline = System.currentTimeMillis() + 10_000;
            do {
                Thread.sleep(100);
                log = first.send("GET", "/v3/webhooks/" + endpoint + "/deliveries", null, app.bearer()).json().get("data");
            }
            while ((log.isEmpty() || log.get(0).get("attempts").asInt() < 1) && System.currentTimeMillis() < deadline);
            assertThat(log.get(0).get("status").asText()).isEqualTo("pending");
            messageId = log.get(0).get("message_id").asText();
            first.kill();
        }
        try (Receiver receiver = new Receiver(receiverPort, 0);
                ServerProcess second = ServerProcess.start(data, "--admin-token", TestServer.ADMIN_TOKEN, "--geoip-db", "off", "--asn-db", "off",
                        "--webhook-allow-private")) {
            List<Receiver.Received> received = receiver.await(1, Duration.ofSeconds(20));
            assertThat(received.get(0).id()).isEqualTo(messageId);
        }
    }

    @Test
    void twoNodesOnOneDatabaseDeliverEachMessageOnce() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
                Receiver receiver = new Receiver(0)) {
            ServerConfig config = TestServer.config(dataDir).databaseUrl(database.url()).webhookAllowPrivate(true).build();
            try (TestServer first = TestServer.startWith(config);
                    TestServer second = TestServer.startWith(config.toBuilder().publicUrl("http://127.0.0.1:1").build())) {
                TestApp app = first.defaultApp();
                assertThat(createEndpoint(first, app, receiver.url(), "evaluation.created").status()).isEqualTo(201);
                Thread.sleep(2_100);
                int count = 40;
                for (int i = 0; i < count; i++) {
                    evaluate(i % 2 == 0 ? first.url() : second.url(), app, "cal" + i, "tok_cal_laptop_0000" + String.format("%02d", i));
                }
                List<Receiver.Received> received = receiver.await(count, Duration.ofSeconds(20));
                Thread.sleep(2_500);
                assertThat(receiver.received()).hasSize(count);
                assertThat(received.stream().map(Receiver.Received::id).distinct()).hasSize(count);
            }
        }
    }

    /**
     * Review finding (reproduced against a running server): redelivering while the receiver held a try
     * freed that try's lock, so three redeliveries 2 s apart had four copies of one {@code webhook-id} in
     * flight at once, and the tries in flight were missing from the delivery's log. Here two nodes share
     * the database and the redeliveries go through both: the held try stays the only one, it is logged,
     * and the redelivery goes out once, after it.
     */
    @Test
    void redeliveringWhileTheReceiverHoldsATrySendsNoCopyBesideItAndLogsThatTry() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
                HoldingReceiver receiver = new HoldingReceiver()) {
            ServerConfig config = TestServer.config(dataDir).databaseUrl(database.url()).webhookAllowPrivate(true).build();
            try (TestServer first = TestServer.startWith(config);
                    TestServer second = TestServer.startWith(config.toBuilder().publicUrl("http://127.0.0.1:1").build())) {
                TestApp app = first.defaultApp();
                Response created = createEndpoint(first, app, receiver.url(), "evaluation.created");
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                String endpoint = created.json().get("id").asText();
                evaluate(first.url(), app, "hal", "tok_hal_laptop_000001");
                String message = receiver.await(1, Duration.ofSeconds(10)).getFirst();

                String redeliver = "/v3/webhooks/" + endpoint + "/deliveries/" + message + "/redeliver";
                for (TestServer node : List.of(first, second, first)) {
                    assertThat(node.post(redeliver, null, app.bearer()).status()).isEqualTo(202);
                    // Each node claims every second: both look for due deliveries between two redeliveries.
                    Thread.sleep(1_100);
                }
                assertThat(receiver.ids()).as("the held try alone").containsExactly(message);

                receiver.release();
                assertThat(receiver.await(2, Duration.ofSeconds(10))).as("the redelivery, after the held try").containsExactly(message, message);
                JsonNode detail = deliveryOnceSettled(first, app, endpoint, message);
                assertThat(detail.get("status").asText()).isEqualTo("delivered");
                assertThat(detail.get("attempts").asInt()).as("since the redelivery").isEqualTo(1);
                assertThat(detail.get("tries")).extracting(one -> one.get("attempt").asInt()).as("the held try is logged").containsExactly(2, 1);
                assertThat(detail.get("tries")).extracting(one -> one.get("status_code").asInt()).containsExactly(204, 204);
                Thread.sleep(2_100);
                assertThat(receiver.ids()).as("once, for three redeliveries").hasSize(2);
                assertThat(receiver.mostInFlight()).isEqualTo(1);
            }
        }
    }

    @Test
    void devicesLoggedOutAndPatternsFlaggedAreReportedAndErasingAnAccountDropsItsPendingEvents() throws Exception {
        ServerConfig config = TestServer.config(dataDir)
                .webhookAllowPrivate(true)
                .patternThresholds(io.seatguard.core.pattern.PatternThresholds.parse("many_devices=2:3"))
                .build();
        try (Receiver receiver = new Receiver(0);
                TestServer server = TestServer.startWith(config)) {
            TestApp app = server.defaultApp();
            assertThat(createEndpoint(server, app, receiver.url(), "device.detached", "pattern.flagged").status()).isEqualTo(201);
            evaluate(server.url(), app, "dan", "tok_dan_laptop_000001");
            evaluate(server.url(), app, "dan", "tok_dan_laptop_000002");
            String device = server.get("/v3/users/dan/devices", app.bearer()).json().get("data").get(0).get("id").asText();
            assertThat(server.send("DELETE", "/v3/users/dan/devices/" + device, null, app.bearer()).status()).isEqualTo(204);
            List<Receiver.Received> received = receiver.await(2, Duration.ofSeconds(10));
            Set<String> types = new HashSet<>();
            for (Receiver.Received request : received) {
                JsonNode body = Json.MAPPER.readTree(request.body());
                types.add(body.get("type").asText());
                assertThat(body.get("data").get("user").asText()).isEqualTo("dan");
            }
            assertThat(types).containsExactlyInAnyOrder("pattern.flagged", "device.detached");

            // An event not yet sent goes with the account it is about.
            receiver.close();
            evaluate(server.url(), app, "eve", "tok_eve_laptop_000001");
            evaluate(server.url(), app, "eve", "tok_eve_laptop_000002");
            assertThat(server.send("DELETE", "/v3/users/eve", null, app.bearer()).status()).isEqualTo(204);
            String endpoint = server.get("/v3/webhooks", app.bearer()).json().get("data").get(0).get("id").asText();
            JsonNode log = server.get("/v3/webhooks/" + endpoint + "/deliveries", app.bearer()).json().get("data");
            assertThat(log).as("only dan's two").hasSize(2);
        }
    }

    /** The endpoint's delivery log once the message's delivery is no longer pending (or after 10 s, as it then is). */
    private static JsonNode deliveriesOnceSettled(TestServer server, TestApp app, String endpoint, String messageId) throws InterruptedException {
        java.time.Instant until = java.time.Instant.now().plusSeconds(10);
        while (true) {
            JsonNode log = server.get("/v3/webhooks/" + endpoint + "/deliveries", app.bearer()).json().get("data");
            if (!delivery(log, messageId).get("status").asText().equals("pending") || java.time.Instant.now().isAfter(until)) {
                return log;
            }
            Thread.sleep(50);
        }
    }

    /** One delivery with its tries, once it is no longer pending (or after 10 s, as it then is). */
    private static JsonNode deliveryOnceSettled(TestServer server, TestApp app, String endpoint, String messageId) throws InterruptedException {
        java.time.Instant until = java.time.Instant.now().plusSeconds(10);
        while (true) {
            Response detail = server.get("/v3/webhooks/" + endpoint + "/deliveries/" + messageId, app.bearer());
            assertThat(detail.status()).as(detail.body()).isEqualTo(200);
            if (!detail.json().get("status").asText().equals("pending") || java.time.Instant.now().isAfter(until)) {
                return detail.json();
            }
            Thread.sleep(50);
        }
    }

    private static JsonNode delivery(JsonNode log, String messageId) {
        return java.util.stream.StreamSupport.stream(log.spliterator(), false)
                .filter(entry -> entry.get("message_id").asText().equals(messageId)).findFirst().orElseThrow();
    }

    /** A fresh app made through the admin API (the banner's keys are printed only on a first start). */
    private static TestApp defaultApp(ServerProcess process) {
        Response created = process.send("POST", "/v3/apps", "{\"name\":\"webhooks\"}",
                Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN, "Content-Type", "application/json"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new TestApp(created.json().get("id").asText(), created.json().get("client_id").asText(), created.json().get("secret_key").asText());
    }
}
