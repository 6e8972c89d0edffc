package io.seatguard.population;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceMatcher;
import io.seatguard.core.identity.DeviceResolver;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's measurement: 10,000 generated devices with drift, seeds 1 (the reported one), 3 and 7, the default threshold, through the
 * real evaluation pipeline.
 *
 * <p>The targets checked: split ≤ 2 % ({@link Report#SPLIT_TARGET}) and merge ≤ 0.5 % ({@link Report#MERGE_TARGET}),
 * the merge counted as two devices under one id in the account's device list at the end of the run
 * ({@link Measurement.Rates#mergedAtEnd}: 0.02 % on each seed since a second install is separated,
 * {@link io.seatguard.core.identity.DeviceResolver#separate}). Devices ever under another's id are bounded at the
 * rates measured last (1.02, 0.62 and 0.77 %): most are identical twins, which no resolver working from one request
 * can tell apart on their first visit, and the merges between devices that are not twins must meet the target.
 * No device that never shared an id may be separated. On failure, the message carries the report saying which
 * platform and drift caused the errors.
 *
 * <p>Earlier figures (split, ever merged): 0.26 %, 1.02 % before separation; 0.19 %, 1.14 % before a browser with
 * other languages stopped matching without its token; 1.86 %, 1.04 % before a signup landed on the account's
 * first page; 1.90 %, 1.10 % and 1.86 %, 1.29 % before that; split 2.13 %, merge 1.93 % at first.
 */
class IssueThreeTargetsTest {
    static final double MERGE_MEASURED_BOUND = 0.011;
    private static final long[] SEEDS = {1, 3, 7};
    /**
     * The three runs, started together: each is one thread and takes about 25 s, so on two cores they
     * finish in about half the time they take one after another (CI's suite has a time budget).
     */
    private static final Map<Long, CompletableFuture<Run>> RUNS = new HashMap<>();
    private static ExecutorService runners;

    private record Run(Measurement measurement, double seconds) {}

    @BeforeAll
    static void startEveryRun() {
        runners = Executors.newFixedThreadPool(SEEDS.length);
        for (long seed : SEEDS) {
            RUNS.put(seed, CompletableFuture.supplyAsync(() -> {
                long started = System.nanoTime();
                Measurement measurement = new Simulation(seed, DeviceMatcher.DEFAULT_THRESHOLD, DeviceResolver.DEFAULT_CROWDED_AT)
                        .run(new PopulationGenerator(seed).generate(10_000));
                return new Run(measurement, (System.nanoTime() - started) / 1e9);
            }, runners));
        }
    }

    @AfterAll
    static void stopRunners() {
        runners.shutdownNow();
    }

    @Test
    void tenThousandDevicesStayWithinTheMeasuredSplitAndMergeRates() {
        assertWithin(1, MERGE_MEASURED_BOUND, "split 0.91 %, merged 1.02 %, at the end 0.02 %");
    }

    /**
     * Other populations: seed 3 split 6.6 % while seed 1 split 1.9 %, until a look-alike's stale
     * components were found behind it (docs/benchmarks.md). A regression that only some populations
     * show is caught here.
     */
    @Test
    void otherPopulationsMeetTheTargetsToo() {
        assertWithin(3, 0.007, "split 1.10 %, merged 0.62 %, at the end 0.02 %");
        assertWithin(7, 0.0085, "split 0.73 %, merged 0.77 %, at the end 0.02 %");
    }

    private static void assertWithin(long seed, double everMergedBound, String measured) {
        Run run = RUNS.get(seed).join();
        Measurement measurement = run.measurement();
        String report = Report.run(measurement, DeviceMatcher.DEFAULT_THRESHOLD, run.seconds());
        Measurement.Rates all = measurement.overall();
        assertThat(all.devices()).isEqualTo(10_000);
        assertThat(measurement.visits()).isGreaterThan(200_000);
        assertThat(all.splitRate()).as("seed %d split rate (measured %s; target 2 %%)%n%s", seed, measured, report).isLessThanOrEqualTo(Report.SPLIT_TARGET);
        assertThat(all.mergedAtEndRate()).as("seed %d merged at the end (measured %s; target 0.5 %%)%n%s", seed, measured, report)
                .isLessThanOrEqualTo(Report.MERGE_TARGET);
        assertThat(all.mergeRate()).as("seed %d ever merged (measured %s)%n%s", seed, measured, report).isLessThanOrEqualTo(everMergedBound);
        double avoidable = (double) (all.merged() - measurement.twinMerged()) / all.devices();
        assertThat(avoidable).as("seed %d merges other than identical twins (target 0.5 %%)%n%s", seed, report).isLessThanOrEqualTo(Report.MERGE_TARGET);
        assertThat(measurement.needlessSeparations()).as("seed %d separations of a device that shared no id%n%s", seed, report).isZero();
        // No device of the population signs into a second account: a count of 3 on one device would flag an
        // honest account many_accounts_on_device (and score shared_device). The fingerprint's count does so
        // for a third of the evaluations (docs/benchmarks.md), which is why neither uses it.
        assertThat(measurement.shared().byDevice()).as("seed %d evaluations with device_user_count >= 3%n%s", seed, report).isZero();
    }
}
