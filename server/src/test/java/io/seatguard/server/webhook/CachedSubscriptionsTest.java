package io.seatguard.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.testing.MutableClock;
import io.seatguard.core.webhook.EndpointHealth;
import io.seatguard.core.webhook.WebhookEndpoint;
import io.seatguard.core.webhook.WebhookEventType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CachedSubscriptionsTest {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");

    /**
     * Review finding: a read of the endpoints already under way when an endpoint was created here stored
     * its (older) answer after {@code forget()}, and the new endpoint missed up to two seconds of events.
     */
    @Test
    void aReadUnderWayWhenAnEndpointIsCreatedDoesNotHideIt() throws Exception {
        List<WebhookEndpoint> stored = new CopyOnWriteArrayList<>();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        AtomicBoolean holdFirstRead = new AtomicBoolean(true);
        MutableClock clock = new MutableClock(T0);
        CachedSubscriptions subscriptions = new CachedSubscriptions(() -> {
            List<WebhookEndpoint> read = List.copyOf(stored);
            if (holdFirstRead.getAndSet(false)) {
                reading.countDown();
                try {
                    changed.await();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return read;
        }, clock);

        CompletableFuture<Boolean> before = CompletableFuture.supplyAsync(() -> subscriptions.wants("app_a", WebhookEventType.EVALUATION_CREATED));
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        stored.add(new WebhookEndpoint("we_new", "app_a", "https://hooks.example/in", List.of(WebhookEventType.EVALUATION_CREATED), "whsec_a", List.of(), T0));
        subscriptions.forget();
        changed.countDown();
        assertThat(before.get(5, TimeUnit.SECONDS)).as("the read that started before the endpoint existed").isFalse();

        assertThat(subscriptions.wants("app_a", WebhookEventType.EVALUATION_CREATED)).as("the next event, at the same instant").isTrue();
    }

    @Test
    void aDisabledEndpointWantsNothing() {
        EndpointHealth disabled = new EndpointHealth(Optional.of(T0), Optional.of(EndpointHealth.DisabledReason.FAILING), Optional.of(T0.minusSeconds(1)));
        List<WebhookEndpoint> stored = List.of(
                new WebhookEndpoint("we_off", "app_a", "https://hooks.example/off", List.of(WebhookEventType.EVALUATION_CREATED), "whsec_a", List.of(), T0, disabled),
                new WebhookEndpoint("we_on", "app_a", "https://hooks.example/on", List.of(WebhookEventType.DEVICE_ATTACHED), "whsec_b", List.of(), T0));
        CachedSubscriptions subscriptions = new CachedSubscriptions(() -> stored, new MutableClock(T0));

        assertThat(subscriptions.wants("app_a", WebhookEventType.EVALUATION_CREATED)).isFalse();
        assertThat(subscriptions.wants("app_a", WebhookEventType.DEVICE_ATTACHED)).isTrue();
    }
}
