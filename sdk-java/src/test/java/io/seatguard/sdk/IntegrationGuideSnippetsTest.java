package io.seatguard.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
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
import com.sun.net.httpserver.HttpServer;
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
        compile(snippets);
    }

    /**
     * Found in a review: the sign-out snippet passed the device id the browser sent straight to
     * {@code logOutDevice}, and the settings page's to {@code listDevices}; their {@link NotFoundException}
     * (a device not the account's, an account never evaluated) then failed the backend's sign-out or page.
     * Run here against a Seatguard that knows nothing: each must go on.
     */
    @Test
    void theGuidesSignOutAndDeviceListGoOnWhenSeatguardHasNothingOfTheAccount() throws Throwable {
        List<String> snippets = snippets(Files.readString(GUIDE));
        HttpServer seatguard = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        seatguard.createContext("/", exchange -> {
            byte[] body = "{\"type\":\"https://seatguard.dev/problems/not-found\",\"detail\":\"not found\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        seatguard.start();
        try (SeatguardClient client = SeatguardClient.builder("http://127.0.0.1:" + seatguard.getAddress().getPort(), "sk_test_123").build();
                URLClassLoader loader = new URLClassLoader(new URL[] {compile(snippets).toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> guide = loader.loadClass("GuideSnippets");
            java.lang.reflect.Constructor<?> make = guide.getDeclaredConstructor();
            make.setAccessible(true);
            Object page = make.newInstance();
            set(guide, page, "seatguard", client);
            set(guide, page, "user", "mia");
            int signOut = indexOf(snippets, "logOutDevice(user, deviceIdFromTheSignOutRequest)");
            for (String fromTheBrowser : List.of("0192c1a0-0000-7000-8000-0000000000d1", "../account")) {
                set(guide, page, "deviceIdFromTheSignOutRequest", fromTheBrowser);
                run(guide, page, signOut);
            }
            run(guide, page, indexOf(snippets, "seatguard.listDevices(user)"));
        }
        finally {
            seatguard.stop(0);
        }
    }

    private static int indexOf(List<String> snippets, String text) {
        List<Integer> found = Stream.iterate(0, i -> i < snippets.size(), i -> i + 1).filter(i -> snippets.get(i).contains(text)).toList();
        assertThat(found).as("the guide's one snippet with %s", text).hasSize(1);
        return found.get(0);
    }

    private static void set(Class<?> guide, Object page, String field, Object value) throws ReflectiveOperationException {
        java.lang.reflect.Field declared = guide.getDeclaredField(field);
        declared.setAccessible(true);
        declared.set(page, value);
    }

    /** Runs the snippet; what it throws is the test's failure. */
    private static void run(Class<?> guide, Object page, int snippet) throws Throwable {
        java.lang.reflect.Method method = guide.getDeclaredMethod("snippet" + snippet);
        method.setAccessible(true);
        try {
            method.invoke(page);
        }
        catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The snippets in the scaffold, compiled; the folder of the classes. */
    private static Path compile(List<String> snippets) throws IOException, URISyntaxException {
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
        return out;
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
