package io.seatguard.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads one series out of a Prometheus text scrape ({@code GET /metrics}). */
public final class MetricsText {
    /** A histogram's bucket line: {@code name_bucket{labels,le="0.25"} 3} (Prometheus sorts labels, so le is among them). */
    private static final Pattern BUCKET = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)_bucket\\{(?:(.*?),)?le=\"([^\"]+)\"(?:,(.*?))?,?} .*$");

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

    /**
     * Every histogram series in the scrape, named as {@code name{labels}} without {@code _bucket} and
     * {@code le}, with its bucket bounds in the scrape's order ({@code +Inf} as infinity).
     */
    public static Map<String, List<Double>> histogramBuckets(String scrape) {
        Map<String, List<Double>> buckets = new LinkedHashMap<>();
        for (String line : scrape.lines().toList()) {
            Matcher bucket = BUCKET.matcher(line);
            if (bucket.matches()) {
                String labels = String.join(",", Stream.of(bucket.group(2), bucket.group(4)).filter(part -> part != null && !part.isEmpty()).toList());
                String le = bucket.group(3);
                buckets.computeIfAbsent(bucket.group(1) + "{" + labels + "}", series -> new ArrayList<>())
                        .add(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le));
            }
        }
        return buckets;
    }
}
