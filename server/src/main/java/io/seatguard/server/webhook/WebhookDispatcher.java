package io.seatguard.server.webhook;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.webhook.WebhookEndpoint;
import io.seatguard.core.webhook.WebhookSignature;
import io.seatguard.server.SendOutcomes;
import io.seatguard.storage.RepeatedFailures;
import io.seatguard.storage.SqlWebhooks;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: it claims due deliveries (each goes to one node), posts them with Standard Webhooks
 * headers, and records the outcome; a failure is retried on {@code RetrySchedule} with the same
 * {@code webhook-id}. A node killed between commit and delivery loses nothing: the message is in the
 * database, and its lock expires.
 *
 * <p>Tries run side by side, at most {@link #MAX_IN_FLIGHT} on a node and {@link #PER_ENDPOINT} to any one
 * endpoint, each on its own virtual thread (a try mostly waits for the receiver). A delivery is claimed
 * only when there is room to start it at once, and the claim is fair across endpoints
 * ({@link SqlWebhooks#claim(Instant, int, SqlWebhooks.EndpointRoom, Duration)}): a receiver that accepts
 * connections and never answers holds {@value #PER_ENDPOINT} tries for {@link #TIMEOUT} each, not the
 * node. Claimed batches that were sent whole before the next claim let forty deliveries to one such
 * receiver hold up every other app's webhooks for over a minute.
 *
 * <p>The dispatcher claims every {@code every} (a second by default), and sooner when a try ends while
 * deliveries were left waiting for room: a backlog goes out without waiting for the clock, at most one
 * claim per {@link #CLAIM_GAP}.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    /**
     * A claim fails every round (a second) while storage is unreachable: said once, then counted every
     * 30 s, as storage's own failures are; it logged a warning a second (found in review).
     */
    private final RepeatedFailures claimFailures = new RepeatedFailures(log);
    /** Tries in flight on one node: 20 endpoints (an app's most) at {@link #PER_ENDPOINT} each leave room for the others. */
    static final int MAX_IN_FLIGHT = 128;
    /** Tries in flight to one endpoint on one node. */
    static final int PER_ENDPOINT = 4;
    /**
     * How long a claim holds a delivery. A delivery is claimed only when its try can start at once, and a
     * try ends within {@link #DEADLINE}: the lock outlasts it by far, or another node would claim and send
     * it a second time.
     */
    static final Duration LOCK = Duration.ofSeconds(150);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The most one delivery may take, from name lookup to the answer's status line and headers. */
    static final Duration DEADLINE = Duration.ofSeconds(20);
    /** The least time between two claims: a try ending every millisecond must not cost a claim each. */
    static final Duration CLAIM_GAP = Duration.ofMillis(20);
    public static final Duration DEFAULT_EVERY = Duration.ofSeconds(1);
    /** How long closing waits for the tries already started (and again for a claim under way). */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private record EndpointKey(String appId, String endpointId) {}

    private final SqlWebhooks webhooks;
    private final WebhookTargets targets;
    private final InstantSource clock;
    private final SendOutcomes outcomes;
    /**
     * HTTP/1.1: on plain http the JDK's HTTP/2 default offers {@code Upgrade: h2c} with every POST, which
     * some receivers and proxies refuse or mishandle, and a webhook gains nothing from HTTP/2.
     */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService tries = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("seatguard-webhook-try-", 0).factory());
    /** Released when a try ends: the poller claims again if deliveries were waiting for room. */
    private final Semaphore tryEnded = new Semaphore(0);
    private final Object counts = new Object();
    /** Tries in flight, in all and per endpoint; guarded by {@link #counts}. */
    private int running;
    private final Map<EndpointKey, Integer> runningTo = new HashMap<>();
    private volatile boolean closed;
    private final Thread poller;

    /** @param outcomes told of every try: delivered (a 2xx) or not */
    public WebhookDispatcher(SqlWebhooks webhooks, WebhookTargets targets, InstantSource clock, Duration every, SendOutcomes outcomes) {
        this.webhooks = requireNonNull(webhooks, "webhooks is null");
        this.targets = requireNonNull(targets, "targets is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.outcomes = requireNonNull(outcomes, "outcomes is null");
        requireNonNull(every, "every is null");
        poller = Thread.ofPlatform().daemon().name("seatguard-webhooks").start(() -> poll(every));
    }

    private void poll(Duration every) {
        try {
            tryEnded.tryAcquire(every.toMillis(), TimeUnit.MILLISECONDS);
            while (!closed) {
                tryEnded.drainPermits();
                runOnce();
                // Woken early by a try that ended (room for what is waiting), or after `every` for what fell due.
                tryEnded.tryAcquire(every.toMillis(), TimeUnit.MILLISECONDS);
                Thread.sleep(CLAIM_GAP.toMillis());
            }
        }
        catch (InterruptedException e) {
            // Closed.
        }
    }

    /** One claim: as many due deliveries as there is room for, each try started at once. */
    synchronized void runOnce() {
        try {
            int room;
            synchronized (counts) {
                room = MAX_IN_FLIGHT - running;
            }
            if (room <= 0 || closed) {
                return;
            }
            var claimed = webhooks.claim(clock.instant(), room, this::roomFor, LOCK);
            claimFailures.succeeded("Webhook dispatch claims deliveries");
            for (SqlWebhooks.Claimed delivery : claimed) {
                start(delivery);
            }
        }
        catch (RuntimeException e) {
            claimFailures.failed(org.slf4j.event.Level.WARN, "Webhook dispatch failed; the next round tries again", ": " + e.getMessage());
        }
    }

    private int roomFor(String appId, String endpointId) {
        synchronized (counts) {
            return PER_ENDPOINT - runningTo.getOrDefault(new EndpointKey(appId, endpointId), 0);
        }
    }

    private void start(SqlWebhooks.Claimed delivery) {
        EndpointKey endpoint = new EndpointKey(delivery.appId(), delivery.endpointId());
        synchronized (counts) {
            running++;
            runningTo.merge(endpoint, 1, Integer::sum);
        }
        try {
            tries.execute(() -> {
                try {
                    send(delivery);
                }
                finally {
                    ended(endpoint);
                }
            });
        }
        catch (RejectedExecutionException e) {
            // Closing: the lock expires and the delivery is tried again after the next start.
            ended(endpoint);
        }
    }

    private void ended(EndpointKey endpoint) {
        synchronized (counts) {
            running--;
            runningTo.computeIfPresent(endpoint, (key, count) -> count == 1 ? null : count - 1);
        }
        tryEnded.release();
    }

    private void send(SqlWebhooks.Claimed delivery) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        Optional<Integer> status = Optional.empty();
        Optional<String> error = Optional.empty();
        try {
            URI target = URI.create(delivery.endpoint().url());
            // The lookup counts against the try's deadline: a resolver that hangs cannot hold the try longer.
            Optional<String> refusal = targets.checkAndPin(target.getHost(), DEADLINE);
            if (refusal.isPresent()) {
                error = Optional.of("refused: the URL " + refusal.get());
            }
            else {
                Optional<WebhookEndpoint> signing = endpointNow(delivery);
                if (signing.isEmpty()) {
                    log.info("Webhook {} to {}: the endpoint was deleted before the try; nothing was sent", delivery.messageId(), delivery.endpointId());
                    return;
                }
                if (!signing.get().health().enabled()) {
                    // Disabled since the claim (by hand, or by another try's failure): no try of a disabled
                    // endpoint's deliveries starts, though this one was claimed while it was enabled.
                    releaseUnsent(delivery);
                    return;
                }
                // The time the secrets are judged at is when the request goes out, not when the try started (the lookup may take seconds).
                Instant signedAt = clock.instant();
                long timestamp = at.getEpochSecond();
                HttpRequest request = HttpRequest.newBuilder(target)
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("User-Agent", "Seatguard-Webhooks/1")
                        .header("webhook-id", delivery.messageId())
                        .header("webhook-timestamp", String.valueOf(timestamp))
                        .header("webhook-signature", WebhookSignature.header(delivery.messageId(), timestamp, delivery.payload(),
                                signing.get().signingSecrets(signedAt)))
                        .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                        .build();
                int answered = exchange(request, DEADLINE.minusNanos(System.nanoTime() - started));
                status = Optional.of(answered);
                if (answered / 100 != 2) {
                    error = Optional.of("the receiver answered " + answered);
                }
            }
        }
        catch (IOException | IllegalArgumentException e) {
            error = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        catch (TimeoutException e) {
            error = Optional.of("no answer within " + DEADLINE.toSeconds() + " s");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = Optional.of("interrupted");
        }
        if (error.isPresent() && closed && Thread.currentThread().isInterrupted()) {
            // Cut short by this node's stop (close): the receiver's part is unknown, so nothing is recorded and
            // the lock lets another node or the next start try it again. Recorded, the cut counted as a failed
            // attempt, and on a delivery's last one marked it failed for good.
            log.info("Webhook {} to {}: the try was cut short by the stop; it is tried again once its lock expires", delivery.messageId(),
                    delivery.endpointId());
            return;
        }
        outcomes.sent("webhook", "http", error.isEmpty());
        try {
            if (!webhooks.recordAttempt(delivery, at, status, error, Duration.ofNanos(System.nanoTime() - started))) {
                String why = switch (webhooks.whyUnrecorded(delivery)) {
                    case CLAIMED_AGAIN -> "a later claim owns the delivery now";
                    case ENDPOINT_DELETED -> "the endpoint was deleted during the try";
                    case DELIVERY_DELETED -> "the delivery was deleted during the try (its account erased, or its endpoint being deleted)";
                };
                log.info("Webhook {} to {}: {}; this try's outcome is not recorded", delivery.messageId(), delivery.endpointId(), why);
            }
        }
        catch (RuntimeException e) {
            // The lock expires and the delivery is tried again (the database was unavailable, or is closing).
            log.warn("Webhook {} to {}: the try's outcome could not be recorded: {}", delivery.messageId(), delivery.endpointId(), e.getMessage());
        }
    }

    private void releaseUnsent(SqlWebhooks.Claimed delivery) {
        log.info("Webhook {} to {}: the endpoint was disabled before the try; nothing was sent", delivery.messageId(), delivery.endpointId());
        try {
            webhooks.releaseUnsent(delivery);
        }
        catch (RuntimeException e) {
            // Its lock expires; no claim takes it while the endpoint is disabled, and enabling marks it failed.
            log.warn("Webhook {} to {}: the unsent delivery could not be released: {}", delivery.messageId(), delivery.endpointId(), e.getMessage());
        }
    }

    /**
     * The endpoint as it is now, whose secrets sign the try: the claim read them before the name lookup,
     * which may take seconds, and a rotation meanwhile that stopped the replaced secret at once
     * ({@code previous_secret_valid_for} 0) had the try signed with that secret alone, which a receiver
     * that switched at once rejected (review finding). One read by primary key per try, beside the try's
     * own write of its outcome. Empty when the endpoint was deleted since the claim. If storage cannot
     * answer, the claim's copy signs: the try's outcome cannot be recorded then either, and the lock
     * lets it go again.
     */
    private Optional<WebhookEndpoint> endpointNow(SqlWebhooks.Claimed delivery) {
        try {
            return webhooks.find(delivery.appId(), delivery.endpointId());
        }
        catch (RuntimeException e) {
            log.warn("Webhook {} to {}: the endpoint's secrets could not be read again; the claim's sign the try: {}", delivery.messageId(),
                    delivery.endpointId(), e.getMessage());
            return Optional.of(delivery.endpoint());
        }
    }

    /**
     * Posts and returns the status. The body of the answer is never read: the status is the receiver's
     * whole answer, and a receiver that announced a large body and then stalled would otherwise hold this
     * try (the request timeout only runs until the headers arrive). What is left of {@link #DEADLINE}
     * after the name lookup bounds the exchange, connection included, and a late one is cancelled.
     */
    private int exchange(HttpRequest request, Duration left) throws IOException, InterruptedException, TimeoutException {
        if (left.isNegative() || left.isZero()) {
            throw new TimeoutException();
        }
        CompletableFuture<HttpResponse<InputStream>> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = exchange.get(left.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            exchange.cancel(true);
            throw e;
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
        try (InputStream body = response.body()) {
            // Closed unread: the connection is dropped rather than drained.
            return response.statusCode();
        }
    }

    /**
     * Stops claiming, then lets the tries already started end, each recording its outcome and freeing its
     * lock, for at most {@link #CLOSE_WAIT}. Interrupted at once (as before), a clean stop left what it had
     * just claimed locked, with no try, for {@link #LOCK}, and a try whose answer had come but whose outcome
     * was not yet written went out again from another node. A try still running past the wait (a receiver
     * that does not answer) is interrupted; its lock lets another node or the next start try it again.
     */
    @Override
    public void close() {
        closed = true;
        // Wakes the poller from its wait between claims; a claim under way ends and starts its tries first.
        tryEnded.release();
        try {
            poller.join(CLOSE_WAIT.toMillis());
            tries.shutdown();
            tries.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            poller.interrupt();
            tries.shutdownNow();
            client.shutdownNow();
            // The tries cut short end at once (their lookups and exchanges are interruptible); waiting for them
            // keeps any from touching the store after the server closed it.
            try {
                tries.awaitTermination(1, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
