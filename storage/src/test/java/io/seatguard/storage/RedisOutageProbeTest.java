package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The background probe of a Redis link's gate, with a fake {@code PING} and a short interval. */
class RedisOutageProbeTest {
    private static final Duration INTERVAL = Duration.ofMillis(20);
    private static final RedisCommandTimeoutException TIMEOUT = new RedisCommandTimeoutException("Command timed out after 2 second(s)");

    private final AtomicBoolean answering = new AtomicBoolean();
    private final AtomicReference<RedisOutageProbe> probeOfGate = new AtomicReference<>();
    private final OutageGate gate = OutageGate.forRedis(() -> probeOfGate.get().start());
    private final RedisOutageProbe probe = new RedisOutageProbe(gate, () -> {
        if (!answering.get()) {
            throw TIMEOUT;
        }
    }, INTERVAL);

    RedisOutageProbeTest() {
        probeOfGate.set(probe);
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void sendsNothingWhileTheGateIsOpen() throws InterruptedException {
        gate.failed(new io.lettuce.core.RedisException("Currently not connected. Commands are rejected."));
        Thread.sleep(INTERVAL.multipliedBy(5));

        assertThat(probe.sent()).isZero();
        assertThat(probe.isRunning()).isFalse();
    }

    @Test
    void pingsWhileTheGateIsClosedAndOpensItOnTheFirstAnswerThenStops() throws InterruptedException {
        gate.failed(TIMEOUT);
        awaitTrue(() -> probe.sent() >= 2, "two pings unanswered");
        assertThat(gate.isClosed()).as("a ping that fails leaves the gate closed").isTrue();

        answering.set(true);
        awaitTrue(() -> !gate.isClosed(), "the gate opened by a ping answered");
        awaitTrue(() -> !probe.isRunning(), "the probe ended");
        long sent = probe.sent();
        Thread.sleep(INTERVAL.multipliedBy(5));
        assertThat(probe.sent()).as("no ping once Redis answers").isEqualTo(sent);
    }

    @Test
    void aCommandAnsweredForARequestEndsTheProbeToo() throws InterruptedException {
        gate.failed(TIMEOUT);
        assertThat(probe.isRunning()).isTrue();

        gate.answered();
        awaitTrue(() -> !probe.isRunning(), "the probe ended");
        long sent = probe.sent();
        Thread.sleep(INTERVAL.multipliedBy(5));
        assertThat(probe.sent()).isEqualTo(sent);
    }

    @Test
    void eachOutageHasOneProbe() {
        gate.failed(TIMEOUT);
        gate.answered();
        awaitTrue(() -> !probe.isRunning(), "the first probe ended");

        gate.failed(TIMEOUT);
        gate.failed(TIMEOUT);
        assertThat(probe.isRunning()).as("the second outage is probed as well").isTrue();
        answering.set(true);
        awaitTrue(() -> !gate.isClosed(), "the gate opened by a ping answered");
    }

    @Test
    void closingEndsAProbeWaitingOnASilentRedis() throws InterruptedException {
        CountDownLatch pinging = new CountDownLatch(1);
        AtomicReference<RedisOutageProbe> silentOfGate = new AtomicReference<>();
        OutageGate silentGate = OutageGate.forRedis(() -> silentOfGate.get().start());
        RedisOutageProbe silent = new RedisOutageProbe(silentGate, () -> {
            pinging.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(1));   // a PING that is never answered, until the link is closed
            }
            catch (InterruptedException e) {
                throw new io.lettuce.core.RedisCommandInterruptedException(e);
            }
        }, INTERVAL);
        silentOfGate.set(silent);
        silentGate.failed(TIMEOUT);
        pinging.await();

        silent.close();

        assertThat(silent.isRunning()).as("no thread left behind").isFalse();
        silent.start();
        assertThat(silent.isRunning()).as("a closed probe starts no more").isFalse();
    }

    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited 5 s for: %s", what).isNegative();
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            }
            catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
