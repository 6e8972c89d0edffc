package io.seatguard.server;

import java.util.Optional;

/** Reads one series out of a Prometheus text scrape ({@code GET /metrics}). */
public final class MetricsText {
    private MetricsText() {}

    /**
     * @param series the name, with its labels as the scrape prints them (sorted by name), e.g.
     *     {@code seatguard_messages_sent_total{channel="email",kind="code",outcome="delivered"}}
     */
    public static Optional<Double> find(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " "))
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).findFirst();
    }

    /** The series' value; an AssertionError when the scrape does not have it. */
    public static double value(String scrape, String series) {
        return find(scrape, series).orElseThrow(() -> new AssertionError(series + " not in the metrics"));
    }
}
