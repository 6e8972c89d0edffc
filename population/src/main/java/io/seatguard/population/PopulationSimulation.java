package io.seatguard.population;

import io.seatguard.core.identity.DeviceMatcher;
import io.seatguard.core.identity.DeviceResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Generates a device population, runs it through the evaluation pipeline and reports split and merge
 * rates, overall and per platform, and what caused them (issue 3; targets: split ≤ 2 %, merge ≤ 0.5 %).
 * The report goes to stdout and to {@code population/target/population-report.md}.
 *
 * <pre>
 * bench/run-population.sh [--devices N] [--seed S] [--threshold T | --sweep] [--crowded-at K] [--no-landing]
 * </pre>
 */
public final class PopulationSimulation {
    static final double[] SWEEP = {0.70, 0.75, 0.78, 0.80, 0.85, 0.90, 0.95};
    private static final String USAGE = "usage: PopulationSimulation [--devices N] [--seed S] [--threshold T | --sweep] [--crowded-at K] [--no-landing]";

    private PopulationSimulation() {}

    public static void main(String[] args) throws IOException {
        int devices = 10_000;
        long seed = 1;
        double threshold = DeviceMatcher.DEFAULT_THRESHOLD;
        int crowdedAt = DeviceResolver.DEFAULT_CROWDED_AT;
        boolean sweep = false;
        boolean landing = true;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--devices" -> devices = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                    case "--crowded-at" -> crowdedAt = Integer.parseInt(args[++i]);
                    case "--sweep" -> sweep = true;
                    // Signups not followed by the new account's first page, as measured before 2026-12-01.
                    case "--no-landing" -> landing = false;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
        }
        catch (RuntimeException e) {
            System.err.println(e.getMessage() == null ? USAGE : e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "# Device population: %,d devices, seed %d, crowded at %d tokens%n%n", devices, seed, crowdedAt));
        report.append(Report.population(new PopulationGenerator(seed).generate(devices)));
        if (sweep) {
            Map<Double, Measurement> byThreshold = new LinkedHashMap<>();
            for (double t : SWEEP) {
                System.err.printf(Locale.ROOT, "threshold %.2f ...%n", t);
                byThreshold.put(t, new Simulation(seed, t, crowdedAt, landing).run(new PopulationGenerator(seed).generate(devices)));
            }
            report.append(Report.sweep(byThreshold));
        }
        else {
            long started = System.nanoTime();
            Measurement m = new Simulation(seed, threshold, crowdedAt, landing).run(new PopulationGenerator(seed).generate(devices));
            report.append(Report.run(m, threshold, (System.nanoTime() - started) / 1e9));
        }
        System.out.print(report);
        Path out = Path.of("population", "target", "population-report.md");
        if (Files.isDirectory(out.getParent().getParent())) {
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }
}
