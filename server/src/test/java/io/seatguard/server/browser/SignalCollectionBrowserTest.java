package io.seatguard.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.server.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What the SDK served at {@code /v3/sdk.js} collects in Debian's Chromium, and how long it takes.
 *
 * <p>The test asserts what must hold in any Chromium (the stable components are there, volatile ones
 * are not, collections on every page load agree). The timings are measured, not asserted: they are written to
 * {@code server/target/browser-bench/sdk-collection.json} and reported in docs/benchmarks.md (budget:
 * p95 ≤ 150 ms), because a timed assertion would fail on a busy machine for no fault of the code.
 */
class SignalCollectionBrowserTest {
    static final int RUNS = Integer.getInteger("seatguard.sdkCollectionRuns", 40);
    /** One collection, as a page does it once per load. */
    private static final String COLLECT = """
            const done = arguments[arguments.length - 1];
            import('/v3/sdk.js').then((sdk) => sdk.collectSignals()).then((signals) => done(JSON.stringify(signals)))
              .catch((e) => done(JSON.stringify({ failed: String(e) })));
            """;

    @TempDir
    Path work;

    @Test
    void theStableComponentsAreCollectedAlikeOnEveryPageLoad() throws Exception {
        Chromium.requireInstalled();
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, work.resolve("data"))) {
            ChromeDriver browser = Chromium.start(work.resolve("profile"), false);
            try {
                List<JsonNode> runs = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    // A fresh page load each time: what a site pays on every protected page view.
                    browser.get(server.url() + "/demo?run=" + i);
                    JsonNode run = new ObjectMapper().readTree((String) browser.executeAsyncScript(COLLECT));
                    assertThat(run.has("components")).as("collection failed: %s", run).isTrue();
                    runs.add(run);
                }
                JsonNode first = runs.get(0);
                // Every value any run collected; a probe over its budget (120 ms) is left out of that run by design,
                // which a loaded machine (the CI's, running other tests beside this one) does now and then.
                ObjectNode components = new ObjectMapper().createObjectNode();
                Map<String, Integer> missing = new java.util.TreeMap<>();
                for (JsonNode run : runs) {
                    run.get("components").fields().forEachRemaining(component -> {
                        JsonNode seen = components.get(component.getKey());
                        assertThat(seen == null ? component.getValue() : seen).as("every collection gives %s the same value", component.getKey())
                                .isEqualTo(component.getValue());
                        components.set(component.getKey(), component.getValue());
                    });
                }
                assertThat(fieldNames(components)).contains("canvas", "webgl_vendor", "webgl_renderer", "webgl_params", "audio", "fonts", "screen",
                        "color_depth", "pixel_ratio", "cores", "memory", "platform", "timezone", "languages", "touch_points", "ch_platform", "ch_arch",
                        "ch_bitness", "vendor", "math", "pdf_viewer");
                assertThat(fieldNames(components)).doesNotContain("window_size", "battery", "storage_quota");
                assertThat(first.get("token").asText()).matches("[0-9a-f]{32}");
                List<Double> durations = new ArrayList<>();
                for (JsonNode run : runs) {
                    fieldNames(components).stream().filter(name -> !run.get("components").has(name)).forEach(name -> missing.merge(name, 1, Integer::sum));
                    assertThat(run.get("token")).isEqualTo(first.get("token"));
                    durations.add(run.get("duration_ms").asDouble());
                }
                // Stable means there in (nearly) every page load, not only alike when there.
                assertThat(missing.values()).as("page loads of %d that missed a component: %s", RUNS, missing).allMatch(count -> count <= RUNS / 10);
                System.out.println("SDK signal collection: components missed (probe over budget) " + missing);
                record(durations, components, (String) browser.executeScript("return navigator.userAgent"));
            }
            finally {
                browser.quit();
            }
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Writes the timings. The first run is reported apart: it is the browser's first page, which starts
     * the GPU process and its software renderer (SwiftShader here) cold.
     */
    private static void record(List<Double> durations, JsonNode components, String userAgent) throws Exception {
        List<Double> warm = new ArrayList<>(durations.subList(1, durations.size()));
        warm.sort(Double::compare);
        Map<String, Object> report = Map.of(
                "page_loads", durations.size(),
                "first_ms", durations.get(0),
                "p50_ms", percentile(warm, 0.50),
                "p95_ms", percentile(warm, 0.95),
                "max_ms", warm.get(warm.size() - 1),
                "user_agent", userAgent,
                "components", components);
        Path out = Path.of("target", "browser-bench", "sdk-collection.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        System.out.printf("SDK signal collection in Chromium: first %.1f ms, p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d more page loads%n",
                durations.get(0), percentile(warm, 0.50), percentile(warm, 0.95), warm.get(warm.size() - 1), warm.size());
    }

    private static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
