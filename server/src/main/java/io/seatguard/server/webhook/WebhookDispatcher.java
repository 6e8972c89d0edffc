package io.seatguard.server.webhook;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.webhook.WebhookSignature;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: every second it claims due deliveries (each goes to one node), posts them with
 * Standard Webhooks headers, and records the outcome; a failure is retried on {@code RetrySchedule}
 * with the same {@code webhook-id}. A node killed between commit and delivery loses nothing: the
 * message is in the database, and its lock expires.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final int BATCH = 40;
    static final int SENDERS = 8;
    static final int MAX_BATCHES_PER_ROUND = 50;
    /**
     * How long a claim holds a delivery. A claimed batch is sent {@code BATCH / SENDERS} deep on each sender, each
     * send within {@link #DEADLINE}, so the last of a batch can start 80 s after the claim: the lock outlasts
     * that, or another node would claim and send it a second time.
     */
    static final Duration LOCK = Duration.ofSeconds(150);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The most one delivery may take, from name lookup to the answer's status line and headers. */
    static final Duration DEADLINE = Duration.ofSeconds(20);
    public static final Duration DEFAULT_EVERY = Duration.ofSeconds(1);

    private final SqlWebhooks webhooks;
    private final WebhookTargets targets;
    private final InstantSource clock;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(daemon("seatguard-webhooks"));
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, daemon("seatguard-webhook-send"));

    public WebhookDispatcher(SqlWebhooks webhooks, WebhookTargets targets, InstantSource clock, Duration every) {
        this.webhooks = requireNonNull(webhooks, "webhooks is null");
        this.targets = requireNonNull(targets, "targets is null");
        this.clock = requireNonNull(clock, "clock is null");
        poller.scheduleWithFixedDelay(this::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * One round: claim what is due and send it, batch after batch while whole batches come back. One
     * batch per second would cap a node at about twenty deliveries a second, below what a busy app's
     * {@code evaluation.created} alone produces. The round ends after {@link #MAX_BATCHES_PER_ROUND} so
     * that a shutdown is not kept waiting.
     */
    void runOnce() {
        try {
            for (int batch = 0; batch < MAX_BATCHES_PER_ROUND; batch++) {
                List<SqlWebhooks.Claimed> claimed = webhooks.claim(clock.instant(), BATCH, LOCK);
                List<Future<?>> sends = claimed.stream().<Future<?>>map(delivery -> senders.submit(() -> send(delivery))).toList();
                for (Future<?> send : sends) {
                    send.get();
                }
                if (claimed.size() < BATCH) {
                    break;
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (Exception e) {
            log.warn("Webhook dispatch failed; the next round tries again: {}", e.getMessage());
        }
    }

    private void send(SqlWebhooks.Claimed delivery) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        Optional<Integer> status = Optional.empty();
        Optional<String> error = Optional.empty();
        try {
            URI target = URI.create(delivery.endpoint().url());
            Optional<String> refusal = targets.checkAndPin(target.getHost());
            if (refusal.isPresent()) {
                error = Optional.of("refused: the URL " + refusal.get());
            }
            else {
                long timestamp = at.getEpochSecond();
                HttpRequest request = HttpRequest.newBuilder(target)
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("User-Agent", "Seatguard-Webhooks/1")
                        .header("webhook-id", delivery.messageId())
                        .header("webhook-timestamp", String.valueOf(timestamp))
                        .header("webhook-signature", WebhookSignature.header(delivery.messageId(), timestamp, delivery.payload(),
                                delivery.endpoint().signingSecrets(at)))
                        .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                        .build();
                int answered = exchange(request);
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
        if (!webhooks.recordAttempt(delivery, at, status, error, Duration.ofNanos(System.nanoTime() - started))) {
            log.info("Webhook {} to {}: a later claim owns the delivery now; this try's outcome is not recorded", delivery.messageId(), delivery.endpointId());
        }
    }

    /**
     * Posts and returns the status. The body of the answer is never read: the status is the receiver's
     * whole answer, and a receiver that announced a large body and then stalled would otherwise hold this
     * sender (the request timeout only runs until the headers arrive). {@link #DEADLINE} bounds the
     * whole exchange, name lookup and connection included, and a late one is cancelled.
     */
    private int exchange(HttpRequest request) throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<HttpResponse<InputStream>> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = exchange.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
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

    @Override
    public void close() {
        poller.shutdownNow();
        senders.shutdownNow();
    }
}
