package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review of the policies, lists, backtest and patterns APIs: each finding as the reviewer reproduced it over HTTP. */
class PolicyInputReviewApiTest {
    @TempDir
    Path dataDir;

    private static Map<String, String> json(TestApp app) {
        Map<String, String> headers = new HashMap<>(app.bearer());
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private static void assertRefusedNaming(Response response, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.body()).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("message").asText()).contains(message);
        });
    }

    /** Finding 1: a domain of 2,000 labels overflowed the stack: a 500 with an empty text/plain body. */
    @Test
    void aDomainOfThousandsOfLabelsIsRefusedNamingTheValue() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            String domain = "a.".repeat(2_000) + "com";
            assertRefusedNaming(server.post("/v3/lists", "{\"name\":\"domains\",\"kind\":\"email_domain\",\"values\":[\"" + domain + "\"]}", json(app)),
                    "values[0]", "must be a domain name");
            Response created = server.post("/v3/lists", "{\"name\":\"domains\",\"kind\":\"email_domain\",\"values\":[\"example.com\"]}", json(app));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertRefusedNaming(server.post("/v3/lists/" + created.json().get("id").asText() + "/add", "{\"values\":[\"" + domain + "\"]}", json(app)),
                    "values[0]", "at most 253 characters");
        }
    }
}
