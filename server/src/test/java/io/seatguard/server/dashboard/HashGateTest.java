package io.seatguard.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Review finding 3: password hashes (19 MiB each) run a few at once, however many sign-ins arrive together. */
class HashGateTest {
    @Test
    void manyHashesAtOnceNeverRunMoreThanThePermits() throws Exception {
        HashGate gate = new HashGate(2, Duration.ofSeconds(30));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        int callers = 24;
        CyclicBarrier together = new CyclicBarrier(callers);
        List<Callable<Boolean>> hashes = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            hashes.add(() -> {
                together.await();
                return gate.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(10);
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return true;
                });
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            for (Future<Boolean> done : pool.invokeAll(hashes)) {
                assertThat(done.get()).isTrue();
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(most).hasValue(2);
    }

    @Test
    void aHashThatFindsNoTurnInTimeIsRefusedAsRateLimitedNamingThePassword() throws Exception {
        HashGate gate = new HashGate(1, Duration.ofMillis(50));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> gate.run(() -> {
            holding.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                return false;
            }
        }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> gate.run(() -> true))
                .isInstanceOfSatisfying(SeatguardException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.errors()).extracting(io.seatguard.core.error.FieldError::field).containsExactly("password");
                });
        release.countDown();
        holder.join();
        assertThat(gate.run(() -> "turn")).as("the permit came back").isEqualTo("turn");
    }

    @Test
    void argon2ChecksPassTheGateAndARefusalIsNotAWrongPassword() {
        HashGate gate = new HashGate(1, Duration.ofMillis(10));
        Argon2Hasher hasher = new Argon2Hasher(gate);
        String hash = hasher.hash("correct horse battery");
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(hasher.matches("wrong", hash)).isFalse();
        gate.run(() -> {
            assertThatThrownBy(() -> hasher.matches("correct horse battery", hash)).as("refused, not answered false")
                    .isInstanceOf(SeatguardException.class);
            assertThatThrownBy(() -> hasher.hash("another password")).isInstanceOf(SeatguardException.class);
            return null;
        });
    }
}
