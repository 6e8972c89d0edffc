package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.storage.RedisTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} as Prometheus's own parser and linter read it ({@code promtool check metrics}):
 * a scrape that does not parse loses every series, and its lint is what an SRE adopting Seatguard runs
 * first. Taken from a node with Redis, after an evaluation, so that the request histogram and the Redis
 * gauges are in it.
 */
class MetricsExpositionTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    void promtoolParsesTheScrapeAndFindsNothingAgainstTheConventions(@TempDir Path dataDir) throws Exception {
        boolean installed = Files.isExecutable(PROMTOOL);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed).as("CI=true needs %s (apt-get install -y --no-install-recommends prometheus)", PROMTOOL).isTrue();
        }
        Assumptions.assumeTrue(installed, "promtool is not installed");
        RedisTestServer.require();
        try (TestServer server = TestServer.startWith(TestServer.config(dataDir).redisUrl(RedisTestServer.URL).build())) {
            assertThat(server.post("/v3/evaluate", "{\"client_id\":\"" + server.defaultApp().clientId() + "\",\"action\":\"signup\"}", Map.of()).status())
                    .isEqualTo(200);
            String scrape = server.get("/metrics", Map.of()).body();
            Process check = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
            try (var stdin = check.getOutputStream()) {
                stdin.write(scrape.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
            // Exit status 1 is a scrape that does not parse, 3 a lint problem; each is named in the output.
            assertThat(check.exitValue()).as("promtool check metrics:%n%s", output).isZero();
            assertThat(output).isBlank();
            // What the lint moved Micrometer's two meters to, as docs/production.md names them.
            assertThat(scrape).contains("\nprocess_cpu_seconds_total ").contains("\nsystem_cpus ");

            // Every family of Seatguard's own is in the operator's list of them.
            String documented = Files.readString(Path.of("..", "docs", "production.md"));
            List<String> families = scrape.lines().filter(line -> line.startsWith("# TYPE seatguard_")).map(line -> line.split(" ")[2]).toList();
            assertThat(families).as("Seatguard's series in /metrics").hasSizeGreaterThan(15)
                    .allSatisfy(family -> assertThat(documented).as("docs/production.md names %s", family).contains("`" + family + "`"));
        }
    }
}
