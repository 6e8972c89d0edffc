package io.seatguard.population;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceMatcher;
import io.seatguard.core.identity.DeviceResolver;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's acceptance measurement: 10,000 generated devices with drift, seed 1, the default threshold,
 * through the real evaluation pipeline. The bounds are the issue's targets, not the rates measured
 * today; when they fail, the message carries the report that says which platform and drift cause it.
 */
class IssueThreeTargetsTest {
    @Test
    void tenThousandDevicesSplitAtMostTwoPercentAndMergeAtMostHalfAPercent() {
        long started = System.nanoTime();
        Measurement measurement = new Simulation(1, DeviceMatcher.DEFAULT_THRESHOLD, DeviceResolver.DEFAULT_CROWDED_AT)
                .run(new PopulationGenerator(1).generate(10_000));
        String report = Report.run(measurement, DeviceMatcher.DEFAULT_THRESHOLD, (System.nanoTime() - started) / 1e9);
        Measurement.Rates all = measurement.overall();
        assertThat(all.devices()).isEqualTo(10_000);
        assertThat(measurement.visits()).isGreaterThan(200_000);
        assertThat(all.splitRate()).as("split rate (target 2 %%)%n%s", report).isLessThanOrEqualTo(Report.SPLIT_TARGET);
        assertThat(all.mergeRate()).as("merge rate (target 0.5 %%)%n%s", report).isLessThanOrEqualTo(Report.MERGE_TARGET);
    }
}
