package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review of the policies, lists, backtest and patterns APIs: each finding as the reviewer reproduced it over HTTP. */
class PolicyInputReviewApiTest {
    private static final Map<String, String> ADMIN_JSON = Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN, "Content-Type", "application/json");
    private static final String POLICY = """
            {"name": %s, "actions": ["login"], "conditions": {"check": "metadata.plan", "op": "eq", "value": "free"}, "verdict": "deny"}""";

    @TempDir
    static Path dataDir;
    private static TestServer server;
    private static TestApp app;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.Store.SQLITE, dataDir);
        app = server.defaultApp();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

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
        String domain = "a.".repeat(2_000) + "com";
        assertRefusedNaming(server.post("/v3/lists", "{\"name\":\"domains\",\"kind\":\"email_domain\",\"values\":[\"" + domain + "\"]}", json(app)),
                "values[0]", "must be a domain name");
        Response created = server.post("/v3/lists", "{\"name\":\"domains\",\"kind\":\"email_domain\",\"values\":[\"example.com\"]}", json(app));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertRefusedNaming(server.post("/v3/lists/" + created.json().get("id").asText() + "/add", "{\"values\":[\"" + domain + "\"]}", json(app)),
                "values[0]", "at most 253 characters");
    }

    /** Finding 5b: names of no-break spaces, or holding zero-width and other invisible formatting characters, were taken. */
    @Test
    void aNameOfInvisibleCharactersOrHoldingOneIsRefused() {
        for (String blank : List.of("\\u00a0", "\\u00a0\\u00a0", "\\u200b", "\\ufeff", "\\u3164")) {
            assertRefusedNaming(server.post("/v3/policies", POLICY.formatted("\"" + blank + "\""), json(app)), "name", "must be a non-blank string");
            assertRefusedNaming(server.post("/v3/apps", "{\"name\":\"" + blank + "\"}", ADMIN_JSON), "name", "must be a non-blank string");
        }
        for (String lookalike : List.of("Block\\u200bsharing", "Block\\u200dsharing", "\\ufeffBlock sharing", "Block\\u180e sharing")) {
            assertRefusedNaming(server.post("/v3/policies", POLICY.formatted("\"" + lookalike + "\""), json(app)), "name",
                    "must not contain invisible formatting characters");
            assertRefusedNaming(server.post("/v3/apps", "{\"name\":\"" + lookalike + "\"}", ADMIN_JSON), "name", "must not contain invisible");
            assertRefusedNaming(server.send("PATCH", "/v3/apps/" + app.id(), "{\"name\":\"" + lookalike + "\"}", ADMIN_JSON), "name", "must not contain");
        }
        Response created = server.post("/v3/policies", POLICY.formatted("\"\\u00a0Free plans\\u00a0\""), json(app));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).as("stripped of Unicode spaces too").isEqualTo("Free plans");
    }

    /** Finding 5c: {@code "CaseList "} was stored as {@code CaseList}, where openapi.json's pattern refuses it. */
    @Test
    void aListNameWithASpaceAtItsEndIsRefusedNotStripped() {
        assertRefusedNaming(server.post("/v3/lists", "{\"name\":\"CaseList \",\"kind\":\"user\"}", json(app)), "name", "must not start or end with a space");
        assertRefusedNaming(server.post("/v3/lists", "{\"name\":\" CaseList\",\"kind\":\"user\"}", json(app)), "name", "must not start or end with a space");
        Response created = server.post("/v3/lists", "{\"name\":\"Case List\",\"kind\":\"user\"}", json(app));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo("Case List");
    }
}
