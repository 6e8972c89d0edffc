package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A problem's {@code type} ends in its code spelled with hyphens ({@code …/problems/name-taken}), and a
 * client matching on it takes the code from our docs: the OpenAPI description and the Markdown docs name
 * each code as it is sent, never in the enum's underscore spelling.
 */
class ProblemTypesInDocsTest {
    private static final List<Path> DOCUMENTS = List.of(Path.of("src/main/resources/openapi.json"), Path.of("../README.md"),
            Path.of("../sdk-java/README.md"), Path.of("../sdk-js/README.md"));

    @Test
    void everyCodeIsNamedAsItIsSent() throws IOException {
        List<Path> documents = new ArrayList<>(DOCUMENTS);
        try (Stream<Path> docs = Files.list(Path.of("../docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).forEach(documents::add);
        }
        assertThat(documents).hasSizeGreaterThan(10).allMatch(Files::isRegularFile);
        List<String> misspelled = new ArrayList<>();
        for (Path document : documents) {
            String text = Files.readString(document);
            for (ErrorCode code : ErrorCode.values()) {
                if (code.slug().contains("_") && Pattern.compile("\\b" + code.slug() + "\\b").matcher(text).find()) {
                    misspelled.add(document + ": " + code.slug() + " (sent as " + code.slug().replace('_', '-') + ")");
                }
            }
        }
        assertThat(misspelled).isEmpty();
    }

    @Test
    void theSentTypeIsTheHyphenatedCode() {
        assertThat(Problems.document(409, ErrorCode.NAME_TAKEN.slug(), "t", "d", List.of(), null))
                .contains("\"type\":\"https://seatguard.dev/problems/name-taken\"");
    }
}
