package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.history.AccountRecords;
import io.seatguard.core.history.AccountSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A retention pass: what it asks the store to delete, and when the caches are told. */
class RetentionPrunerTest {
    private static final Instant CUTOFF = Instant.parse("2026-09-01T00:00:00Z");

    /** Answers fixed counts and records the calls, in order. */
    private static final class Records implements AccountRecords {
        final List<String> calls = new ArrayList<>();
        final int evaluations;
        final int devices;

        Records(int evaluations, int devices) {
            this.evaluations = evaluations;
            this.devices = devices;
        }

        @Override
        public Optional<AccountSummary> summary(String appId, String userId, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean erase(String appId, String userId, java.util.function.Consumer<List<io.seatguard.core.challenge.Challenge>> deleting,
                java.util.function.Consumer<List<io.seatguard.core.challenge.Challenge>> deleted) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int pruneBefore(Instant cutoff) {
            calls.add("evaluations before " + cutoff);
            return evaluations;
        }

        @Override
        public int pruneDevicesBefore(Instant cutoff) {
            calls.add("devices before " + cutoff);
            return devices;
        }
    }

    @Test
    void aPassPrunesEvaluationsThenDevicesAtTheSameCutoff() {
        Records records = new Records(0, 0);
        AtomicInteger told = new AtomicInteger();
        RetentionPruner.prune(records, CUTOFF, told::incrementAndGet);
        assertThat(records.calls).containsExactly("evaluations before " + CUTOFF, "devices before " + CUTOFF);
        assertThat(told).as("nothing deleted, nothing to forget").hasValue(0);
    }

    @Test
    void devicesAloneAreEnoughForTheCachesToForget() {
        AtomicInteger told = new AtomicInteger();
        RetentionPruner.prune(new Records(0, 3), CUTOFF, told::incrementAndGet);
        assertThat(told).hasValue(1);
        RetentionPruner.prune(new Records(5, 0), CUTOFF, told::incrementAndGet);
        assertThat(told).hasValue(2);
    }
}
