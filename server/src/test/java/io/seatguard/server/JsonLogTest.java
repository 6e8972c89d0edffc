package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.http.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SEATGUARD_LOG_FORMAT=json: one JSON object a line, each carrying the line as text (formattedMessage)
 * besides its template (message) and values (arguments), so that a search for what the text log says
 * finds it in the JSON log too.
 */
class JsonLogTest {
    @TempDir
    Path work;

    @Test
    void everyLineIsAnObjectWithItsTextWhole() throws Exception {
        int port = ServerProcess.freePort();
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaCommand, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "io.seatguard.server.Main", "serve", "--port", Integer.toString(port), "--no-stun", "--data-dir", work.resolve("data").toString(),
                "--geoip-db", "off", "--asn-db", "off"));
        try (ServerProcess server = ServerProcess.start(command, Map.of("SEATGUARD_LOG_FORMAT", "json"), port, work)) {
            // The server answers /readyz a moment before it logs that it listens.
            java.time.Instant until = java.time.Instant.now().plusSeconds(20);
            while (!server.errorOutput().contains("Seatguard listening on") && java.time.Instant.now().isBefore(until)) {
                Thread.sleep(50);
            }
            List<JsonNode> lines = new ArrayList<>();
            for (String line : server.errorOutput().lines().filter(line -> !line.isBlank()).toList()) {
                lines.add(Json.MAPPER.readTree(line));
            }
            assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.isObject()).isTrue());
            assertThat(lines).anySatisfy(line -> {
                assertThat(line.path("formattedMessage").asText()).startsWith("Seatguard listening on http://");
                assertThat(line.path("message").asText()).contains("{}");
            });
        }
    }
}
