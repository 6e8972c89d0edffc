package io.seatguard.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Compiles every Java snippet of docs/integration-guide.md, as written there, against this SDK, so that
 * a renamed method or a changed type breaks the build rather than the first adopter who copies the
 * guide. The snippets are read from the page itself: one edited there is checked as edited.
 *
 * <p>The page's own names (its {@code accounts}, {@code openSession(...)}, the Spring annotations of its
 * webhook receiver) are declared below with the types the guide's prose gives them. A snippet that starts
 * with a member declaration (an annotation or {@code static}) goes into the class; every other one is the
 * body of a method of its own. All go into one class, because one snippet calls a method another declares.
 */
class IntegrationGuideSnippetsTest {
    private static final Path GUIDE = Path.of("..", "docs", "integration-guide.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("^[ \\t]*```java\\n(.*?)^[ \\t]*```", Pattern.MULTILINE | Pattern.DOTALL);

    /** What the guide's snippets take as given: the adopter's own code, with the types the prose describes. */
    private static final String SCAFFOLD_HEAD = """
            import io.seatguard.sdk.*;
            import com.fasterxml.jackson.databind.JsonNode;
            import java.time.*;
            import java.util.*;

            @SuppressWarnings("all")
            class GuideSnippets {
                record Account(String id, String email, String phone) {}
                interface Accounts { Account find(String user); }
                record Pending(String user, String evaluationId) {}
                interface Request { String getHeader(String name); }

                // Spring's, reduced to what the webhook receiver uses.
                @interface PostMapping { String[] value(); }
                @interface RequestHeader { String value() default ""; }
                @interface RequestBody {}
                static final class ResponseEntity<T> {
                    interface Builder { <T> ResponseEntity<T> build(); }
                    static Builder badRequest() { return null; }
                    static Builder noContent() { return null; }
                }

                SeatguardClient seatguard;
                Accounts accounts;
                Account account;
                String user, evaluationId, id, identitySecret, deviceId, deviceIdFromTheSignOutRequest, secret;
                Pending pending;
                Request request;
                Map<String, String> form;

                Object refuse() { return null; }
                Object accepted(String redirect) { return null; }
                void openSession(String user) {}
                void rememberPendingLogin(String user, String evaluationId) {}
                String clientIp(Request request) { return null; }
                void showRow(String id, String type, Instant lastSeen, Optional<Boolean> activelyConnected) {}
                boolean alreadyProcessed(String webhookId) { return false; }
                void markVerified(String user) {}
                void markSignupVerified(String evaluationId) {}
                void notifySupport(String user) {}
            """;

    @Test
    void everyJavaSnippetOfTheIntegrationGuideCompilesAgainstTheSdk() throws IOException, URISyntaxException {
        List<String> snippets = snippets(Files.readString(GUIDE));
        assertThat(snippets).as("the guide's Java snippets (%s)", GUIDE.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(8);

        StringBuilder source = new StringBuilder(SCAFFOLD_HEAD);
        for (int i = 0; i < snippets.size(); i++) {
            String snippet = snippets.get(i);
            if (isMemberDeclaration(snippet)) {
                source.append(snippet).append('\n');
            }
            else {
                source.append("Object snippet").append(i).append("() throws Exception {\n").append(snippet).append("\nreturn null;\n}\n");
            }
        }
        source.append("}\n");

        StringWriter errors = new StringWriter();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///GuideSnippets.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        Path out = Files.createTempDirectory("guide-snippets");
        boolean compiled = compiler.getTask(errors, null, null, List.of("-proc:none", "-d", out.toString(), "-classpath", classpath()), null, List.of(file))
                .call();
        assertThat(compiled).as("the guide's snippets compile:\n%s\n--- as assembled ---\n%s", errors, numbered(source.toString())).isTrue();
    }

    static List<String> snippets(String markdown) {
        List<String> found = new ArrayList<>();
        Matcher matcher = JAVA_BLOCK.matcher(markdown);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** A snippet that declares a method (annotated, or static) rather than running statements. */
    private static boolean isMemberDeclaration(String snippet) {
        String first = snippet.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("//")).findFirst().orElse("");
        return first.startsWith("@") || first.startsWith("static ");
    }

    /** This SDK's classes and Jackson's, wherever the test runner loaded them from. */
    private static String classpath() throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : List.of(SeatguardClient.class, JsonNode.class, JsonParser.class)) {
            entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static String numbered(String source) {
        List<String> lines = source.lines().toList();
        return Stream.iterate(0, i -> i < lines.size(), i -> i + 1).map(i -> (i + 1) + ": " + lines.get(i)).collect(Collectors.joining("\n"));
    }
}
