package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.TestApp;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found in review: a JSON body sent with {@code Content-Encoding: gzip} was parsed as raw JSON, and refused
 * with a complaint about its bytes. Any content coding but identity is now 415 naming the header.
 */
class EncodedBodiesTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aJsonBodyWithAContentCodingIsRefusedNamingContentEncoding(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.createApp("shop", "https://shop.example");
            String evaluate = "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"login\",\"user\":\"rita\"}";
            String list = "{\"name\":\"blocked_ips\",\"kind\":\"ip\",\"values\":[\"203.0.113.9\"]}";

            for (String encoding : new String[] {"gzip", "identity, gzip", "br"}) {
                HttpResponse<String> refused = post(server, "/v3/evaluate", evaluate, encoding, null);
                assertRefused(refused, encoding);
                assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).as("the page can read why").hasValue("https://shop.example");
                assertRefused(post(server, "/v3/lists", list, encoding, "Bearer " + app.secretKey()), encoding);
            }

            HttpResponse<String> identity = post(server, "/v3/evaluate", evaluate, "identity", null);
            assertThat(identity.statusCode()).as(identity.body()).isEqualTo(200);
            HttpResponse<String> created = post(server, "/v3/lists", list, "Identity", "Bearer " + app.secretKey());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
    }

    private static void assertRefused(HttpResponse<String> response, String encoding) throws Exception {
        assertThat(response.statusCode()).as(encoding + ": " + response.body()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = io.seatguard.server.http.Json.MAPPER.readTree(response.body());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("Content-Encoding");
        assertThat(problem.get("detail").asText()).contains("Content-Encoding");
    }

    /** POSTs {@code json}, gzipped unless the coding named is identity alone. */
    private HttpResponse<String> post(TestServer server, String path, String json, String encoding, String authorization) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        if (!encoding.equalsIgnoreCase("identity")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(body);
            }
            body = out.toByteArray();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", encoding)
                .header("Origin", "https://shop.example")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
