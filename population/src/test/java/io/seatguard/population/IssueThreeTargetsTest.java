package io.seatguard.population;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceMatcher;
import io.seatguard.core.identity.DeviceResolver;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's measurement: 10,000 generated devices with drift, seeds 1 (the reported one), 3 and 7, the default threshold, through the
 * real evaluation pipeline.
 *
 * <p>The bounds here are a regression guard at the rates measured last (split 0.26 %, merge 1.02 % since
 * a browser with other languages is not matched without its token; split 0.19 %, merge 1.14 % since
 * a signup lands on the new account's first page; before that, split 1.86 %, merge 1.04 % since a
 * look-alike's components follow it; 1.90 % and 1.10 % with the browser-version rule; 1.86 % and 1.29 %
 * before it, with the network tie-break and threshold 0.78; split 2.13 %, merge 1.93 % before those). The split
 * bound is the issue's target ({@link Report#SPLIT_TARGET} 2 %); the merge bound is not
 * ({@link Report#MERGE_TARGET} 0.5 %, not met yet: docs/benchmarks.md), since a test asserting it would
 * fail the whole build. When the resolver meets it, tighten the merge bound to the target. What the
 * target is checked against here is the merges a resolver could avoid: those between devices that are not
 * identical twins ({@link Measurement#twinMerged}). On failure, the message carries the report saying which
 * platform and drift caused the errors.
 */
class IssueThreeTargetsTest {
    static final double SPLIT_MEASURED_BOUND = 0.020;
    static final double MERGE_MEASURED_BOUND = 0.011;

    @Test
    void tenThousandDevicesStayWithinTheMeasuredSplitAndMergeRates() {
        assertWithin(1, SPLIT_MEASURED_BOUND, MERGE_MEASURED_BOUND, "split 0.26 %, merge 1.02 %");
    }

    /**
     * Other populations: seed 3 split 6.6 % while seed 1 split 1.9 %, until a look-alike's stale
     * components were found behind it (docs/benchmarks.md). A regression that only some populations
     * show is caught here.
     */
    @Test
    void otherPopulationsMeetTheSplitTargetToo() {
        assertWithin(3, SPLIT_MEASURED_BOUND, 0.007, "split 0.71 %, merge 0.62 %");
        assertWithin(7, SPLIT_MEASURED_BOUND, 0.0085, "split 0.25 %, merge 0.78 %");
    }

    private static void assertWithin(long seed, double splitBound, double mergeBound, String measured) {
        long started = System.nanoTime();
        Measurement measurement = new Simulation(seed, DeviceMatcher.DEFAULT_THRESHOLD, DeviceResolver.DEFAULT_CROWDED_AT)
                .run(new PopulationGenerator(seed).generate(10_000));
        String report = Report.run(measurement, DeviceMatcher.DEFAULT_THRESHOLD, (System.nanoTime() - started) / 1e9);
        Measurement.Rates all = measurement.overall();
        assertThat(all.devices()).isEqualTo(10_000);
        assertThat(measurement.visits()).isGreaterThan(200_000);
        assertThat(all.splitRate()).as("seed %d split rate (measured %s; target 2 %%)%n%s", seed, measured, report).isLessThanOrEqualTo(splitBound);
        assertThat(all.mergeRate()).as("seed %d merge rate (measured %s; target 0.5 %%)%n%s", seed, measured, report).isLessThanOrEqualTo(mergeBound);
        double avoidable = (double) (all.merged() - measurement.twinMerged()) / all.devices();
        assertThat(avoidable).as("seed %d merges other than identical twins (target 0.5 %%)%n%s", seed, report).isLessThanOrEqualTo(Report.MERGE_TARGET);
    }
}
