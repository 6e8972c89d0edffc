package io.seatguard.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Review finding: the client sent the JDK's {@code Java-http-client/…} as its {@code User-Agent}, so
 * operators could not tell the SDK's calls, nor its version, in their logs. It sends
 * {@code seatguard-java/<the POM's version>}, also through an HttpClient of the app's.
 */
class UserAgentTest {
    private HttpServer server;
    private final List<String> agents = new CopyOnWriteArrayList<>();

    private String serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            agents.add(String.valueOf(exchange.getRequestHeaders().get("User-Agent")));
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The version the build gives this module, read from its POM (the parent's, which it inherits). */
    private static String pomVersion() throws IOException {
        Matcher parent = java.util.regex.Pattern.compile("<parent>.*?<version>([^<]+)</version>", java.util.regex.Pattern.DOTALL)
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(parent.find()).as("sdk-java/pom.xml names its parent's version").isTrue();
        return parent.group(1);
    }

    @Test
    void everyCallNamesTheSdkAndItsVersion() throws IOException {
        String url = serve();
        String expected = "[seatguard-java/" + pomVersion() + "]";
        SeatguardClient own = SeatguardClient.builder(url, "sk_test_123").build();
        own.listDevices("mia");
        try (HttpClient given = HttpClient.newHttpClient()) {
            SeatguardClient withTheirs = SeatguardClient.builder(url, "sk_test_123").httpClient(given).build();
            withTheirs.listDevices("mia");
        }
        assertThat(agents).as("one User-Agent, the SDK's, with its own client and an app's").containsExactly(expected, expected);
    }
}
