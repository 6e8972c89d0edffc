package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.storage.RedisTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerting rules in {@code deploy/prometheus}, which an operator loads into their Prometheus and
 * nothing else here runs: {@code promtool} finds them valid and their unit tests pass (each alert fires on
 * made-up series where it should and not where it should not), and every series they select is one a
 * real server exports, with the labels they ask for. A metric renamed in the code without its rule would
 * leave an alert that can never fire; the last test catches that.
 */
class PrometheusAlertsTest {
    private static final Path DIR = Path.of("..", "deploy", "prometheus");
    private static final Path RULES = DIR.resolve("seatguard-alerts.yml");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    /** A metric name, then its label matchers if any: {@code name{a="x",b=~"y"}}. */
    private static final Pattern SELECTOR = Pattern.compile("\\b((?:seatguard|jvm)_[a-z_]+)(\\{([^}]*)\\})?");
    /** {@code histogram_quantile(q, … rate(name_bucket{matchers}[…]) …) > threshold}, on one line. */
    private static final Pattern QUANTILE_THRESHOLD = Pattern.compile("histogram_quantile\\(.*?\\b([a-z_]+)_bucket(?:\\{([^}]*)\\})?.*\\)\\s*[<>]=?\\s*([0-9.]+)");
    private static final Pattern EXACT_LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @Test
    void promtoolFindsTheRulesValidAndTheirUnitTestsPass() throws Exception {
        requirePromtool();
        assertThat(promtool("check", "rules", "seatguard-alerts.yml")).contains("SUCCESS: 13 rules found");
        assertThat(promtool("test", "rules", "seatguard-alerts.test.yml")).contains("SUCCESS");
    }

    @Test
    void everySeriesTheRulesSelectIsOneAServerExports(@TempDir Path dataDir) throws Exception {
        List<String> selectors = new ArrayList<>();
        Matcher found = SELECTOR.matcher(Files.readString(RULES));
        while (found.find()) {
            selectors.add(found.group());
        }
        assertThat(selectors).as("the rules watch the node's own metrics").hasSizeGreaterThan(10);

        // With Redis, as several nodes run: its links' series exist only then.
        RedisTestServer.require();
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).redisUrl(RedisTestServer.URL).build())) {
            // What an idle node lacks: one evaluation answered 200 on its route.
            assertThat(server.post("/v3/evaluate", "{\"client_id\":\"" + server.defaultApp().clientId() + "\",\"action\":\"signup\"}", Map.of()).status())
                    .isEqualTo(200);
            List<Series> exported = series(server.get("/metrics", Map.of()).body());
            for (String selector : selectors) {
                Matcher parts = SELECTOR.matcher(selector);
                assertThat(parts.matches()).isTrue();
                Map<String, String> wanted = new HashMap<>();
                if (parts.group(3) != null) {
                    for (String matcher : parts.group(3).split(",")) {
                        Matcher exact = EXACT_LABEL.matcher(matcher.trim());
                        // Regular-expression and negative matchers are left out: an exact label is what a rename breaks.
                        if (exact.matches()) {
                            wanted.put(exact.group(1), exact.group(2));
                        }
                    }
                }
                assertThat(exported).as("a series for %s in /metrics", selector)
                        .anySatisfy(series -> {
                            assertThat(series.name()).isEqualTo(parts.group(1));
                            assertThat(series.labels()).containsAllEntriesOf(wanted);
                        });
            }
        }
    }

    /**
     * Between two buckets {@code histogram_quantile} guesses by straight interpolation, so a threshold
     * inside a wide bucket fires on a made-up latency: each threshold must be a bucket bound of the series
     * it reads, as a real server exports it. Micrometer's percentile histogram had no 0.25 s bound, so
     * {@code SeatguardSlowEvaluations}' 250 ms fell between 0.246 and 0.268 s.
     */
    @Test
    void everyQuantileThresholdIsABucketBound(@TempDir Path dataDir) throws Exception {
        List<QuantileThreshold> thresholds = new ArrayList<>();
        Matcher found = QUANTILE_THRESHOLD.matcher(Files.readString(RULES));
        while (found.find()) {
            thresholds.add(new QuantileThreshold(found.group(1), found.group(2) == null ? "" : found.group(2), Double.parseDouble(found.group(3))));
        }
        assertThat(thresholds).as("SeatguardSlowEvaluations reads the request timer's buckets").isNotEmpty();

        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            assertThat(server.post("/v3/evaluate", "{\"client_id\":\"" + server.defaultApp().clientId() + "\",\"action\":\"signup\"}", Map.of()).status())
                    .isEqualTo(200);
            Map<String, List<Double>> buckets = MetricsText.histogramBuckets(server.get("/metrics", Map.of()).body());
            for (QuantileThreshold threshold : thresholds) {
                Map<String, String> wanted = new HashMap<>();
                Matcher exact = EXACT_LABEL.matcher(threshold.matchers());
                while (exact.find()) {
                    wanted.put(exact.group(1), exact.group(2));
                }
                List<List<Double>> selected = buckets.entrySet().stream()
                        .filter(histogram -> histogram.getKey().startsWith(threshold.histogram() + "{"))
                        .filter(histogram -> wanted.entrySet().stream().allMatch(label -> histogram.getKey().contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                        .map(Map.Entry::getValue).toList();
                assertThat(selected).as("the histogram %s{%s} in /metrics", threshold.histogram(), threshold.matchers()).isNotEmpty()
                        .allSatisfy(bounds -> assertThat(bounds).as("%s's bounds", threshold.histogram()).contains(threshold.seconds()));
            }
        }
    }

    private record QuantileThreshold(String histogram, String matchers, double seconds) {}

    private record Series(String name, Map<String, String> labels) {}

    private static List<Series> series(String scrape) {
        List<Series> all = new ArrayList<>();
        Pattern line = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? .*$");
        Pattern label = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
        for (String text : scrape.lines().filter(l -> !l.startsWith("#")).toList()) {
            Matcher sample = line.matcher(text);
            if (!sample.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            if (sample.group(3) != null) {
                Matcher pair = label.matcher(sample.group(3));
                while (pair.find()) {
                    labels.put(pair.group(1), pair.group(2));
                }
            }
            all.add(new Series(sample.group(1), labels));
        }
        return all;
    }

    private static String promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(args));
        Process run = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as("promtool %s:%n%s", String.join(" ", args), output).isZero();
        return output;
    }

    private static void requirePromtool() {
        boolean installed = Files.isExecutable(PROMTOOL);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed).as("CI=true needs %s (apt-get install -y --no-install-recommends prometheus)", PROMTOOL).isTrue();
        }
        Assumptions.assumeTrue(installed, "promtool is not installed");
    }
}
