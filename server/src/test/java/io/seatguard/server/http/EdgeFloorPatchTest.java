package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * bench/build-floor-jar.sh applies bench/floor/edge-floor.patch to the evaluate handler to measure what
 * the HTTP edge costs alone (docs/benchmarks.md, "The edge floor"). The patch is only applied when
 * someone measures, so a change to the handler used to break it unnoticed (session 33's rate limit did).
 * This checks what {@code git apply} checks: every hunk's old lines, context and removed, still stand
 * together in the file.
 */
class EdgeFloorPatchTest {
    private static final Path ROOT = Path.of("..");
    private static final Path PATCH = ROOT.resolve("bench/floor/edge-floor.patch");

    @Test
    void theEdgeFloorPatchStillAppliesToTheEvaluateHandler() throws IOException {
        List<String> patch = Files.readAllLines(PATCH);
        String target = patch.stream().filter(line -> line.startsWith("+++ b/")).findFirst().orElseThrow().substring("+++ b/".length());
        List<String> file = Files.readAllLines(ROOT.resolve(target));
        List<List<String>> hunks = oldSides(patch);
        assertThat(hunks).as("hunks in %s", PATCH).isNotEmpty();
        for (List<String> hunk : hunks) {
            assertThat(Collections.indexOfSubList(file, hunk)).as("this part of %s is no longer in %s; remake the patch:%n%s", PATCH, target,
                    String.join("\n", hunk)).isNotNegative();
        }
    }

    /** The lines each hunk expects to find: its context lines and the lines it removes, in order. */
    private static List<List<String>> oldSides(List<String> patch) {
        List<List<String>> hunks = new ArrayList<>();
        List<String> current = null;
        for (String line : patch) {
            if (line.startsWith("@@")) {
                current = new ArrayList<>();
                hunks.add(current);
            }
            else if (current != null && (line.startsWith(" ") || line.startsWith("-")) && !line.startsWith("--- ")) {
                current.add(line.substring(1));
            }
            else if (current != null && line.isEmpty()) {
                current.add("");
            }
        }
        return hunks;
    }
}
