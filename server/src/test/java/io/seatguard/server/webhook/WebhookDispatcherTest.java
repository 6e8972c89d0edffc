package io.seatguard.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.evaluation.EvaluationWrite;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.intel.Place;
import io.seatguard.core.testing.EvaluationSamples;
import io.seatguard.core.webhook.OutboxEvent;
import io.seatguard.core.webhook.WebhookEndpoint;
import io.seatguard.core.webhook.WebhookEventType;
import io.seatguard.server.SendOutcomes;
import io.seatguard.server.http.Json;
import io.seatguard.storage.SqlDatabase;
import io.seatguard.storage.SqlEvaluationStore;
import io.seatguard.storage.SqlWebhooks;
import io.seatguard.storage.StorageSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher against real receivers on an embedded database: how many tries go out at once, and to whom. */
class WebhookDispatcherTest {
    @TempDir
    Path dataDir;

    private SqlDatabase database;
    private SqlWebhooks webhooks;
    private SqlEvaluationStore evaluations;

    @BeforeEach
    void open() {
        database = SqlDatabase.open(StorageSettings.embedded(dataDir));
        webhooks = new SqlWebhooks(database);
        evaluations = new SqlEvaluationStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /**
     * Review finding: a round claimed 40 deliveries, sent them on 8 threads and waited for all of them. Forty
     * due deliveries to a receiver that accepts connections and never answers (10 s per try) held another
     * app's delivery, due just after them, for 72 s.
     */
    @Test
    void aReceiverThatNeverAnswersHoldsUpNoOtherEndpointsDeliveries() throws Exception {
        try (SilentReceiver silent = new SilentReceiver(); Receiver healthy = new Receiver(0)) {
            Instant now = Instant.now();
            endpoint("app_a", "we_silent", silent.url());
            endpoint("app_b", "we_healthy", healthy.url());
            for (int i = 0; i < 40; i++) {
                enqueue("app_a", "user" + i, now.minusSeconds(60));
            }
            String awaited = enqueue("app_b", "bea", now);

            try (WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, new WebhookTargets(true), Clock.systemUTC(), Duration.ofMillis(200), SendOutcomes.NONE)) {
                List<Receiver.Received> received = healthy.await(1, Duration.ofSeconds(5));
                assertThat(Json.MAPPER.readTree(received.get(0).body()).get("data").get("evaluation_id").asText()).isEqualTo(awaited);

                dispatcher.runOnce();
                assertThat(lockedTo("we_silent")).as("tries in flight to the silent receiver").isEqualTo(WebhookDispatcher.PER_ENDPOINT);
            }
        }
    }

    /** Review: a warning every second (every round) while storage could not be reached. */
    @Test
    void aClaimFailingEveryRoundIsLoggedOnceThenCounted() throws Exception {
        SqlDatabase unreachable = SqlDatabase.open(StorageSettings.embedded(dataDir.resolve("other")));
        unreachable.close();
        List<String> lines = new java.util.ArrayList<>();
        io.seatguard.server.LogLines.during(WebhookDispatcher.class, lines, () -> {
            try (WebhookDispatcher dispatcher = new WebhookDispatcher(new SqlWebhooks(unreachable), new WebhookTargets(true), Clock.systemUTC(),
                    Duration.ofHours(1), SendOutcomes.NONE)) {
                for (int round = 0; round < 10; round++) {
                    dispatcher.runOnce();
                }
            }
            return null;
        });
        assertThat(lines).as("ten failed rounds").hasSize(1);
        assertThat(lines.get(0)).contains("Webhook dispatch failed; the next round tries again");
    }

    @Test
    void aBacklogGoesOutWithoutWaitingForTheClock() throws Exception {
        try (Receiver receiver = new Receiver(0);
                WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, new WebhookTargets(true), Clock.systemUTC(), Duration.ofHours(1), SendOutcomes.NONE)) {
            Instant now = Instant.now();
            endpoint("app_b", "we_backlog", receiver.url());
            int backlog = 125;
            for (int i = 0; i < backlog; i++) {
                enqueue("app_b", "user" + i, now);
            }
            // The dispatcher's own clock is an hour away: one claim, and each try that ends makes room for the next.
            dispatcher.runOnce();
            assertThat(receiver.await(backlog, Duration.ofSeconds(20))).hasSize(backlog);
        }
    }

    /**
     * Found stopping one of two nodes with SIGTERM: closing interrupted the tries in flight, so deliveries
     * stayed locked with no try for 150 s, and one whose answer had come went out again from the other node.
     * A clean close lets a started try end and record its outcome.
     */
    @Test
    void closingLetsATryInFlightEndAndRecordItsOutcome() throws Exception {
        com.sun.net.httpserver.HttpServer slow = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        slow.createContext("/", exchange -> {
            try {
                Thread.sleep(700);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            answered.incrementAndGet();
        });
        slow.start();
        try {
            endpoint("app_b", "we_slow", "http://127.0.0.1:" + slow.getAddress().getPort() + "/hook");
            enqueue("app_b", "sia", Instant.now());
            WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, new WebhookTargets(true), Clock.systemUTC(), Duration.ofHours(1), SendOutcomes.NONE);
            dispatcher.runOnce();
            assertThat(lockedTo("we_slow")).as("claimed, its try under way").isEqualTo(1);
            dispatcher.close();

            assertThat(answered.get()).as("the receiver answered before the close returned").isEqualTo(1);
            assertThat(lockedTo("we_slow")).as("the outcome recorded, the lock freed").isZero();
        }
        finally {
            slow.stop(0);
        }
    }

    /**
     * Review finding: a try still under way when the close had waited {@link WebhookDispatcher#CLOSE_WAIT}
     * was interrupted, and on PostgreSQL (whose writes run on the try's own thread, interrupted or not)
     * recorded as a failed attempt ("interrupted"): on a delivery's last attempt, marked failed for good.
     * The receiver's part is unknown; the lock now lets it be tried again.
     */
    @Test
    void aTryCutShortByTheCloseIsNotRecordedAsAnAttempt() throws Exception {
        try (HoldingReceiver held = new HoldingReceiver();
                io.seatguard.storage.PostgresTestDatabase postgres = io.seatguard.storage.PostgresTestDatabase.create();
                SqlDatabase onPostgres = SqlDatabase.open(StorageSettings.of(postgres.url(), dataDir.resolve("pg")))) {
            webhooks = new SqlWebhooks(onPostgres);
            evaluations = new SqlEvaluationStore(onPostgres);
            endpoint("app_b", "we_held", held.url());
            enqueue("app_b", "hal", Instant.now());
            WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, new WebhookTargets(true), Clock.systemUTC(), Duration.ofHours(1), SendOutcomes.NONE);
            dispatcher.runOnce();
            held.await(1, Duration.ofSeconds(10));
            dispatcher.close();
            try (java.sql.Connection raw = java.sql.DriverManager.getConnection(postgres.url());
                    java.sql.PreparedStatement query = raw.prepareStatement(
                            "SELECT attempts, lock_token IS NOT NULL FROM webhook_deliveries WHERE endpoint_id = 'we_held'");
                    java.sql.ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt(1)).as("no attempt counted").isZero();
                assertThat(row.getBoolean(2)).as("left to its lock").isTrue();
            }
        }
    }

    /**
     * Review finding: deleting an endpoint while a try to it was under way logged "a later claim owns the
     * delivery now", which sent an operator looking for another node. The line now says the endpoint went.
     */
    @Test
    void aTryWhoseEndpointIsDeletedMeanwhileSaysSoInTheLog() throws Exception {
        java.util.concurrent.CountDownLatch requested = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch deleted = new java.util.concurrent.CountDownLatch(1);
        com.sun.net.httpserver.HttpServer slow = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        slow.createContext("/", exchange -> {
            requested.countDown();
            try {
                deleted.await(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        slow.start();
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            endpoint("app_b", "we_going", "http://127.0.0.1:" + slow.getAddress().getPort() + "/hook");
            enqueue("app_b", "gus", Instant.now());
            io.seatguard.server.LogLines.during(WebhookDispatcher.class, lines, () -> {
                try (WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, new WebhookTargets(true), Clock.systemUTC(), Duration.ofHours(1),
                        SendOutcomes.NONE)) {
                    dispatcher.runOnce();
                    assertThat(requested.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the try is under way").isTrue();
                    assertThat(webhooks.delete("app_b", "we_going")).isTrue();
                    deleted.countDown();
                }
                return null;
            });
        }
        finally {
            deleted.countDown();
            slow.stop(0);
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("we_going: the endpoint was deleted during the try; this try's outcome is not recorded"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("later claim"));
    }

    /** Every try tells its outcome (the metrics count them): a receiver's 500 is a failed try, a 2xx a delivered one. */
    @Test
    void everyTryIsToldDeliveredOrFailed() throws Exception {
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        SendOutcomes outcomes = (kind, channel, delivered) -> told.add(kind + " " + channel + " " + (delivered ? "delivered" : "failed"));
        try (Receiver receiver = new Receiver(1);
                WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, new WebhookTargets(true), Clock.systemUTC(), Duration.ofHours(1), outcomes)) {
            endpoint("app_b", "we_counted", receiver.url());
            for (int i = 0; i < 3; i++) {
                enqueue("app_b", "user" + i, Instant.now());
            }
            dispatcher.runOnce();
            receiver.await(3, Duration.ofSeconds(10));
            Instant deadline = Instant.now().plusSeconds(10);
            while (told.size() < 3 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(told).containsExactlyInAnyOrder("webhook http failed", "webhook http delivered", "webhook http delivered");
        }
    }

    /** Targets whose every name lookup says so on {@code lookingUp}, then waits (10 s at most) for {@code gate} and answers 127.0.0.1. */
    private static WebhookTargets lookupHeldUntil(java.util.concurrent.CountDownLatch lookingUp, java.util.concurrent.CountDownLatch gate) {
        return new WebhookTargets(true, host -> {
            lookingUp.countDown();
            try {
                gate.await(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(java.net.InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        });
    }

    /**
     * Review finding: the claim read the endpoint's secrets, and the try signed with them after its name
     * lookup. A rotation with {@code previous_secret_valid_for} 0 meanwhile (a slow name server holds a
     * lookup for seconds) sent the try signed with the replaced secret alone, which a receiver that
     * switched at once rejects. The secrets are now read when the request is built.
     */
    @Test
    void aRotationDuringTheNameLookupSignsTheTryWithTheNewSecret() throws Exception {
        java.util.concurrent.CountDownLatch lookingUp = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch rotated = new java.util.concurrent.CountDownLatch(1);
        WebhookTargets slowLookup = lookupHeldUntil(lookingUp, rotated);
        try (Receiver receiver = new Receiver(0);
                WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, slowLookup, Clock.systemUTC(), Duration.ofHours(1), SendOutcomes.NONE)) {
            endpoint("app_b", "we_rotated", "http://rotation.test.invalid:" + receiver.port() + "/hook");
            enqueue("app_b", "rob", Instant.now());
            dispatcher.runOnce();
            assertThat(lookingUp.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("claimed, the try looking its host up").isTrue();
            String secret = "whsec_" + Base64.getEncoder().encodeToString("a new secret of 24 bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            Instant now = Instant.now();
            assertThat(webhooks.rotate("app_b", "we_rotated", secret, now, now)).as("rotated, the replaced secret stopped at once").isTrue();
            rotated.countDown();

            Receiver.Received received = receiver.await(1, Duration.ofSeconds(10)).get(0);
            assertThat(received.signature().split(" ")).as("the new secret's signature alone").hasSize(1);
            Map<String, String> headers = Map.of("webhook-id", received.id(), "webhook-timestamp", received.timestamp(), "webhook-signature",
                    received.signature());
            assertThat(io.seatguard.sdk.Webhooks.verify(headers, received.body(), List.of(secret), Instant.now()).path("type").asText())
                    .isEqualTo("evaluation.created");
        }
        finally {
            rotated.countDown();
        }
    }

    /** The endpoint read again for its secrets is gone: the try is not sent to an endpoint deleted since the claim. */
    @Test
    void anEndpointDeletedDuringTheNameLookupIsSentNothing() throws Exception {
        java.util.concurrent.CountDownLatch lookingUp = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch deleted = new java.util.concurrent.CountDownLatch(1);
        WebhookTargets slowLookup = lookupHeldUntil(lookingUp, deleted);
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Receiver receiver = new Receiver(0)) {
            endpoint("app_b", "we_gone", "http://deleted.test.invalid:" + receiver.port() + "/hook");
            enqueue("app_b", "dee", Instant.now());
            io.seatguard.server.LogLines.during(WebhookDispatcher.class, lines, () -> {
                try (WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, slowLookup, Clock.systemUTC(), Duration.ofHours(1), SendOutcomes.NONE)) {
                    dispatcher.runOnce();
                    assertThat(lookingUp.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("claimed, the try looking its host up").isTrue();
                    assertThat(webhooks.delete("app_b", "we_gone")).isTrue();
                    deleted.countDown();
                }
                // Closing waited for the try to end.
                return null;
            });
            assertThat(receiver.received()).as("nothing sent to the deleted endpoint").isEmpty();
        }
        finally {
            deleted.countDown();
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("we_gone: the endpoint was deleted before the try; nothing was sent"));
    }

    /**
     * Review finding: a delivery claimed while its endpoint was enabled was sent though the endpoint was
     * disabled before the try went out (during the name lookup here; on PostgreSQL, a claim that began
     * before the disabling committed), after {@code PATCH} had answered that it was disabled. The endpoint
     * read again before the request is built is disabled: nothing is sent or logged as a try, the lock is
     * freed, and the delivery is failed as the disabling's others are.
     */
    @Test
    void anEndpointDisabledDuringTheNameLookupIsSentNothing() throws Exception {
        java.util.concurrent.CountDownLatch lookingUp = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch disabled = new java.util.concurrent.CountDownLatch(1);
        WebhookTargets slowLookup = lookupHeldUntil(lookingUp, disabled);
        String message;
        try (Receiver receiver = new Receiver(0)) {
            endpoint("app_b", "we_off", "http://disabled.test.invalid:" + receiver.port() + "/hook");
            enqueue("app_b", "dee", Instant.now());
            message = webhooks.deliveries("app_b", "we_off", 10).getFirst().messageId();
            try (WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, slowLookup, Clock.systemUTC(), Duration.ofHours(1), SendOutcomes.NONE)) {
                dispatcher.runOnce();
                assertThat(lookingUp.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("claimed, the try looking its host up").isTrue();
                assertThat(webhooks.setEnabled("app_b", "we_off", false)).isTrue();
                disabled.countDown();
            }
            // Closing waited for the try to end.
            assertThat(receiver.received()).as("nothing sent to the disabled endpoint").isEmpty();
        }
        finally {
            disabled.countDown();
        }
        assertThat(webhooks.tries("app_b", "we_off", message, 10)).as("no try went out").isEmpty();
        assertThat(webhooks.delivery("app_b", "we_off", message)).hasValueSatisfying(delivery -> {
            assertThat(delivery.status()).isEqualTo("failed");
            assertThat(delivery.lastError()).contains("endpoint disabled");
        });
        assertThat(webhooks.setEnabled("app_b", "we_off", true)).isTrue();
        assertThat(webhooks.redeliver("app_b", "we_off", message, Instant.now())).isTrue();
        assertThat(webhooks.claim(Instant.now().plusSeconds(1), 10, Duration.ofMinutes(1))).as("its lock freed").extracting(SqlWebhooks.Claimed::messageId)
                .containsExactly(message);
    }

    private void endpoint(String app, String id, String url) {
        webhooks.create(new WebhookEndpoint(id, app, url, List.of(WebhookEventType.EVALUATION_CREATED), "whsec_" + Base64.getEncoder().encodeToString(new byte[24]),
                List.of(), Instant.now().minusSeconds(3600)), 20);
    }

    /** An evaluation of {@code user} that reports itself to the app's endpoints; answers its id. */
    private String enqueue(String app, String user, Instant at) {
        String id = UUID.randomUUID().toString();
        EvaluationWrite write = EvaluationSamples.write(app, id, user, "dev-" + user, true, null, null, DeviceType.COMPUTER, "198.51.100.1", at);
        evaluations.record(new EvaluationWrite(write.evaluation(), write.device(), true, write.touches(), Map.of(), Place.UNKNOWN, Optional.empty(),
                List.of(), List.of(new OutboxEvent(app, WebhookEventType.EVALUATION_CREATED, Optional.of(user), Map.of("evaluation_id", id), at))));
        return id;
    }

    /** Deliveries to the endpoint that a claim holds now. */
    private long lockedTo(String endpointId) throws java.sql.SQLException {
        try (java.sql.Connection raw = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(StorageSettings.EMBEDDED_FILE_NAME));
                java.sql.PreparedStatement query = raw.prepareStatement("SELECT COUNT(*) FROM webhook_deliveries WHERE endpoint_id = ? AND lock_token IS NOT NULL")) {
            query.setString(1, endpointId);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
