package io.seatguard.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LineBudgetTest {
    @Test
    void aWindowsLinesAreAdmittedThenCountedAndTheCountComesWithTheNextLineAdmitted() {
        AtomicLong now = new AtomicLong();
        LineBudget budget = new LineBudget(3, Duration.ofSeconds(10), now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(budget.admit()).isEqualTo(new LineBudget.Admission(true, 0, 0));
        }
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        for (int i = 0; i < 5; i++) {
            assertThat(budget.admit().logged()).isFalse();
        }
        now.addAndGet(Duration.ofMillis(8_500).toNanos());
        assertThat(budget.admit()).as("a new window: five left out over 8.5 s, said as 9").isEqualTo(new LineBudget.Admission(true, 5, 9));
        assertThat(budget.admit()).as("the count was handed over once").isEqualTo(new LineBudget.Admission(true, 0, 0));
    }
}
