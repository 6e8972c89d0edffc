package io.seatguard.population;

import io.seatguard.core.identity.DeviceMatcher;
import io.seatguard.core.identity.DeviceResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates a device population, runs it through the evaluation pipeline and reports split and merge
 * rates, overall and per platform (issue 3; targets: split ≤ 2 %, merge ≤ 0.5 %).
 *
 * <pre>
 * bench/run-population.sh [--devices N] [--seed S] [--threshold T | --sweep] [--crowded-at K]
 * </pre>
 */
public final class PopulationSimulation {
    static final double[] SWEEP = {0.70, 0.75, 0.80, 0.85, 0.90, 0.95};

    private PopulationSimulation() {}

    public static void main(String[] args) throws IOException {
        int devices = 10_000;
        long seed = 1;
        double threshold = DeviceMatcher.DEFAULT_THRESHOLD;
        int crowdedAt = DeviceResolver.DEFAULT_CROWDED_AT;
        boolean sweep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--devices" -> devices = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                case "--crowded-at" -> crowdedAt = Integer.parseInt(args[++i]);
                case "--sweep" -> sweep = true;
                default -> {
                    System.err.println("usage: PopulationSimulation [--devices N] [--seed S] [--threshold T | --sweep] [--crowded-at K]");
                    System.exit(2);
                }
            }
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "# Device population: %,d devices, seed %d, crowded at %d tokens%n%n", devices, seed, crowdedAt));
        List<PhysicalDevice> population = new PopulationGenerator(seed).generate(devices);
        if (sweep) {
            report.append("| threshold | split | merge | visits |\n|---|---|---|---|\n");
            for (double t : SWEEP) {
                Measurement m = new Simulation(seed, t, crowdedAt).run(new PopulationGenerator(seed).generate(devices));
                report.append(String.format(Locale.ROOT, "| %.2f | %s | %s | %,d |%n", t, percent(m.overall().splitRate()), percent(m.overall().mergeRate()),
                        m.visits()));
            }
        }
        else {
            long started = System.nanoTime();
            Measurement m = new Simulation(seed, threshold, crowdedAt).run(population);
            report.append(table(m, threshold));
            report.append("\nVisits that reused another device's id, by how they were resolved:\n");
            m.mergeCauses.forEach((cause, count) -> report.append("- ").append(cause).append(": ").append(count).append('\n'));
            report.append("\nVisits that gave a known device a further id:\n");
            m.splitCauses.forEach((cause, count) -> report.append("- ").append(cause).append(": ").append(count).append('\n'));
            report.append(String.format(Locale.ROOT, "%n%,d visits in %.1f s%n", m.visits(), (System.nanoTime() - started) / 1e9));
        }
        System.out.print(report);
        Path out = Path.of("population", "target", "population-report.md");
        if (Files.isDirectory(out.getParent().getParent())) {
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }

    static String table(Measurement m, double threshold) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Threshold %.2f%n%n| platform | devices | split | merge |%n|---|---|---|---|%n", threshold));
        for (Map.Entry<Platform, Measurement.Rates> entry : m.perPlatform().entrySet()) {
            Measurement.Rates r = entry.getValue();
            table.append(String.format(Locale.ROOT, "| %s | %,d | %s (%d) | %s (%d) |%n", entry.getKey().name().toLowerCase(Locale.ROOT), r.devices(),
                    percent(r.splitRate()), r.split(), percent(r.mergeRate()), r.merged()));
        }
        Measurement.Rates all = m.overall();
        table.append(String.format(Locale.ROOT, "| **all** | %,d | **%s** (%d) | **%s** (%d) |%n", all.devices(), percent(all.splitRate()), all.split(),
                percent(all.mergeRate()), all.merged()));
        return table.toString();
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f %%", rate * 100);
    }
}
